/**
 * The audit log's records (article 15: every published item and its review form are archived; the
 * inspectors also ask what was blocked and who overrode what). Only the background appends; extension
 * pages read. No raw personal value is ever part of a record: findings appear as counts and masked
 * excerpts, the draft as its digests, and every free-text field is masked before it is stored.
 */
import type { Kind, Severity } from '../scan/types';
import type { SignoffRole } from '../signoff/types';

export const AUDIT_EVENTS = [
  'publish-blocked',
  'finding-overridden',
  'signoff-given',
  'attachment-signed',
  'signoff-voided',
  'pin-failed',
  'publish-allowed',
  'publish-outcome',
  'policy-changed',
  'log-exported',
  'log-verified',
  'post-publish-check',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** Findings without the values: counts by kind and severity, and at most a few masked excerpts. */
export interface FindingsSummary {
  total: number;
  counts: Partial<Record<Kind, Partial<Record<Severity, number>>>>;
  /** Masked excerpts (e.g. 110105********002X), at most 20. */
  excerpts: string[];
}

export interface AuditPerson {
  id: string;
  name: string;
  role: SignoffRole;
  /** ISO time of their sign-off. */
  at: string;
}

/** What a caller asks the background to record. */
export interface AuditEntry {
  event: AuditEvent;
  origin?: string;
  url?: string;
  title?: string;
  channel?: string;
  category?: string;
  disclosure?: string;
  editor?: string;
  /** Everyone who signed (reviewer first, then the principal). */
  signers?: AuditPerson[];
  /** SHA-256 (hex) of the draft the sign-off covered (lib/signoff/digest.ts). */
  digest?: string;
  /** SHA-256 (hex) of the body text alone, what the post-publication check compares. */
  bodyDigest?: string;
  findings?: FindingsSummary;
  /** The checklist confirmations given (article 14(2), article 5). */
  confirmations?: { accuracy: boolean; completeness: boolean; timeliness: boolean; secrecy: boolean; otherUnit?: string };
  /**
   * Event-specific facts, all short: why a publish was blocked, the overridden rule and reason, the
   * outcome of a publish (HTTP status), a verify result, a post-publication 'matches' | 'differs' ...
   */
  detail?: Record<string, string | number | boolean>;
}

/** A stored record: the entry plus its place in the hash chain. */
export interface AuditRecord extends AuditEntry {
  /** 1, 2, 3 ... in append order; never reused. */
  seq: number;
  /** A random UUID: the idempotency key at the central collector. */
  id: string;
  /** ISO 8601 with offset. */
  time: string;
  /** A short hash of the policy in force (lib/audit/policy-version.ts). */
  policyVersion: string;
  /** `hash` of the previous record ('' before the first one). */
  prevHash: string;
  /** SHA-256 (hex) over the record's canonical JSON without `hash`. */
  hash: string;
}

export interface AuditFilter {
  /** Inclusive ISO date-times. */
  from?: string;
  to?: string;
  event?: AuditEvent;
  editor?: string;
  reviewer?: string;
  category?: string;
  /** Matches the origin. */
  site?: string;
  /** Free text over title, url, editor, signers, detail values. */
  text?: string;
}

export type VerifyResult =
  | { ok: true; count: number; lastSeq: number }
  | { ok: false; count: number; firstBadSeq: number; problem: 'hash-mismatch' | 'missing' | 'prev-mismatch'; message: { zh: string; en: string } };

/**
 * Read access to the log for extension pages (options page table, review form, exports). They read
 * IndexedDB directly, which is fast at 100,000 records; every write goes through the background.
 */
export interface AuditReader {
  /** Newest first. `total` counts every record matching the filter. */
  query(filter: AuditFilter, offset: number, limit: number): Promise<{ records: AuditRecord[]; total: number }>;
  /** Every matching record in append order (for exports). */
  all(filter?: AuditFilter): Promise<AuditRecord[]>;
  get(seq: number): Promise<AuditRecord | undefined>;
  /** Distinct values for the filter menus. */
  facets(): Promise<{ editors: string[]; reviewers: string[]; categories: string[]; sites: string[] }>;
}
