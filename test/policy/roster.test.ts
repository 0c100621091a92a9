/**
 * Issue 13, item 6 (options part): in a local policy nobody at the PC can reset a reviewer's PIN or
 * change the roster without that reviewer's current PIN or the administrator password; a managed
 * roster stays with IT. The background's handlers, admin service and sign-off authority, for real.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AuditEntry } from '../../lib/audit/types';
import { createPolicyHandlers } from '../../lib/messaging/handlers';
import { ADMIN_KEYS, createAdminService, type AdminService } from '../../lib/policy/admin-password';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { hashPin, verifySecret } from '../../lib/policy/pin';
import { authorizeRoster } from '../../lib/policy/roster-auth';
import { rosterVerdict } from '../../lib/policy/roster-guard';
import type { Policy, Reviewer } from '../../lib/policy/schema';
import { createPolicyStore, LOCAL_POLICY_KEY } from '../../lib/policy/store';
import { pinProof } from '../../lib/signoff/pin-proof';
import { createSignoffService, type SignoffService } from '../../lib/signoff/service';

let roster: Reviewer[];

beforeAll(async () => {
  // The schema's minimum iterations: the stored policy must validate.
  const person = async (id: string, pin: string, role: Reviewer['role'] = 'reviewer'): Promise<Reviewer> => ({ id, name: `审核人${id}`, unit: '县政府办公室', role, pin: await hashPin(pin, { iterations: 100_000 }) });
  roster = [await person('a', '2468'), await person('b', '1357'), await person('c', '9999', 'principal')];
});

const edit = (change: (r: Reviewer[]) => Reviewer[]) => change(structuredClone(roster));

describe('rosterVerdict', () => {
  it.each<[string, () => unknown, ReturnType<typeof rosterVerdict>]>([
    ['the same roster', () => edit((r) => r), { needs: 'nothing' }],
    ['the same roster in another order', () => edit((r) => r.reverse()), { needs: 'nothing' }],
    ['one PIN changed', () => edit((r) => r.map((x) => (x.id === 'b' ? { ...x, pin: { ...x.pin, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' } } : x))), { needs: 'admin-or-pin', reviewerId: 'b' }],
    ['two PINs changed', () => edit((r) => r.map((x) => ({ ...x, pin: { ...x.pin, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' } }))), { needs: 'admin' }],
    ['a PIN and the name changed', () => edit((r) => r.map((x) => (x.id === 'a' ? { ...x, name: '张三', pin: { ...x.pin, hash: 'x' } } : x))), { needs: 'admin' }],
    ['a reviewer added', () => edit((r) => [...r, { ...r[0]!, id: 'd' }]), { needs: 'admin' }],
    ['a reviewer removed', () => edit((r) => r.slice(1)), { needs: 'admin' }],
    ['a reviewer removed and one of the same name added', () => edit((r) => [...r.slice(1), { ...r[0]!, id: 'a2' }]), { needs: 'admin' }],
    ['a role changed', () => edit((r) => r.map((x) => (x.id === 'a' ? { ...x, role: 'principal' as const } : x))), { needs: 'admin' }],
    ['no roster at all', () => undefined, { needs: 'admin' }],
    ['entries without ids', () => [{ name: 'x' }], { needs: 'admin' }],
    ['two entries with one id', () => [roster[0], roster[0]], { needs: 'admin' }],
  ])('%s', (_name, after, verdict) => {
    expect(rosterVerdict(roster, after())).toEqual(verdict);
  });
});

describe('the administrator password', () => {
  let admin: AdminService;
  let clock: number;
  beforeEach(() => {
    fakeBrowser.reset();
    clock = Date.UTC(2025, 0, 1);
    admin = createAdminService(fakeBrowser.storage.local, () => clock);
  });

  it('is set once without a password, then changed only with the current one; stored as a salted hash', async () => {
    expect(await admin.status()).toEqual({ passwordSet: false });
    expect(await admin.check('anything')).toMatchObject({ ok: false, code: 'not-set' });
    expect(await admin.setPassword({ next: 'short' })).toMatchObject({ ok: false, code: 'too-short' });
    expect(await admin.setPassword({ next: 'county-2025' })).toEqual({ ok: true });
    const stored = (await fakeBrowser.storage.local.get(ADMIN_KEYS.password))[ADMIN_KEYS.password];
    expect(JSON.stringify(stored)).not.toContain('county-2025');
    expect(await verifySecret('county-2025', stored as never)).toBe(true);
    // Someone else at the PC cannot simply set another one.
    expect(await admin.setPassword({ next: 'mine-now-123' })).toMatchObject({ ok: false, code: 'wrong' });
    expect(await admin.setPassword({ current: 'county-2025', next: 'county-2026' })).toEqual({ ok: true });
    expect(await admin.check('county-2026')).toEqual({ ok: true });
    expect(await admin.check('county-2025')).toMatchObject({ ok: false, code: 'wrong' });
  });

  it('slows guessing down like wrong PINs, across restarts of the service worker', async () => {
    await admin.setPassword({ next: 'county-2025' });
    for (let i = 4; i >= 1; i--) expect(await admin.check('guess')).toMatchObject({ ok: false, code: 'wrong', remaining: i });
    const fifth = await admin.check('guess');
    expect(fifth).toMatchObject({ ok: false, code: 'wrong', remaining: 0, waitMs: 30_000 });
    const restarted = createAdminService(fakeBrowser.storage.local, () => clock);
    // Even the right password waits now.
    expect(await restarted.check('county-2025')).toMatchObject({ ok: false, code: 'locked' });
    clock += 30_000;
    expect(await restarted.check('county-2025')).toEqual({ ok: true });
    expect(await restarted.check('guess')).toMatchObject({ remaining: 4 });
  });
});

describe('saving and importing a roster change', () => {
  let signoff: SignoffService;
  let admin: AdminService;
  let logged: AuditEntry[];
  let handlers: ReturnType<typeof createPolicyHandlers>;
  let store: ReturnType<typeof createPolicyStore>;
  const policy = (): Policy => ({ ...DEFAULT_POLICY, reviewers: structuredClone(roster) });

  beforeEach(async () => {
    fakeBrowser.reset();
    logged = [];
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: policy() });
    store = createPolicyStore(fakeBrowser.storage);
    await store.ready;
    signoff = createSignoffService({ storage: fakeBrowser.storage.local, policy: () => store.state().policy, audit: (e) => (logged.push(e), Promise.resolve({ ok: true, seq: logged.length, id: 'x' })) });
    admin = createAdminService(fakeBrowser.storage.local);
    handlers = createPolicyHandlers(store, { admin, verifyReviewerPin: (req) => signoff.verifyReviewerPin(req) });
  });

  async function proof(reviewerId: string, pin: string) {
    const c = await signoff.pinChallenge({ reviewerId });
    if (!c.ok) throw new Error('no challenge');
    return { reviewerId, challengeId: c.challengeId, proof: await pinProof(pin, c) };
  }

  const withNewPin = async (id: string): Promise<Policy> => ({ ...policy(), reviewers: await Promise.all(roster.map(async (r) => (r.id === id ? { ...r, pin: await hashPin('111111', { iterations: 100_000 }) } : r))) });

  it("resets a PIN with that reviewer's current PIN, not another's, and a wrong one counts and is logged", async () => {
    const candidate = await withNewPin('a');
    const none = await handlers.savePolicy({ policy: candidate });
    expect(none.accepted).toBe(false);
    expect(none.problems[0]).toMatchObject({ path: 'reviewers' });
    expect(none.problems[0]!.zh).toContain('当前的 PIN');
    // b's right PIN does not reset a's.
    expect((await handlers.savePolicy({ policy: candidate, auth: { reviewerPin: await proof('b', '1357') } })).accepted).toBe(false);
    const wrong = await handlers.savePolicy({ policy: candidate, auth: { reviewerPin: await proof('a', '0000') } });
    expect(wrong.accepted).toBe(false);
    expect(wrong.problems[0]!.zh).toContain('PIN 不正确，还可再试 4 次');
    expect(logged.at(-1)).toMatchObject({ event: 'pin-failed', detail: { reviewerId: 'a', action: 'pin-reset', remaining: 4 } });
    expect(store.state().policy.reviewers).toEqual(roster);

    const good = await proof('a', '2468');
    const right = await handlers.savePolicy({ policy: candidate, auth: { reviewerPin: good } });
    expect(right.accepted).toBe(true);
    expect(store.state().policy.reviewers[0]!.pin).toEqual(candidate.reviewers[0]!.pin);
    // A proof answers one challenge only: replayed, it resets nothing.
    const replayed = await handlers.savePolicy({ policy: await withNewPin('a'), auth: { reviewerPin: good } });
    expect(replayed.accepted).toBe(false);
  });

  it('needs the administrator password for anything else, and refuses until one is set', async () => {
    const added: Policy = { ...policy(), reviewers: [...roster, { ...roster[0]!, id: 'd', name: '新审核人' }] };
    const unset = await handlers.savePolicy({ policy: added, auth: { adminPassword: 'county-2025' } });
    expect(unset.problems[0]!.zh).toContain('须先设置管理员密码');
    await admin.setPassword({ next: 'county-2025' });
    expect((await handlers.savePolicy({ policy: added })).problems[0]!.zh).toContain('需要管理员密码');
    // A PIN proof is no key to the roster.
    expect((await handlers.savePolicy({ policy: added, auth: { reviewerPin: await proof('a', '2468') } })).accepted).toBe(false);
    expect((await handlers.savePolicy({ policy: added, auth: { adminPassword: 'wrong-guess' } })).problems[0]!.zh).toContain('管理员密码不正确');
    expect((await handlers.savePolicy({ policy: added, auth: { adminPassword: 'county-2025' } })).accepted).toBe(true);
    expect(store.state().policy.reviewers.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('resets a forgotten PIN with the administrator password', async () => {
    await admin.setPassword({ next: 'county-2025' });
    expect((await handlers.savePolicy({ policy: await withNewPin('c'), auth: { adminPassword: 'county-2025' } })).accepted).toBe(true);
  });

  it('lets other settings save without any password', async () => {
    expect((await handlers.savePolicy({ policy: { ...policy(), signoff: { validMinutes: 60 } } })).accepted).toBe(true);
  });

  it('guards imports the same way, comparing the roster the file means', async () => {
    await admin.setPassword({ next: 'county-2025' });
    const file = JSON.stringify({ ...policy(), reviewers: roster.slice(1) });
    const refused = await handlers.importPolicyJson({ text: file });
    expect(refused.accepted).toBe(false);
    expect(refused.problems[0]!.zh).toContain('需要管理员密码');
    expect((await handlers.importPolicyJson({ text: file, auth: { adminPassword: 'county-2025' } })).accepted).toBe(true);
    // A file that does not parse is the store's to refuse, with its own problem.
    expect((await handlers.importPolicyJson({ text: '{not json' })).problems[0]!.zh).not.toContain('管理员密码');
    // The same roster re-imported needs nothing.
    expect((await handlers.importPolicyJson({ text: JSON.stringify(store.state().policy) })).accepted).toBe(true);
  });

  it('leaves a managed roster to IT: no password asked, the store keeps the administrator values', async () => {
    await fakeBrowser.storage.managed.set({ reviewers: roster });
    await store.refresh();
    expect(store.state().locked).toContain('reviewers');
    const result = await handlers.savePolicy({ policy: await withNewPin('a') });
    expect(result.problems.some((p) => p.zh.includes('管理员密码'))).toBe(false);
    expect(store.state().policy.reviewers).toEqual(roster);
  });
});

it('authorizeRoster needs nothing when nothing changed', async () => {
  const deps = { admin: { status: () => Promise.reject(new Error('not asked')), check: () => Promise.reject(new Error('not asked')) }, verifyReviewerPin: () => Promise.reject(new Error('not asked')) };
  expect(await authorizeRoster(roster, structuredClone(roster), undefined, deps)).toBeNull();
});
