/**
 * The dashboard's API on both databases: first-run setup only with the console's code, sign-in
 * with sessions in the database, records with filters, CSV (BOM, unit columns, the extension's own
 * layout) and JSON Lines whose records still match their hashes, per-unit statistics computed from
 * a known set of records, and chain status per browser.
 */
import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashRecord } from '../../lib/audit/chain';
import { csvColumns } from '../../lib/audit/export';
import type { AuditEntry, AuditRecord } from '../../lib/audit/types';
import { newSetupCode } from '../../lib/collector/auth/admin';
import { addUnit } from '../../lib/collector/auth/units';
import type { RunningServer } from '../../lib/collector/server';
import { chainOf, DATABASE_KINDS, openTestDb, post, resetDb, startTestServer, type TestDb } from './fixtures';

const signer = (at: string) => [{ id: 'lisi', name: '李四', role: 'reviewer' as const, at }];

/** One item's life: blocked at 09:00, signed off at 09:10, published, checked afterwards. */
function itemLife(title: string, overrides: number, mismatch: boolean): AuditEntry[] {
  return [
    { event: 'publish-blocked', title, detail: { reasons: 'finding-block' } },
    ...Array.from({ length: overrides }, () => ({ event: 'finding-overridden' as const, title, detail: { ruleId: 'mobile', reason: '办公电话，可以公开' } })),
    ...Array.from({ length: 9 - overrides }, () => ({ event: 'pin-failed' as const, title })),
    { event: 'signoff-given', title, signers: signer('2025-03-01T09:10:00+08:00') },
    { event: 'publish-allowed', title, category: '12 社会救助', signers: signer('2025-03-01T09:10:00+08:00'), detail: { important: false } },
    { event: 'post-publish-check', title, detail: { result: mismatch ? 'differs' : 'matches' } },
  ];
}


// scrypt, a fresh server per test and PostgreSQL on a loaded 2-core machine: more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

