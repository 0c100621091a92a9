/**
 * The background's sign-off authority: it hands out PIN challenges, checks the answers, keeps the
 * sign-offs and says whether a draft may be published. Pages only ask. Everything it decides is
 * written to the audit log first, and what cannot be logged does not happen. Storage and the audit
 * log come in as parameters, so the whole authority runs in tests without a browser.
 */
import type { AuditEntry, AuditPerson } from '../audit/types';
import type { AppendResult, ProtocolMap, SignedFile } from '../messaging/protocol';
import { SIGNED_FILE_REASONS } from './file-reasons';
import { isRecord } from '../policy/fields';
import type { Policy, Reviewer } from '../policy/schema';
import type { Localized } from '../scan/types';
import { isImportant, pickSigners, sameName } from './checklist';
import { newNonce, verifyPinProof } from './pin-proof';
import { attemptState, check, recordFailure, recordSuccess, type AttemptState } from './rate-limit';
import type { Signoff, SignoffRole } from './types';

export const SIGNOFF_KEYS = {
  challenges: 'signoff.challenges',
  attempts: 'signoff.pinAttempts',
  records: 'signoff.records',
  editor: 'signoff.editor',
} as const;

/** Long enough to type a PIN, short enough that an unanswered challenge is soon worthless. */
const CHALLENGE_MS = 2 * 60_000;
/** Outstanding challenges kept at most; a page asking in a loop cannot grow storage. */
const MAX_CHALLENGES = 50;
const MIN_REASON_CHARS = 4;
/** Audit details are meant to be short. */
const MAX_REASON_CHARS = 500;
const MAX_EDITOR_CHARS = 50;
const DIGEST = /^[0-9a-f]{64}$/;
const MAX_FILE_FIELD_CHARS = 300;

export interface SignoffStorage {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SignoffDeps {
  storage: SignoffStorage;
  policy(): Policy;
  audit(entry: AuditEntry): Promise<AppendResult>;
  now?(): number;
}

type SignoffMessage =
  | 'pinChallenge'
  | 'signOff'
  | 'overrideFinding'
  | 'signOffFile'
  | 'getSignoffs'
  | 'voidSignoffs'
  | 'releasePublish'
  | 'getEditorIdentity'
  | 'setEditorIdentity';

export type SignoffService = {
  [K in SignoffMessage]: (...args: Parameters<ProtocolMap[K]>) => Promise<ReturnType<ProtocolMap[K]>>;
} & {
  /** A reviewer's PIN proven for a PIN reset in the options page: the same tries and log as a sign-off. */
  verifyReviewerPin(req: { reviewerId: string; challengeId: string; proof: string }): Promise<{ ok: true } | { ok: false; message: Localized }>;
};

type SignOffFailure = Extract<ReturnType<ProtocolMap['signOff']>, { ok: false }>;

interface Challenge {
  reviewerId: string;
  nonce: string;
  expiresAt: number;
}

function isChallenge(v: unknown): v is Challenge {
  return isRecord(v) && typeof v.reviewerId === 'string' && typeof v.nonce === 'string' && typeof v.expiresAt === 'number';
}

/** A page's description of a file: short strings, a real size, a reason the page may give. */
function isSignedFile(v: unknown): v is SignedFile {
  if (!isRecord(v)) return false;
  const short = (x: unknown) => typeof x === 'string' && x.length <= MAX_FILE_FIELD_CHARS;
  return (
    short(v.name) &&
    short(v.key) &&
    v.key !== '' &&
    typeof v.sha256 === 'string' &&
    (v.sha256 === '' || DIGEST.test(v.sha256)) &&
    typeof v.size === 'number' &&
    Number.isFinite(v.size) &&
    v.size >= 0 &&
    (SIGNED_FILE_REASONS as readonly unknown[]).includes(v.reason) &&
    (v.linked === undefined || typeof v.linked === 'boolean')
  );
}

function isSignoff(v: unknown): v is Signoff {
  return (
    isRecord(v) &&
    typeof v.digest === 'string' &&
    typeof v.reviewerId === 'string' &&
    typeof v.reviewerName === 'string' &&
    (v.role === 'reviewer' || v.role === 'principal') &&
    typeof v.at === 'number' &&
    typeof v.expiresAt === 'number'
  );
}

/** One operation at a time: a challenge is used once and a wrong-PIN count is never lost to a race. */
function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

const AUDIT_CONTEXT_FIELDS = [
  'origin',
  'url',
  'title',
  'channel',
  'category',
  'disclosure',
  'editor',
  'digest',
  'bodyDigest',
  'findings',
  'confirmations',
] as const satisfies readonly (keyof AuditEntry)[];

/** The page's description of the draft. The event, the signers and the detail are the background's to say. */
function contextOf(entry: unknown): Omit<AuditEntry, 'event'> {
  if (!isRecord(entry)) return {};
  return Object.fromEntries(AUDIT_CONTEXT_FIELDS.filter((k) => entry[k] !== undefined).map((k) => [k, entry[k]]));
}

function person(s: Signoff): AuditPerson {
  return { id: s.reviewerId, name: s.reviewerName, role: s.role, at: new Date(s.at).toISOString() };
}

function seconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

function lockedMessage(waitMs: number): Localized {
  return { zh: `PIN 错误次数过多，请 ${seconds(waitMs)} 秒后再试`, en: `too many wrong PINs; try again in ${seconds(waitMs)} s` };
}

function failure(code: SignOffFailure['code'], zh: string, en: string): SignOffFailure {
  return { ok: false, code, message: { zh, en } };
}

function auditFailed(what: Localized, logged: Extract<AppendResult, { ok: false }>): Localized {
  return {
    zh: `${what.zh}未能记入审核日志（${logged.message.zh}），因此没有生效`,
    en: `the ${what.en} could not be written to the audit log (${logged.message.en}), so it did not take effect`,
  };
}

function categoryIsImportant(policy: Policy, category: string): boolean {
  return isImportant({
    fields: { category: { present: true, value: category, text: category } },
    catalogue: policy.catalogue,
    importantCategories: policy.importantCategories,
    markedImportant: false,
  });
}

/**
 * What the authority keeps in storage: outstanding PIN challenges, wrong-PIN counts, the sign-offs and
 * the editor identity set in the popup. A service worker may be stopped between a challenge and its
 * answer: storage is the truth, the challenge map is its copy for the life of this worker.
 */
class SignoffRecords {
  private challenges: Map<string, Challenge> | null = null;

