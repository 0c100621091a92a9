import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../lib/audit/types';
import type { AppendResult } from '../../lib/messaging/protocol';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { hashPin } from '../../lib/policy/pin';
import type { Policy, Reviewer } from '../../lib/policy/schema';
import { pinProof } from '../../lib/signoff/pin-proof';
import { createSignoffService, SIGNOFF_KEYS, type SignoffService, type SignoffStorage } from '../../lib/signoff/service';
import type { SignoffRole } from '../../lib/signoff/types';

const NOW = Date.UTC(2024, 5, 3, 1, 2, 3);
const DIGEST = 'd'.repeat(64);
const OTHER_DIGEST = 'e'.repeat(64);
const PINS: Record<string, string> = { wang: '246810', li: '864202', zhao: '135790' };
const CONTEXT: AuditEntry = { event: 'signoff-given', title: '关于低保资金发放情况的公示', category: '12', disclosure: '主动公开', editor: '张编辑', url: 'http://127.0.0.1/cms/edit' };

let policy: Policy;

beforeAll(async () => {
  // Fewer iterations than the policy schema allows (the Policy is built without validation): these
  // tests are about the mechanism, not its cost.
  const person = async (id: string, name: string, role: SignoffRole): Promise<Reviewer> => ({ id, name, unit: '县民政局', role, pin: await hashPin(PINS[id]!, { iterations: 1000 }) });
  policy = { ...DEFAULT_POLICY, reviewers: [await person('wang', '王审核', 'reviewer'), await person('li', '李审核', 'reviewer'), await person('zhao', '赵局长', 'principal')] };
});

/** Round-trips through JSON like extension storage does. */
function fakeStorage(): SignoffStorage & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      return Promise.resolve(Object.fromEntries(list.filter((k) => map.has(k)).map((k) => [k, JSON.parse(JSON.stringify(map.get(k))) as unknown])));
    },
    set(items) {
      for (const [k, v] of Object.entries(items)) map.set(k, JSON.parse(JSON.stringify(v)));
      return Promise.resolve();
    },
  };
}

let storage: ReturnType<typeof fakeStorage>;
let entries: AuditEntry[];
let auditWorks: boolean;
let clock: number;

function start(): SignoffService {
  return createSignoffService({
    storage,
    policy: () => policy,
    audit: (entry): Promise<AppendResult> => {
      if (!auditWorks) return Promise.resolve({ ok: false, message: { zh: '数据库不可用', en: 'database unavailable' } });
      entries.push(JSON.parse(JSON.stringify(entry)) as AuditEntry);
      return Promise.resolve({ ok: true, seq: entries.length, id: `rec-${entries.length}` });
    },
    now: () => clock,
  });
}

beforeEach(() => {
  storage = fakeStorage();
  entries = [];
  auditWorks = true;
  clock = NOW;
});

/** What the page does: ask for a challenge, answer it with the typed PIN. */
async function answer(service: SignoffService, reviewerId: string, pin: string): Promise<{ challengeId: string; proof: string }> {
  const challenge = await service.pinChallenge({ reviewerId });
  if (!challenge.ok) throw new Error(`no challenge: ${challenge.code}`);
  return { challengeId: challenge.challengeId, proof: await pinProof(pin, challenge) };
}

async function sign(service: SignoffService, reviewerId: string, role: SignoffRole = 'reviewer', pin = PINS[reviewerId]!, digest = DIGEST, context = CONTEXT) {
  return service.signOff({ reviewerId, role, digest, context, ...(await answer(service, reviewerId, pin)) });
}

function everythingStored(): string {
  return JSON.stringify([entries, [...storage.map]]);
}

describe('pinChallenge', () => {
  it('hands out the reviewer’s salt and iterations and a fresh nonce', async () => {
    const service = start();
    const a = await service.pinChallenge({ reviewerId: 'wang' });
    const b = await service.pinChallenge({ reviewerId: 'wang' });
    expect(a).toMatchObject({ ok: true, salt: policy.reviewers[0]!.pin.salt, iterations: 1000 });
    expect(a.ok && b.ok && a.nonce !== b.nonce && a.challengeId !== b.challengeId).toBe(true);
  });

  it('refuses someone not on the roster', async () => {
    expect(await start().pinChallenge({ reviewerId: 'nobody' })).toMatchObject({ ok: false, code: 'unknown-reviewer' });
  });
});