describe.each(DATABASE_KINDS)('dashboard API on $kind', ({ kind, skip }) => {
  let t: TestDb;
  let server: RunningServer;
  let cookie = '';
  const installations = { a: randomUUID(), b: randomUUID() };

  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
    // Bytes, not res.text(): fetch's decoder would drop the BOM the CSV must start with.
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, bytes, text: bytes.toString('utf8'), headers: res.headers };
  };
  const json = async <T>(path: string): Promise<T> => JSON.parse((await get(path)).text) as T;
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    if (skip) return;
    t = await openTestDb(kind);
    await resetDb(t.db);
    server = await startTestServer(t.db);
    const [a, b] = [await addUnit(t.db, '县民政局'), await addUnit(t.db, '县财政局')];
    // 县民政局: two items (one overridden twice, one with a post-publication mismatch); a broken chain.
    const life = chainOf([...itemLife('城关镇低保公示', 2, false), ...itemLife('临时救助名单', 0, true)]);
    const broken = life.filter((r) => r.seq !== 5);
    expect((await post(server, a, { installation: installations.a, records: broken })).status).toBe(200);
    expect((await post(server, b, { installation: installations.b, records: chainOf(itemLife('财政预算公开', 1, false), undefined, new Date('2025-03-02T09:00:00+08:00')) })).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it.skipIf(skip)('creates the administrator only with the setup code, then signs in', async () => {
    expect(await json('/api/dashboard/session')).toMatchObject({ setUp: false, admin: null });
    expect((await get('/api/dashboard/records')).status).toBe(401);
    const code = (await newSetupCode(t.db))!;
    const wrong = await postJson('/api/dashboard/setup', { code: '0000-0000-0000', username: 'admin', password: 'long enough password' });
    expect(wrong.status).toBe(403);
    const weak = await postJson('/api/dashboard/setup', { code, username: 'admin', password: 'short' });
    expect(weak.status).toBe(422);
    const foreign = await postJson('/api/dashboard/setup', { code, username: 'admin', password: 'long enough password' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const ok = await postJson('/api/dashboard/setup', { code, username: 'admin', password: 'long enough password' });
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    cookie = setCookie.split(';')[0]!;
    expect(await json('/api/dashboard/session')).toMatchObject({ setUp: true, admin: 'admin' });
    // The code is spent; a second administrator cannot be made this way.
    expect((await postJson('/api/dashboard/setup', { code, username: 'x', password: 'long enough password' })).status).toBe(409);
    expect((await postJson('/api/dashboard/login', { username: 'admin', password: 'wrong password!' })).status).toBe(401);
    const stored = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM admins');
    expect(stored.rows[0]!.password_hash).toMatch(/^scrypt\$/);
    expect(stored.rows[0]!.password_hash).not.toContain('long enough');
  });

  it.skipIf(skip)('lists records across units with filters and search', async () => {
    type Page = { records: { unit: string; chain: string; record: AuditRecord }[]; total: number };
    const all = await json<Page>('/api/dashboard/records?limit=200');
    // 13 records per item's life: 县民政局 two items less the one record lost in transit, 县财政局 one.
    expect(all.total).toBe(26 - 1 + 13);
    expect(new Set(all.records.map((r) => r.unit))).toEqual(new Set(['县民政局', '县财政局']));
    const units = await json<{ units: { id: number; name: string }[] }>('/api/dashboard/facets');
    const b = units.units.find((u) => u.name === '县财政局')!;
    expect((await json<Page>(`/api/dashboard/records?unit=${b.id}`)).total).toBe(13);
    expect((await json<Page>('/api/dashboard/records?event=publish-allowed')).total).toBe(3);
    expect((await json<Page>(`/api/dashboard/records?text=${encodeURIComponent('临时救助')}`)).total).toBe(13);
    expect((await json<Page>(`/api/dashboard/records?text=${encodeURIComponent('办公电话')}`)).total).toBe(3);
    expect((await json<Page>('/api/dashboard/records?from=2025-03-02&to=2025-03-02')).total).toBe(13);
    const problems = await json<Page>('/api/dashboard/records?chain=problems');
    expect(problems.records.map((r) => [r.record.seq, r.chain])).toEqual([[6, 'gap']]);
    expect((await get('/api/dashboard/records?event=nonsense')).status).toBe(400);
  });

  it.skipIf(skip)('exports CSV with a BOM and the unit columns, and JSON Lines whose records keep their hashes', async () => {
    const csv = await get('/api/dashboard/export.csv?event=publish-allowed');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="precheck-collector-\d{8}-\d{4}\.csv"/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(csv.text.slice(1).trim());
    expect(parsed.data[0]).toEqual(['单位', '浏览器', '链状态', '收到时已遮蔽', ...csvColumns('zh')]);
    expect(parsed.data).toHaveLength(1 + 3);
    expect(parsed.data.slice(1).map((r) => r[0]).sort()).toEqual(['县民政局', '县民政局', '县财政局']);
    const jsonl = await get('/api/dashboard/export.jsonl');
    const lines = jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as { unit: string; installation: string; record: AuditRecord });
    expect(lines).toHaveLength(38);
    for (const l of lines) expect(hashRecord(l.record)).toBe(l.record.hash);
    expect(new Set(lines.map((l) => l.installation))).toEqual(new Set([installations.a, installations.b]));
  });

  it.skipIf(skip)('counts each unit’s work for the assessment', async () => {
    const { units } = await json<{ units: Record<string, unknown>[] }>('/api/dashboard/stats?from=2025-01-01&to=2025-12-31');
    const civil = units.find((u) => u.unit === '县民政局')!;
    expect(civil).toMatchObject({ browsers: 1, published: 2, blocked: 2, blockedItems: 2, overridden: 2, mismatches: 1, chainProblems: 1, measuredItems: 2 });
    // Blocked at minute 0, signed at minute 10 (the chain puts a record a minute apart).
    expect(civil.medianBlockToSignoffS).toBe(600);
    expect(civil.reasons).toEqual([{ reason: '办公电话，可以公开', ruleId: 'mobile', count: 2 }]);
    const finance = units.find((u) => u.unit === '县财政局')!;
    expect(finance).toMatchObject({ published: 1, blocked: 1, overridden: 1, mismatches: 0, chainProblems: 0 });
    const lastYear = await json<{ units: { published: number }[] }>('/api/dashboard/stats?from=2024-01-01&to=2024-12-31');
    expect(lastYear.units.map((u) => u.published)).toEqual([0, 0]);
  });

  it.skipIf(skip)('shows chain status per browser, and the flagged records', async () => {
    const { browsers } = await json<{ browsers: { installation: string; ok: boolean; missing: number; flags: Record<string, number>; maxSeq: number }[] }>('/api/dashboard/chains');
    const a = browsers.find((x) => x.installation === installations.a)!;
    expect(a).toMatchObject({ ok: false, missing: 1, maxSeq: 26, flags: { gap: 1, link: 0, fork: 0, altered: 0 } });
    expect(browsers.find((x) => x.installation === installations.b)).toMatchObject({ ok: true, missing: 0 });
    const { records } = await json<{ records: { seq: number; chain: string }[] }>(`/api/dashboard/chains?installation=${installations.a}`);
    expect(records).toEqual([expect.objectContaining({ seq: 6, chain: 'gap' })]);
  });

  it.skipIf(skip)('signs out: the session is gone from the database', async () => {
    const res = await fetch(`${server.url}/api/dashboard/logout`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(200);
    expect((await get('/api/dashboard/records')).status).toBe(401);
  });
});
