/**
 * The ingest contract against a real HTTP server on both databases: stored once and answered after
 * commit, replays and resent records kept once, every kind of bad batch refused whole with a reason
 * in Chinese and English, units kept apart, per-token rate limits shared by instances, CORS for the
 * extension only, and chain gaps, forks, broken links and altered records flagged, not merged.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashRecord } from '../../lib/audit/chain';
import { BATCH } from '../../lib/audit/collector';
import type { AuditRecord } from '../../lib/audit/types';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { addUnit, revokeUnit, rotateToken } from '../../lib/collector/auth/units';
import { CHROME_EXTENSION_ORIGIN } from '../../lib/collector/config';
import { parsePolicy } from '../../lib/policy/validate';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { EXTENSION_ID } from '../../wxt.config';
import { MAX_BODY_BYTES, MAX_RECORDS } from '../../lib/collector/ingest/batch';
import type { RunningServer } from '../../lib/collector/server';
import { blocked, chainOf, count, DATABASE_KINDS, EXTENSION_ORIGIN, openTestDb, post, resetDb, startTestServer, type TestDb } from './fixtures';

const RAW_ID = '11010519491231002X';


// scrypt, a fresh server per test and PostgreSQL on a loaded 2-core machine: more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

describe.each(DATABASE_KINDS)('ingest on $kind', ({ kind, skip }) => {
  let t: TestDb;
  let server: RunningServer;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    if (skip) return;
    t = await openTestDb(kind);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });
  beforeEach(async (ctx) => {
    if (skip) return ctx.skip(skip);
    await server?.close();
    await resetDb(t.db);
    server = await startTestServer(t.db);
    tokenA = await addUnit(t.db, '县民政局');
    tokenB = await addUnit(t.db, '县财政局');
  });

  it('stores a batch once; a replay gets the same answer, resent records are not stored again', async () => {
    const records = chainOf(blocked(BATCH));
    const batch = { installation: randomUUID(), records };
    const key = randomUUID();
    const first = await post(server, tokenA, batch, { key });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, stored: BATCH, duplicates: 0, flagged: [], masked: 0 });
    const replay = await post(server, tokenA, batch, { key });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const resent = await post(server, tokenA, batch);
    expect(resent.body).toMatchObject({ ok: true, stored: 0, duplicates: BATCH });
    expect(await count(t.db)).toBe(BATCH);
    // What is stored is the record as sent: it still matches its own hash.
    const { rows } = await t.db.query<{ record: AuditRecord }>('SELECT record FROM records ORDER BY seq LIMIT 3');
    for (const r of rows) expect(hashRecord(r.record)).toBe(r.record.hash);
  });

  it('refuses a key reused for another batch', async () => {
    const key = randomUUID();
    const installation = randomUUID();
    const [a, b] = [chainOf(blocked(2)), chainOf(blocked(2, '另一稿'))];
    expect((await post(server, tokenA, { installation, records: a }, { key })).status).toBe(200);
    const reused = await post(server, tokenA, { installation, records: b }, { key });
    expect(reused.status).toBe(422);
    expect(reused.body.error?.code).toBe('idempotency-key-reused');
    expect(await count(t.db)).toBe(2);
  });

  it('refuses malformed JSON, a missing or wrong token, a wrong content type, a missing key — each with a reason in both languages', async () => {
    const installation = randomUUID();
    const cases = [
      [await post(server, tokenA, undefined, { raw: '{"installation": "abc", "records": [' }), 400, 'bad-json'],
      [await post(server, undefined, { installation, records: chainOf(blocked(1)) }), 401, 'no-token'],
      [await post(server, 'pcu_not-a-real-token-0000000000', { installation, records: chainOf(blocked(1)) }), 401, 'bad-token'],
      [await post(server, tokenA, { installation, records: chainOf(blocked(1)) }, { contentType: 'text/plain' }), 415, 'content-type'],
      [await post(server, tokenA, { installation, records: [] }), 422, 'bad-batch'],
    ] as const;
    for (const [res, status, code] of cases) {
      expect(res.status, code).toBe(status);
      expect(res.body.error?.code).toBe(code);
      expect(res.body.error?.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.error?.en).toMatch(/[a-z]/);
    }
    expect(await count(t.db)).toBe(0);
  });

  it('refuses a partly invalid batch whole and names the bad record', async () => {
    const records: unknown[] = chainOf(blocked(5));
    records[3] = { ...(records[3] as AuditRecord), time: 'yesterday', secret: 1 };
    const res = await post(server, tokenA, { installation: randomUUID(), records });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('bad-batch');
    const paths = res.body.problems?.map((p) => p.path) ?? [];
    expect(paths).toContain('records[3].time');
    expect(paths).toContain('records[3].secret');
    expect(res.body.problems?.find((p) => p.path === 'records[3].time')?.zh).toContain('第 4 条记录');
    expect(await count(t.db)).toBe(0);
    expect(await count(t.db, 'SELECT count(*)::int AS n FROM installations')).toBe(0);
  });

  it('refuses an oversized batch: too many records, too many bytes, one record too large', async () => {
    const installation = randomUUID();
    const many = await post(server, tokenA, { installation, records: chainOf(blocked(MAX_RECORDS + 1)) });
    expect(many.status).toBe(413);
    expect(many.body.error?.code).toBe('too-many-records');
    const huge = await post(server, tokenA, undefined, { raw: JSON.stringify({ installation, records: [], pad: 'x'.repeat(MAX_BODY_BYTES) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe('too-large');
    const fat = chainOf([{ event: 'publish-blocked', detail: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'x'.repeat(3000)])) }]);
    const one = await post(server, tokenA, { installation, records: fat });
    expect(one.status).toBe(413);
    expect(one.body.error?.code).toBe('record-too-large');
    expect(await count(t.db)).toBe(0);
  });

  it("keeps units apart: another unit's browser or record is refused whole", async () => {
    const installation = randomUUID();
    const records = chainOf(blocked(3));
    expect((await post(server, tokenA, { installation, records })).status).toBe(200);
    // Unit B's token cannot add to unit A's browser…
    const more = chainOf(blocked(2), { seq: 3, hash: records[2]!.hash });
    const intoA = await post(server, tokenB, { installation, records: more });
    expect(intoA.status).toBe(403);
    expect(intoA.body.error?.code).toBe('installation-of-another-unit');
    // …nor claim unit A's records as its own browser's.
    const stolen = await post(server, tokenB, { installation: randomUUID(), records: [...chainOf(blocked(1)), records[1]!] });
    expect(stolen.status).toBe(403);
    expect(stolen.body.error?.code).toBe('record-of-another-unit');
    // A record delivered by one browser cannot arrive again from another browser of the same unit.
    const copied = await post(server, tokenA, { installation: randomUUID(), records: [records[0]!] });
    expect(copied.status).toBe(409);
    expect(await count(t.db)).toBe(3);
    expect(await count(t.db, 'SELECT count(*)::int AS n FROM installations')).toBe(1);
  });

  it('flags a record that does not continue the chain, a gap until it is filled, a fork and altered records', async () => {
    const installation = randomUUID();
    const records = chainOf(blocked(6));
    const flags = async () =>
      Object.fromEntries((await t.db.query<{ seq: string; chain: string }>('SELECT seq, string_agg(chain, \',\' ORDER BY rid) AS chain FROM records GROUP BY seq')).rows.map((r) => [Number(r.seq), r.chain]));

    // 1, 2, then 4: 4's predecessor never arrived.
    let res = await post(server, tokenA, { installation, records: [records[0], records[1], records[3]] });
    expect(res.body.flagged).toEqual([expect.objectContaining({ seq: 4, chain: 'gap' })]);
    // 3 arrives late: the gap closes.
    res = await post(server, tokenA, { installation, records: [records[2]] });
    expect(res.body.flagged).toEqual([]);
    expect(Object.values(await flags()).every((f) => f === 'ok')).toBe(true);

    // 5 whose prevHash is not 4's hash (4 was replaced on the client after it was sent), with a valid own hash.
    const forged = { ...records[4]!, prevHash: 'f'.repeat(64) };
    const relinked = { ...forged, hash: hashRecord(forged) };
    res = await post(server, tokenA, { installation, records: [relinked] });
    expect(res.status).toBe(200);
    expect(res.body.flagged).toEqual([expect.objectContaining({ seq: 5, chain: 'link' })]);

    // 6 with a second record of the same number: a fork, both flagged.
    const twin = { ...records[5]!, id: randomUUID(), title: '另一个第六条' };
    res = await post(server, tokenA, { installation, records: [records[5], { ...twin, hash: hashRecord(twin) }] });
    expect(res.body.flagged?.map((f) => f.chain)).toEqual(['fork', 'fork']);

    // Record 2 sent again, changed, with its old hash: kept beside the original, both flagged altered.
    res = await post(server, tokenA, { installation, records: [{ ...records[1]!, title: '改过的标题' }] });
    expect(res.status).toBe(200);
    expect(res.body.stored).toBe(1);
    const f = await flags();
    expect(f[2]).toBe('altered,altered');
    expect(f[1]).toBe('ok');
    expect(await count(t.db)).toBe(8);
  });

  it('stores a record that arrives with a raw ID masked, and flags it', async () => {
    const entry = { event: 'publish-blocked' as const, title: `低保公示 ${RAW_ID}` };
    const [masked] = chainOf([entry]);
    // A forged or old client: the same record, the raw ID in place, hashed as sent.
    const raw = { ...masked!, title: entry.title };
    const res = await post(server, tokenA, { installation: randomUUID(), records: [{ ...raw, hash: hashRecord(raw) }] });
    expect(res.status).toBe(200);
    expect(res.body.masked).toBe(1);
    const dump = await t.db.query<{ t: string }>('SELECT record::text || coalesce(title, \'\') AS t FROM records');
    expect(dump.rows[0]!.t).not.toContain(RAW_ID);
    expect(dump.rows[0]!.t).toContain('低保公示');
  });

  it('limits requests per token, counted in the database across instances', async () => {
    await server.close();
    server = await startTestServer(t.db, { ingestLimit: { max: 3, windowMs: 3_600_000 } });
    const other = await startTestServer(t.second ?? t.db, { ingestLimit: { max: 3, windowMs: 3_600_000 } });
    try {
      const installation = randomUUID();
      const sent = [];
      for (const s of [server, other, server, other]) sent.push(await post(s, tokenA, { installation, records: chainOf(blocked(1)) }));
      expect(sent.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(Number(sent[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another unit's token has its own allowance.
      expect((await post(other, tokenB, { installation: randomUUID(), records: chainOf(blocked(1)) })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('answers CORS for the extension only', async () => {
    const pre = (origin: string) => fetch(`${server.url}/api/v1/records`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const ok = await pre(EXTENSION_ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(ok.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const evil = await pre('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const fromPage = await post(server, tokenA, { installation: randomUUID(), records: chainOf(blocked(1)) }, { origin: 'https://evil.example' });
    expect(fromPage.status).toBe(403);
    const fromExtension = await post(server, tokenA, { installation: randomUUID(), records: chainOf(blocked(1)) }, { origin: EXTENSION_ORIGIN });
    expect(fromExtension.status).toBe(200);
    expect(fromExtension.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(await count(t.db)).toBe(1);
  });

  it('rotates a token with a grace period, at once on request; revoking a unit stops it and keeps its records', async () => {
    const send = (token: string) => post(server, token, { installation: randomUUID(), records: chainOf(blocked(1)) });
    expect((await send(tokenA)).status).toBe(200);
    const second = await rotateToken(t.db, '县民政局');
    expect((await send(tokenA)).status).toBe(200);
    expect((await send(second)).status).toBe(200);
    const third = await rotateToken(t.db, '县民政局', true);
    expect((await send(tokenA)).status).toBe(401);
    expect((await send(second)).status).toBe(401);
    expect((await send(third)).status).toBe(200);
    await revokeUnit(t.db, '县民政局');
    expect((await send(third)).status).toBe(401);
    expect(await count(t.db)).toBe(4);
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM unit_tokens');
    expect(stored.rows.map((r) => r.token_hash).join()).not.toContain(third.slice(4, 20));
  });

  it('allows the Chromium extension by its fixed id', () => {
    expect(CHROME_EXTENSION_ORIGIN).toBe(`chrome-extension://${EXTENSION_ID}`);
  });

  it.skipIf(kind !== 'postgres')('add-unit prints a token that works and a policy snippet the extension accepts', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'lib/collector/main.ts', 'add-unit', '县卫健局'], {
      env: { ...process.env, DATABASE_URL: t.url, COLLECTOR_PUBLIC_URL: 'https://audit.example.gov.cn' },
    });
    const token = /(pcu_[A-Za-z0-9_-]+)/.exec(stdout)?.[1];
    expect(token).toBeDefined();
    const snippet = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { audit: Record<string, unknown> };
    expect(snippet.audit).toMatchObject({ collectorUrl: 'https://audit.example.gov.cn/api/v1/records', collectorToken: token });
    expect(parsePolicy({ ...DEFAULT_POLICY, audit: snippet.audit })).toMatchObject({ ok: true });
    expect((await post(server, token, { installation: randomUUID(), records: chainOf(blocked(1)) })).status).toBe(200);
  }, 60_000);

  it('stores a batch sent by two instances at once exactly once', async () => {
    const other = await startTestServer(t.second ?? t.db);
    try {
      const batch = { installation: randomUUID(), records: chainOf(blocked(50)) };
      const key = randomUUID();
      const both = await Promise.all([post(server, tokenA, batch, { key }), post(other, tokenA, batch, { key })]);
      expect(both.map((r) => r.status)).toEqual([200, 200]);
      expect(both.map((r) => r.body.stored).sort()).toEqual([50, 50]);
      expect(await count(t.db)).toBe(50);
      const again = await Promise.all([post(server, tokenA, batch), post(other, tokenA, batch)]);
      expect(again.map((r) => r.body.stored)).toEqual([0, 0]);
      expect(await count(t.db)).toBe(50);
    } finally {
      await other.close();
    }
  });
});