describe('signOff', () => {
  it('stores the sign-off and logs who signed what', async () => {
    const result = await sign(start(), 'wang');
    expect(result).toMatchObject({ ok: true, signoff: { digest: DIGEST, reviewerId: 'wang', reviewerName: '王审核', role: 'reviewer', at: NOW, expiresAt: NOW + 30 * 60_000 } });
    expect(entries).toEqual([
      expect.objectContaining({
        event: 'signoff-given',
        digest: DIGEST,
        title: CONTEXT.title,
        editor: '张编辑',
        signers: [{ id: 'wang', name: '王审核', role: 'reviewer', at: new Date(NOW).toISOString() }],
      }),
    ]);
  });

  it('refuses a wrong PIN and logs the failure without the PIN or the proof', async () => {
    const service = start();
    const { challengeId, proof } = await answer(service, 'wang', '999999');
    const result = await service.signOff({ reviewerId: 'wang', role: 'reviewer', digest: DIGEST, context: CONTEXT, challengeId, proof });
    expect(result).toMatchObject({ ok: false, code: 'wrong-pin', remaining: 4, message: { zh: 'PIN 不正确，还可再试 4 次' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ event: 'pin-failed', detail: { reviewerId: 'wang', reviewerName: '王审核', remaining: 4 } });
    expect(await service.getSignoffs(DIGEST)).toEqual([]);
    // A right PIN goes through the same records afterwards: neither PIN may show up anywhere.
    expect((await sign(service, 'wang')).ok).toBe(true);
    const stored = everythingStored();
    expect(stored).not.toContain('999999');
    expect(stored).not.toContain(PINS.wang);
    expect(stored).not.toContain(proof);
  });

  it('locks a reviewer out after five wrong PINs, with a growing wait', async () => {
    const service = start();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await sign(service, 'wang', 'reviewer', '000000'));
    expect(results.map((r) => (r.ok ? null : r.remaining))).toEqual([4, 3, 2, 1, 0]);
    expect(results[4]).toMatchObject({ code: 'wrong-pin', waitMs: 30_000 });
    expect(entries.filter((e) => e.event === 'pin-failed')).toHaveLength(5);

    const locked = await service.pinChallenge({ reviewerId: 'wang' });
    expect(locked).toMatchObject({ ok: false, code: 'locked', waitMs: 30_000, message: { zh: 'PIN 错误次数过多，请 30 秒后再试' } });
    // Others are not locked out by wang's failures.
    expect((await service.pinChallenge({ reviewerId: 'li' })).ok).toBe(true);

    clock += 30_000;
    expect(await sign(service, 'wang', 'reviewer', '000000')).toMatchObject({ code: 'wrong-pin', waitMs: 60_000 });
    clock += 60_000;
    expect((await sign(service, 'wang')).ok).toBe(true);
    expect(storage.map.get(SIGNOFF_KEYS.attempts)).toEqual({});
  });

  it('keeps the lock across a restart of the service worker', async () => {
    const first = start();
    for (let i = 0; i < 5; i++) await sign(first, 'wang', 'reviewer', '000000');
    expect(await start().pinChallenge({ reviewerId: 'wang' })).toMatchObject({ ok: false, code: 'locked' });
  });

  it('refuses an answer to a challenge handed out before the lock', async () => {
    const service = start();
    const spare = await answer(service, 'wang', PINS.wang!);
    for (let i = 0; i < 5; i++) await sign(service, 'wang', 'reviewer', '000000');
    expect(await service.signOff({ reviewerId: 'wang', role: 'reviewer', digest: DIGEST, context: CONTEXT, ...spare })).toMatchObject({ ok: false, code: 'locked' });
  });

  it('accepts each challenge once', async () => {
    const service = start();
    const answered = await answer(service, 'wang', PINS.wang!);
    const request = { reviewerId: 'wang', role: 'reviewer' as const, digest: DIGEST, context: CONTEXT, ...answered };
    expect((await service.signOff(request)).ok).toBe(true);
    expect(await service.signOff(request)).toMatchObject({ ok: false, code: 'bad-challenge' });
    expect(await start().signOff(request)).toMatchObject({ ok: false, code: 'bad-challenge' });
  });

  it('refuses a challenge given to someone else, or answered too late', async () => {
    const service = start();
    const forLi = await answer(service, 'li', PINS.li!);
    expect(await service.signOff({ reviewerId: 'wang', role: 'reviewer', digest: DIGEST, context: CONTEXT, ...forLi })).toMatchObject({ code: 'bad-challenge' });
    const late = await answer(service, 'wang', PINS.wang!);
    clock += 2 * 60_000;
    expect(await service.signOff({ reviewerId: 'wang', role: 'reviewer', digest: DIGEST, context: CONTEXT, ...late })).toMatchObject({ code: 'bad-challenge' });
  });

  it('answers a challenge handed out before the service worker restarted', async () => {
    const answered = await answer(start(), 'wang', PINS.wang!);
    expect((await start().signOff({ reviewerId: 'wang', role: 'reviewer', digest: DIGEST, context: CONTEXT, ...answered })).ok).toBe(true);
  });

  it('refuses self-review, by the page’s editor or the editor identity set in the popup, without spending a try', async () => {
    const service = start();
    expect(await sign(service, 'wang', 'reviewer', PINS.wang, DIGEST, { ...CONTEXT, editor: ' 王审核 ' })).toMatchObject({ ok: false, code: 'self-review' });
    await service.setEditorIdentity('王审核');
    const noEditor: AuditEntry = { event: 'signoff-given', title: CONTEXT.title };
    expect(await sign(service, 'wang', 'reviewer', '000000', DIGEST, noEditor)).toMatchObject({ ok: false, code: 'self-review' });
    expect(entries).toEqual([]);
    expect(await service.getSignoffs(DIGEST)).toEqual([]);
  });

  it('lets only a principal sign as principal; a principal may sign as reviewer', async () => {
    const service = start();
    expect(await sign(service, 'wang', 'principal')).toMatchObject({ ok: false, code: 'wrong-role' });
    expect((await sign(service, 'zhao', 'principal')).ok).toBe(true);
    expect((await sign(service, 'zhao', 'reviewer', PINS.zhao, OTHER_DIGEST)).ok).toBe(true);
  });

  it('refuses the sign-off when the audit log cannot record it', async () => {
    const service = start();
    auditWorks = false;
    const result = await sign(service, 'wang');
    expect(result).toMatchObject({ ok: false, code: 'audit-failed' });
    expect(!result.ok && result.message.zh).toContain('数据库不可用');
    expect(await service.getSignoffs(DIGEST)).toEqual([]);
  });

  it('does not let the page forge the event or the signers through the context', async () => {
    const forged = { ...CONTEXT, event: 'publish-allowed', signers: [{ id: 'zhao', name: '赵局长', role: 'principal', at: '' }], detail: { x: 1 } } as AuditEntry;
    await sign(start(), 'wang', 'reviewer', PINS.wang, DIGEST, forged);
    expect(entries[0]).toMatchObject({ event: 'signoff-given', signers: [expect.objectContaining({ id: 'wang' })] });
    expect(entries[0]?.detail).toBeUndefined();
  });
});