  constructor(
    private readonly storage: SignoffStorage,
    private readonly now: () => number,
  ) {}

  private async read(key: string): Promise<unknown> {
    return (await this.storage.get(key))[key];
  }

  async liveChallenges(): Promise<Map<string, Challenge>> {
    if (!this.challenges) {
      const stored = await this.read(SIGNOFF_KEYS.challenges);
      this.challenges = new Map(isRecord(stored) ? Object.entries(stored).filter((e): e is [string, Challenge] => isChallenge(e[1])) : []);
    }
    const t = this.now();
    for (const [id, c] of this.challenges) if (c.expiresAt <= t) this.challenges.delete(id);
    return this.challenges;
  }

  async saveChallenges(map: Map<string, Challenge>): Promise<void> {
    await this.storage.set({ [SIGNOFF_KEYS.challenges]: Object.fromEntries(map) });
  }

  /** The challenge, removed whatever happens next: a second answer to it is always refused. */
  async takeChallenge(id: unknown): Promise<Challenge | undefined> {
    const map = await this.liveChallenges();
    const challenge = typeof id === 'string' ? map.get(id) : undefined;
    if (challenge && typeof id === 'string') {
      map.delete(id);
      await this.saveChallenges(map);
    }
    return challenge;
  }

  async attempts(): Promise<Record<string, AttemptState>> {
    const stored = await this.read(SIGNOFF_KEYS.attempts);
    return isRecord(stored) ? Object.fromEntries(Object.entries(stored).map(([id, s]) => [id, attemptState(s)])) : {};
  }

  async saveAttempt(reviewerId: string, state: AttemptState): Promise<void> {
    const all = await this.attempts();
    if (state.failures === 0) delete all[reviewerId];
    else all[reviewerId] = state;
    await this.storage.set({ [SIGNOFF_KEYS.attempts]: all });
  }

  /** Unexpired sign-offs; expired ones are dropped on the next write. */
  async records(): Promise<Signoff[]> {
    const stored = await this.read(SIGNOFF_KEYS.records);
    const t = this.now();
    return Array.isArray(stored) ? stored.filter(isSignoff).filter((s) => s.expiresAt > t) : [];
  }

  async saveRecords(list: Signoff[]): Promise<void> {
    await this.storage.set({ [SIGNOFF_KEYS.records]: list });
  }

  async editor(): Promise<string | null> {
    const stored = await this.read(SIGNOFF_KEYS.editor);
    return typeof stored === 'string' && stored.trim() !== '' ? stored.trim() : null;
  }

