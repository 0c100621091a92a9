/**
 * The one message protocol between Precheck's parts (background, content scripts, options page,
 * popup). Messages carry settings and results only, never draft text: a draft is scanned where it is
 * written.
 *
 * Background answers:
 *   getPolicyForPage(url)    content script → what it needs for that page (no PIN records)
 *   getPolicyState()         options page / popup → the policy in force, locked keys, rejected inputs
 *   savePolicy(req)          options page → the whole candidate policy, accepted whole or not at all
 *                            (a roster change also needs `auth`: lib/policy/roster-guard.ts)
 *   importPolicyJson(req)    options page → a policy file's text, the same way
 *   adminStatus()            options page → is the administrator password set
 *   setAdminPassword(req)    options page → sets it (the first time) or changes it (with the current one)
 *   checkAdminPassword(pw)   options page → unlocks the roster for this page
 *   saveTaughtAdapter(a)     content script → a site adapter taught on its page, added to the local
 *                            policy (replacing one for the same page) and saved like savePolicy
 *   openAttachmentScanner()  content script → make sure the attachment scanner page runs (Chrome: an
 *                            offscreen document; Firefox: a frame of the background page); the file's
 *                            bytes then go straight to that page over an ATTACHMENT_PORT port
 * Background sends:
 *   policyChanged(state)     → extension pages, after the policy in force changed
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AttachmentResult } from '../attachments/types';
import type { AuditEntry, VerifyResult } from '../audit/types';
import type { AdminResult, AdminStatus } from '../policy/admin-password';
import type { RosterAuth } from '../policy/roster-auth';
import type { SiteAdapter } from '../policy/schema';
import type { PolicyState, SaveResult } from '../policy/store';
import type { Finding, Localized } from '../scan/types';
import type { IdSource } from '../signoff/released-tabs';
import type { SignedFileReason } from '../signoff/file-reasons';
import type { Signoff, SignoffRole } from '../signoff/types';
import type { PagePolicy } from './page-policy';

export type { PolicyState, SaveResult, SourcedProblem } from '../policy/store';
export type { AdminResult, AdminStatus } from '../policy/admin-password';
export type { RosterAuth } from '../policy/roster-auth';
export type { PagePolicy } from './page-policy';

export interface ProtocolMap {
  getPolicyForPage(url: string): PagePolicy;
  getPolicyState(): PolicyState;
  savePolicy(req: { policy: unknown; auth?: RosterAuth }): SaveResult;
  importPolicyJson(req: { text: string; auth?: RosterAuth }): SaveResult;
  adminStatus(): AdminStatus;
  setAdminPassword(req: { current?: string; next: string }): AdminResult;
  checkAdminPassword(password: string): AdminResult;
  saveTaughtAdapter(adapter: SiteAdapter): SaveResult;
  policyChanged(state: PolicyState): void;

  // Sign-off (content script → background, the authority on PINs and sign-offs).
  pinChallenge(req: { reviewerId: string }): PinChallenge;
  signOff(req: SignOffRequest): SignOffResult;
  overrideFinding(req: OverrideRequest): SignOffResult;
  /** A refused upload (a block finding, too large to check) signed off by a reviewer: it may leave once. */
  signOffFile(req: FileSignOffRequest): SignOffResult;
  getSignoffs(digest: string): Signoff[];
  voidSignoffs(req: { digest: string; context: AuditEntry }): void;
  releasePublish(req: ReleaseRequest): ReleaseResult;
  /** Events a page may report itself: publish-blocked, publish-outcome, post-publish-check. */
  recordAudit(entry: AuditEntry): AppendResult;
  getEditorIdentity(): string | null;
  setEditorIdentity(name: string): void;
  /** Item ids signed off on this site (list-page publish of them passes the gate). */
  getSignedItems(origin: string): string[];
  /** Items saved again after their sign-off: what is on the server may no longer be what was signed. */
  revokeSignedItems(req: { origin: string; ids: string[] }): void;
  /**
   * The publish just released in this tab named the new item's id — in its save response, or on the
   * page its form post led to (`id` null: that page named none, and spends the release all the same).
   */
  savedItemSigned(req: { origin: string; id: string | null; from?: IdSource }): boolean;
  /** The publish just released in this tab left as a navigation (a form post): its answer is a page. */
  releaseNavigated(req: { origin: string }): void;
  /** A list page publishes signed items through an adapter-named endpoint: lift the network block for this tab. */
  openBackstop(req: { origin: string; ids: string[] }): boolean;
  /** The key a content script's question through another window's relay carries to spend a release (lib/background/relay-key.ts). */
  getRelayKey(): string;

  // Audit log (extension pages → background; pages read the log straight from IndexedDB).
  auditVerify(): VerifyResult;
  auditExported(req: { format: 'csv' | 'jsonl' | 'form'; count: number; throughSeq: number }): AppendResult;
  /** Published-page check from the popup or the published page: main content's title and text digest. */
  postPublishCheck(req: PublishedPage): PostPublishResult;
  /**
   * Content script on a page without an editor: its title candidates (document.title, h1). When one
   * names a published item, the background extracts the page's main content and checks it.
   */
  publishedPageOpened(req: { titles: string[] }): PostPublishResult;

  openAttachmentScanner(): AttachmentScannerReady;
}

export type AttachmentScannerReady = { ok: true } | { ok: false; message: Localized };