describe('getSignoffs', () => {
  it('keeps a sign-off across a restart until it expires', async () => {
    await sign(start(), 'wang');
    clock += 29 * 60_000;
    expect((await start().getSignoffs(DIGEST)).map((s) => s.reviewerId)).toEqual(['wang']);
    expect(await start().getSignoffs(OTHER_DIGEST)).toEqual([]);
    clock += 60_000;
    expect(await start().getSignoffs(DIGEST)).toEqual([]);
  });

  it('drops expired sign-offs from storage on the next write', async () => {
    const service = start();
    await sign(service, 'wang');
    clock += 31 * 60_000;
    await sign(service, 'li', 'reviewer', PINS.li, OTHER_DIGEST);
    expect((storage.map.get(SIGNOFF_KEYS.records) as { reviewerId: string }[]).map((s) => s.reviewerId)).toEqual(['li']);
  });
});

describe('voidSignoffs', () => {
  it('removes the digest’s sign-offs and logs it', async () => {
    const service = start();
    await sign(service, 'wang');
    await sign(service, 'li', 'reviewer', PINS.li, OTHER_DIGEST);
    await service.voidSignoffs({ digest: DIGEST, context: { ...CONTEXT, event: 'signoff-voided' } });
    expect(await service.getSignoffs(DIGEST)).toEqual([]);
    expect(await service.getSignoffs(OTHER_DIGEST)).toHaveLength(1);
    expect(entries.at(-1)).toMatchObject({ event: 'signoff-voided', digest: DIGEST, signers: [expect.objectContaining({ id: 'wang' })] });
  });

  it('logs nothing when there was nothing to void', async () => {
    await start().voidSignoffs({ digest: DIGEST, context: CONTEXT });
    expect(entries).toEqual([]);
  });
});