  async setEditor(name: unknown): Promise<void> {
    await this.storage.set({ [SIGNOFF_KEYS.editor]: typeof name === 'string' ? name.trim().slice(0, MAX_EDITOR_CHARS) : '' });
  }
}

type AuthRequest = { reviewerId: string; challengeId: string; proof: string; context: AuditEntry };

class SignoffAuthority implements SignoffService {
  private readonly store: SignoffRecords;
  /** One operation at a time: a challenge is used once and a wrong-PIN count is never lost to a race. */
  private readonly exclusive = serial();

  constructor(private readonly deps: SignoffDeps) {
    this.store = new SignoffRecords(deps.storage, () => this.now());
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Every name the editor goes by here: the page's and the one set in the popup. */
  private async editorNames(...given: unknown[]): Promise<string[]> {
    const names = [...given, await this.store.editor()].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
    return names.map((n) => n.trim());
  }

  private rosterEntry(id: unknown): Reviewer | undefined {
    return this.deps.policy().reviewers.find((r) => r.id === id);
  }

  /**
   * Takes the challenge and checks the proof. `refuse` runs before the proof is checked: what could
   * never be allowed should not cost the reviewer one of their tries.
   */
  private async authenticate(
    req: AuthRequest,
    action: 'signoff' | 'override' | 'pin-reset',
    refuse: (reviewer: Reviewer) => SignOffFailure | null,
  ): Promise<{ ok: true; reviewer: Reviewer } | SignOffFailure> {
    const challenge = await this.store.takeChallenge(req.challengeId);
    if (!challenge || challenge.reviewerId !== req.reviewerId) {
      return failure('bad-challenge', 'PIN 验证已过期或已使用，请重新输入 PIN', 'the PIN check expired or was already used; enter the PIN again');
    }
    const reviewer = this.rosterEntry(req.reviewerId);
    if (!reviewer) return failure('unknown-reviewer', '审核人名单中没有此人', 'this person is not on the roster');
    const refused = refuse(reviewer);
    if (refused) return refused;
    const before = attemptState((await this.store.attempts())[reviewer.id]);
    const gate = check(before, this.now());
    if (!gate.allowed) return { ok: false, code: 'locked', message: lockedMessage(gate.waitMs), waitMs: gate.waitMs, remaining: 0 };
    if (await verifyPinProof(reviewer.pin, challenge.nonce, req.proof)) {
      if (before.failures > 0) await this.store.saveAttempt(reviewer.id, recordSuccess());
      return { ok: true, reviewer };
    }
    return this.wrongPin(req, reviewer, before, action);
  }

  private async wrongPin(req: AuthRequest, reviewer: Reviewer, before: AttemptState, action: string): Promise<SignOffFailure> {
    const after = recordFailure(before, this.now());
    await this.store.saveAttempt(reviewer.id, after);
    const { remaining, waitMs } = check(after, this.now());
    // The proof is never logged: with the nonce it would allow an offline search for the PIN.
    await this.deps.audit({
      ...contextOf(req.context),
      event: 'pin-failed',
      detail: { reviewerId: reviewer.id, reviewerName: reviewer.name, action, remaining, waitSeconds: seconds(waitMs) },
    });
    const message =
      waitMs > 0
        ? { zh: `PIN 不正确，请 ${seconds(waitMs)} 秒后再试`, en: `wrong PIN; try again in ${seconds(waitMs)} s` }
        : { zh: `PIN 不正确，还可再试 ${remaining} 次`, en: `wrong PIN; ${remaining} more tries before a wait` };
    return { ok: false, code: 'wrong-pin', message, remaining, ...(waitMs > 0 ? { waitMs } : {}) };
  }

  private stamp(reviewer: Reviewer, role: SignoffRole, digest: string): Signoff {
    const at = this.now();
    return { digest, reviewerId: reviewer.id, reviewerName: reviewer.name, role, at, expiresAt: at + this.deps.policy().signoff.validMinutes * 60_000 };
  }

  /** The request's editor and the popup's identity, and the check that the signer is neither. */
  private async editorsOf(req: { context?: unknown }) {
    const editors = await this.editorNames(isRecord(req.context) ? req.context.editor : undefined);
    const selfReview = (reviewer: Reviewer): SignOffFailure | null =>
      editors.some((e) => sameName(e, reviewer.name))
        ? failure('self-review', `${reviewer.name}是本稿的编辑，不能审核自己的稿件（谁发布、谁审核、谁负责）`, `${reviewer.name} edited this draft and cannot review it`)
        : null;
    return { editors, selfReview, named: editors[0] !== undefined ? { editor: editors[0] } : {} };
  }

  readonly pinChallenge: SignoffService['pinChallenge'] = (req) =>
    this.exclusive(async () => {
      const reviewer = this.rosterEntry(isRecord(req) ? req.reviewerId : undefined);
      if (!reviewer) return { ok: false, code: 'unknown-reviewer', message: { zh: '审核人名单中没有此人', en: 'this person is not on the roster' } };
      const gate = check(attemptState((await this.store.attempts())[reviewer.id]), this.now());
      if (!gate.allowed) return { ok: false, code: 'locked', message: lockedMessage(gate.waitMs), waitMs: gate.waitMs };
      const map = await this.store.liveChallenges();
      const challengeId = globalThis.crypto.randomUUID();
      const nonce = newNonce();
      map.set(challengeId, { reviewerId: reviewer.id, nonce, expiresAt: this.now() + CHALLENGE_MS });
      for (const id of map.keys()) if (map.size > MAX_CHALLENGES) map.delete(id);
      await this.store.saveChallenges(map);
      return { ok: true, challengeId, salt: reviewer.pin.salt, iterations: reviewer.pin.iterations, nonce };
    });

  readonly signOff: SignoffService['signOff'] = (req) =>
    this.exclusive(async () => {
      if (typeof req.digest !== 'string' || !DIGEST.test(req.digest)) {
        return failure('bad-challenge', '稿件摘要无效，请刷新页面后重试', 'the draft digest is invalid; reload the page and try again');
      }
      const { selfReview, named } = await this.editorsOf(req);
      const auth = await this.authenticate(req, 'signoff', (reviewer) => {
        if (req.role !== 'principal' && req.role !== 'reviewer') return failure('wrong-role', '签发身份无效', 'invalid sign-off role');
        // A principal may sign as the reviewer; a reviewer may not sign as the unit head.
        if (req.role === 'principal' && reviewer.role !== 'principal') {
          return failure('wrong-role', `${reviewer.name}不是单位主要负责人，不能以主要负责人身份签发`, `${reviewer.name} is not the unit head`);
        }
        return selfReview(reviewer);
      });
      if (!auth.ok) return auth;
      const { reviewer } = auth;
      const role: SignoffRole = req.role;
      const signoff = this.stamp(reviewer, role, req.digest);
      // Signing again replaces one's own earlier sign-off in the same role, and so renews it.
      const kept = (await this.store.records()).filter((s) => !(s.digest === req.digest && s.reviewerId === reviewer.id && s.role === role));
      const signers = [...kept.filter((s) => s.digest === req.digest), signoff].map(person);
      const logged = await this.deps.audit({ ...contextOf(req.context), event: 'signoff-given', digest: req.digest, ...named, signers });
      if (!logged.ok) return { ok: false, code: 'audit-failed', message: auditFailed({ zh: '签发', en: 'sign-off' }, logged) };
      await this.store.saveRecords([...kept, signoff]);
      return { ok: true, signoff };
    });

  readonly overrideFinding: SignoffService['overrideFinding'] = (req) =>
    this.exclusive(async () => {
      const reason = typeof req.reason === 'string' ? req.reason.trim().slice(0, MAX_REASON_CHARS) : '';
      if ([...reason].length < MIN_REASON_CHARS) {
        // Checked before the challenge is used, so the reviewer can add a reason and answer again.
        return failure('bad-reason', `请填写放行理由（至少 ${MIN_REASON_CHARS} 个字）`, `give a reason for letting this through (at least ${MIN_REASON_CHARS} characters)`);
      }
      if (typeof req.ruleId !== 'string' || req.ruleId === '' || typeof req.excerpt !== 'string') {
        return failure('bad-challenge', '放行请求无效，请刷新页面后重试', 'invalid override request; reload the page and try again');
      }
      const { selfReview, named } = await this.editorsOf(req);
      const auth = await this.authenticate(req, 'override', selfReview);
      if (!auth.ok) return auth;
      const { reviewer } = auth;
      const context = contextOf(req.context);
      // The protocol answers an override with a Signoff: who let it through, when, for which draft.
      const signoff = this.stamp(reviewer, reviewer.role, context.digest ?? '');
      const detail = { ruleId: req.ruleId, excerpt: req.excerpt, reason, reviewerId: reviewer.id, reviewerName: reviewer.name };
      const logged = await this.deps.audit({ ...context, event: 'finding-overridden', ...named, signers: [person(signoff)], detail });
      if (!logged.ok) return { ok: false, code: 'audit-failed', message: auditFailed({ zh: '放行', en: 'override' }, logged) };
      return { ok: true, signoff };
    });

  readonly signOffFile: SignoffService['signOffFile'] = (req) =>
    this.exclusive(async () => {
      if (!isRecord(req) || !isSignedFile(req.file)) {
        return failure('bad-challenge', '附件签发请求无效，请刷新页面后重试', 'invalid attachment sign-off request; reload the page and try again');
      }
      const { file } = req;
      const { selfReview, named } = await this.editorsOf(req);
      const auth = await this.authenticate(req, 'signoff', selfReview);
      if (!auth.ok) return auth;
      // Not a sign-off of the draft: nothing is stored, the page lets exactly this file out once.
      const signoff = this.stamp(auth.reviewer, auth.reviewer.role, file.sha256);
      const detail = { file: file.name, fileKey: file.key, sha256: file.sha256, size: file.size, reason: file.reason, ...(file.linked && { linked: true }) };
      const logged = await this.deps.audit({ ...contextOf(req.context), event: 'attachment-signed', ...named, signers: [person(signoff)], detail });
      if (!logged.ok) return { ok: false, code: 'audit-failed', message: auditFailed({ zh: '附件签发', en: 'attachment sign-off' }, logged) };
      return { ok: true, signoff };
    });

  readonly getSignoffs: SignoffService['getSignoffs'] = async (digest) => (await this.store.records()).filter((s) => s.digest === digest);

  readonly voidSignoffs: SignoffService['voidSignoffs'] = (req) =>
    this.exclusive(async () => {
      const all = await this.store.records();
      const voided = all.filter((s) => s.digest === req.digest);
      if (voided.length === 0) return;
      // Voiding is the safe direction: it happens even if the log cannot take the record.
      await this.store.saveRecords(all.filter((s) => s.digest !== req.digest));
      await this.deps.audit({ ...contextOf(req.context), event: 'signoff-voided', digest: req.digest, signers: voided.map(person), detail: { count: voided.length } });
    });

  readonly releasePublish: SignoffService['releasePublish'] = (req) => this.exclusive(() => this.release(req));

  private async release(req: Parameters<SignoffService['releasePublish']>[0]): ReturnType<SignoffService['releasePublish']> {
    const policy = this.deps.policy();
    const context = contextOf(req.context);
    const editors = await this.editorNames(req.editor, context.editor);
    const rosterIds = new Set(policy.reviewers.map((r) => r.id));
    // A signer who has left the roster since no longer vouches for anything.
    const counted = (await this.store.records()).filter((s) => s.digest === req.digest && rosterIds.has(s.reviewerId) && !editors.some((e) => sameName(e, s.reviewerName)));
    // The page says whether the item is important; the policy's categories can only add to that.
    const important = req.important === true || categoryIsImportant(policy, context.category ?? '');
    const { first, principal } = pickSigners(counted, important);
    if (!first) return { ok: false, message: { zh: '尚无有效的审核人签发，不能发布', en: 'there is no valid sign-off by a reviewer, so this cannot be published' } };
    if (important && !principal) {
      return { ok: false, message: { zh: '重要信息尚需单位主要负责人另行签发，不能发布', en: 'an important item also needs the unit head’s sign-off, so this cannot be published yet' } };
    }
    const logged = await this.deps.audit({
      ...context,
      event: 'publish-allowed',
      digest: req.digest,
      ...(editors[0] !== undefined ? { editor: editors[0] } : {}),
      signers: (principal ? [first, principal] : [first]).map(person),
      detail: { important },
    });
    if (!logged.ok) return { ok: false, message: auditFailed({ zh: '发布许可', en: 'publish permission' }, logged) };
    return { ok: true, recordId: logged.id };
  }

  readonly getEditorIdentity: SignoffService['getEditorIdentity'] = () => this.store.editor();

  readonly verifyReviewerPin: SignoffService['verifyReviewerPin'] = (req) =>
    this.exclusive(async () => {
      const result = await this.authenticate({ ...req, context: { event: 'pin-failed' } }, 'pin-reset', () => null);
      return result.ok ? { ok: true } : { ok: false, message: result.message };
    });

  readonly setEditorIdentity: SignoffService['setEditorIdentity'] = (name) => this.exclusive(() => this.store.setEditor(name));
}

/** The authority over storage and the log given (in the background: extension storage and the audit log). */
export function createSignoffService(deps: SignoffDeps): SignoffService {
  return new SignoffAuthority(deps);
}