/**
 * Content script ↔ attachment scanner page, over runtime.connect({ name: ATTACHMENT_PORT }). Chrome's
 * extension messaging is JSON only, so the file travels as base64 chunks (ATTACHMENT_CHUNK bytes
 * each, under the 64 MiB message limit), then the page answers with the result. File bytes go to the
 * extension's own page only, never to the background's log or anywhere else.
 */
export const ATTACHMENT_PORT = 'precheck:attachment';
export const ATTACHMENT_CHUNK = 4 * 1024 * 1024;

/** The policy the scan applies: what the content script's PagePolicy says. */
export type AttachmentScanPolicy = Pick<PagePolicy, 'rules' | 'allowList' | 'customWords' | 'attachments'> & { locale: 'zh' | 'en' };

export type AttachmentRequest =
  | { type: 'begin'; name: string; size: number; policy: AttachmentScanPolicy }
  | { type: 'chunk'; offset: number; base64: string };

export type AttachmentReply = { type: 'result'; result: AttachmentResult };

/**
 * A PIN is never sent anywhere. The background hands out the reviewer's salt and iteration count and
 * a one-time nonce; the page derives the PBKDF2 key from the typed PIN and answers with
 * HMAC-SHA256(key, nonce) (lib/signoff/pin-proof.ts), which the background checks against the stored
 * hash. A proof is good for one nonce only.
 */
export type PinChallenge =
  | { ok: true; challengeId: string; salt: string; iterations: number; nonce: string }
  | { ok: false; code: 'unknown-reviewer' | 'locked'; message: Localized; waitMs?: number };

/** The audit context of a sign-off (title, category, findings summary ...; no draft text). */
export interface SignOffRequest {
  reviewerId: string;
  role: SignoffRole;
  challengeId: string;
  proof: string;
  digest: string;
  context: AuditEntry;
}

export interface OverrideRequest {
  reviewerId: string;
  challengeId: string;
  proof: string;
  ruleId: string;
  /** Masked excerpt. */
  excerpt: string;
  reason: string;
  context: AuditEntry;
}

/** The file a reviewer signs off: its content key, never its bytes; findings go masked in the context. */
export interface SignedFile {
  name: string;
  /** lib/content/attachments/file-key.ts: SHA-256 and size, or an unhashed key for a huge file. */
  key: string;
  /** Hex SHA-256 of the bytes; '' when the file was too large to hash. */
  sha256: string;
  size: number;
  /**
   * Why it was held: a block finding, or not checked at all — too large, encrypted or corrupt — which
   * the reviewer confirms by name before signing.
   */
  reason: SignedFileReason;
  /** Linked from the draft (fetched from the CMS's origin): the sign-off is for one publish, not an upload. */
  linked?: boolean;
}

export interface FileSignOffRequest {
  reviewerId: string;
  challengeId: string;
  proof: string;
  file: SignedFile;
  /** The page's audit context; its `findings` are the file's, masked, with their place in the file. */
  context: AuditEntry;
}

export type SignOffResult =
  | { ok: true; signoff: Signoff }
  | {
      ok: false;
      code: 'wrong-pin' | 'locked' | 'unknown-reviewer' | 'self-review' | 'wrong-role' | 'bad-challenge' | 'bad-reason' | 'audit-failed';
      message: Localized;
      /** Tries left before the wait starts. */
      remaining?: number;
      waitMs?: number;
    };

export interface ReleaseRequest {
  digest: string;
  important: boolean;
  editor: string | null;
  /** The CMS's id of the item being published (edit form's id field, ?id= of the edit page): list-page publish of it passes later. */
  itemIds?: string[];
  context: AuditEntry;
}

export type ReleaseResult = { ok: true; recordId: string } | { ok: false; message: Localized };

export type AppendResult = { ok: true; seq: number; id: string } | { ok: false; message: Localized };

export interface PublishedPage {
  url: string;
  /** The titles the page may have been published under (lib/page/published-candidates.ts). */
  titles: string[];
  /** SHA-256 (hex) of the page's main text and of its larger parts, normalised like the signed body. */
  bodyDigests: string[];
}

export type PostPublishResult =
  | { found: false }
  | { found: true; result: 'matches' | 'differs'; recordSeq: number; title: string; publishedAt: string };

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

/** Popup → the active tab's top-frame content script: its state at a glance (answers a TabState). */
export const TAB_STATE = 'precheck:tab-state';

export interface TabState {
  findings: { block: number; warn: number; info: number };
  fields: { name: string; label: string; ok: boolean; text: string }[];
  signoff: 'none' | 'partial' | 'signed' | 'void';
  /** The last publish attempt was stopped and the checklist is not complete. */
  blocked: boolean;
  editor: string | null;
}

/**
 * Popup → the tab's top-frame content script, for 扫描此页面 on a page with editors: the draft's
 * findings, the very list the panel, the checklist and TAB_STATE count (answers a DraftFindings).
 * A page without Precheck's editors does not answer; the popup then scans the page itself.
 */
export const DRAFT_FINDINGS = 'precheck:draft-findings';

/** Findings carry masked excerpts only, never a raw value. */
export type DraftFindings = { ok: true; url: string; title: string; findings: Finding[] } | { ok: false; error: string };

/** Popup → the active tab's content script: start the "teach Precheck this CMS" pick mode. */
export const TEACH = 'precheck:teach';