describe('releasePublish', () => {
  const release = (service: SignoffService, important = false, context: AuditEntry = CONTEXT) =>
    service.releasePublish({ digest: DIGEST, important, editor: '张编辑', context: { ...context, event: 'publish-allowed' } });

  it('refuses without a sign-off', async () => {
    const result = await release(start());
    expect(result).toMatchObject({ ok: false, message: { zh: '尚无有效的审核人签发，不能发布' } });
    expect(entries).toEqual([]);
  });

  it('allows a signed draft and returns the audit record', async () => {
    const service = start();
    await sign(service, 'wang');
    expect(await release(service)).toEqual({ ok: true, recordId: 'rec-2' });
    expect(entries[1]).toMatchObject({ event: 'publish-allowed', digest: DIGEST, editor: '张编辑', signers: [expect.objectContaining({ id: 'wang' })] });
  });

  it('needs a principal, a second person, for an important item', async () => {
    const service = start();
    await sign(service, 'wang');
    expect(await release(service, true)).toMatchObject({ ok: false, message: { zh: expect.stringContaining('主要负责人') as string } });
    await sign(service, 'zhao', 'principal');
    expect((await release(service, true)).ok).toBe(true);
    expect(entries.at(-1)?.signers?.map((s) => [s.id, s.role])).toEqual([
      ['wang', 'reviewer'],
      ['zhao', 'principal'],
    ]);
  });

  it('does not let one principal be both signatures', async () => {
    const service = start();
    await sign(service, 'zhao', 'reviewer');
    await sign(service, 'zhao', 'principal');
    expect((await release(service, true)).ok).toBe(false);
  });

  it('treats a policy’s important category as important whatever the page says', async () => {
    const service = start();
    await sign(service, 'wang');
    expect((await release(service, false, { ...CONTEXT, category: '06' })).ok).toBe(false);
    expect((await release(service, false, { ...CONTEXT, category: '财政预算、决算报告' })).ok).toBe(false);
  });

  it('still allows after a restart, and not after the sign-off expired', async () => {
    await sign(start(), 'wang');
    expect((await release(start())).ok).toBe(true);
    clock += 30 * 60_000;
    expect((await release(start())).ok).toBe(false);
  });

  it('does not count a sign-off by the editor', async () => {
    const service = start();
    await sign(service, 'wang');
    expect((await service.releasePublish({ digest: DIGEST, important: false, editor: '王审核', context: CONTEXT })).ok).toBe(false);
  });

  it('does not count a signer who has left the roster', async () => {
    const service = start();
    await sign(service, 'wang');
    const saved = policy;
    policy = { ...policy, reviewers: policy.reviewers.filter((r) => r.id !== 'wang') };
    try {
      expect((await release(service)).ok).toBe(false);
    } finally {
      policy = saved;
    }
  });

  it('refuses when the permission cannot be logged', async () => {
    const service = start();
    await sign(service, 'wang');
    auditWorks = false;
    expect(await release(service)).toMatchObject({ ok: false, message: { zh: expect.stringContaining('审核日志') as string } });
  });
});

describe('overrideFinding', () => {
  const request = (answered: { challengeId: string; proof: string }, reviewerId = 'li', reason = '此为单位办公电话，可公开') => ({
    reviewerId,
    ruleId: 'mobile',
    excerpt: '139****5678',
    reason,
    context: { ...CONTEXT, event: 'finding-overridden' as const, digest: DIGEST },
    ...answered,
  });

  it('logs who let which finding through and why', async () => {
    const service = start();
    const result = await service.overrideFinding(request(await answer(service, 'li', PINS.li!)));
    expect(result).toMatchObject({ ok: true, signoff: { reviewerId: 'li', reviewerName: '李审核', digest: DIGEST } });
    expect(entries).toEqual([
      expect.objectContaining({
        event: 'finding-overridden',
        detail: { ruleId: 'mobile', excerpt: '139****5678', reason: '此为单位办公电话，可公开', reviewerId: 'li', reviewerName: '李审核' },
      }),
    ]);
  });

  it('wants a reason, and keeps the challenge usable until one is given', async () => {
    const service = start();
    const answered = await answer(service, 'li', PINS.li!);
    expect(await service.overrideFinding(request(answered, 'li', ' 可以 '))).toMatchObject({ ok: false, code: 'bad-reason', message: { zh: expect.stringContaining('理由') as string } });
    expect((await service.overrideFinding(request(answered))).ok).toBe(true);
  });

  it('refuses a wrong PIN (counted like a sign-off) and the editor', async () => {
    const service = start();
    expect(await service.overrideFinding(request(await answer(service, 'li', '000000')))).toMatchObject({ ok: false, code: 'wrong-pin', remaining: 4 });
    const context = { ...CONTEXT, editor: '李审核', event: 'finding-overridden' as const };
    expect(await service.overrideFinding({ ...request(await answer(service, 'li', PINS.li!)), context })).toMatchObject({ ok: false, code: 'self-review' });
    expect(everythingStored()).not.toContain('000000');
  });

  it('refuses the override when the audit log cannot record it', async () => {
    const service = start();
    auditWorks = false;
    expect(await service.overrideFinding(request(await answer(service, 'li', PINS.li!)))).toMatchObject({ ok: false, code: 'audit-failed' });
  });
});

describe('editor identity', () => {
  it('is kept in storage, trimmed; empty means unknown', async () => {
    const service = start();
    expect(await service.getEditorIdentity()).toBeNull();
    await service.setEditorIdentity('  张编辑 ');
    expect(await start().getEditorIdentity()).toBe('张编辑');
    await service.setEditorIdentity('   ');
    expect(await service.getEditorIdentity()).toBeNull();
  });
});

describe('signOffFile', () => {
  const FILE = { name: '低保名单.xlsx', key: `sha256:${'a'.repeat(64)}:5120`, sha256: 'a'.repeat(64), size: 5120, reason: 'block' as const };
  const FINDINGS = { total: 1, counts: { 'cn-id': { block: 1 } }, excerpts: ['附件 低保名单.xlsx · 隐藏工作表「原始」C2 110105********002X'] };
  const request = (answered: { challengeId: string; proof: string }, reviewerId = 'li', file: unknown = FILE) => ({
    reviewerId,
    file: file as typeof FILE,
    context: { ...CONTEXT, event: 'attachment-signed' as const, findings: FINDINGS },
    ...answered,
  });

  it('logs who let which file out: its name, content key, size and masked findings with their cells', async () => {
    const service = start();
    const result = await service.signOffFile(request(await answer(service, 'li', PINS.li!)));
    expect(result).toMatchObject({ ok: true, signoff: { reviewerId: 'li', reviewerName: '李审核', digest: FILE.sha256 } });
    expect(entries).toEqual([
      expect.objectContaining({
        event: 'attachment-signed',
        findings: FINDINGS,
        signers: [expect.objectContaining({ id: 'li', name: '李审核', role: 'reviewer' })],
        detail: { file: '低保名单.xlsx', fileKey: FILE.key, sha256: FILE.sha256, size: 5120, reason: 'block' },
      }),
    ]);
    // A file's sign-off is not a sign-off of any draft: nothing is kept that a publish could use.
    expect(await service.getSignoffs(FILE.sha256)).toEqual([]);
    expect(await service.getSignoffs(DIGEST)).toEqual([]);
  });

  it('refuses a wrong PIN, the editor, and a request that does not describe a file', async () => {
    const service = start();
    expect(await service.signOffFile(request(await answer(service, 'li', '000000')))).toMatchObject({ ok: false, code: 'wrong-pin' });
    const context = { ...CONTEXT, editor: '李审核', event: 'attachment-signed' as const };
    expect(await service.signOffFile({ ...request(await answer(service, 'li', PINS.li!)), context })).toMatchObject({ ok: false, code: 'self-review' });
    for (const file of [{ ...FILE, sha256: 'not-a-hash' }, { ...FILE, key: '' }, { ...FILE, reason: 'clean' }, { ...FILE, reason: 'unsupported' }, { ...FILE, linked: 'yes' }, { ...FILE, size: -1 }, null]) {
      expect(await service.signOffFile(request(await answer(service, 'li', PINS.li!), 'li', file))).toMatchObject({ ok: false, code: 'bad-challenge' });
    }
    expect(entries.filter((e) => e.event === 'attachment-signed')).toEqual([]);
    expect(everythingStored()).not.toContain('000000');
  });

  it('logs an encrypted or corrupt file confirmed unchecked, and a linked file signed for a publish, with their reason', async () => {
    const service = start();
    for (const file of [{ ...FILE, reason: 'encrypted' }, { ...FILE, reason: 'corrupt' }, { ...FILE, linked: true }]) {
      expect(await service.signOffFile(request(await answer(service, 'li', PINS.li!), 'li', file))).toMatchObject({ ok: true });
    }
    expect(entries.map((e) => e.detail)).toEqual([
      expect.objectContaining({ reason: 'encrypted' }),
      expect.objectContaining({ reason: 'corrupt' }),
      expect.objectContaining({ reason: 'block', linked: true }),
    ]);
    expect(entries[0]!.detail).not.toHaveProperty('linked');
  });

  it('does not let the file out when the audit log cannot record the sign-off', async () => {
    const service = start();
    auditWorks = false;
    expect(await service.signOffFile(request(await answer(service, 'li', PINS.li!)))).toMatchObject({ ok: false, code: 'audit-failed' });
  });
});
