import { describe, expect, it } from 'vitest';
import type { AuditDb } from '../../lib/audit/db';
import { policyVersion } from '../../lib/audit/policy-version';
import { createAuditService } from '../../lib/audit/service';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import type { Policy } from '../../lib/policy/schema';
import { freshDb } from './helpers';

const ID = '11010519491231002X';
const MOBILE = '13912345678';
const CARD = '6222021234567890128';
const BODY = 'c'.repeat(64);

const noFetch = (() => Promise.reject(new Error('no network in this test'))) as typeof fetch;

function service(db: AuditDb, policy: Policy = DEFAULT_POLICY, now = () => new Date()) {
  return createAuditService({ db, policy: () => policy, fetch: noFetch, now });
}

async function everything(db: AuditDb): Promise<string> {
  const [records, meta, outbox] = await Promise.all([db.getAll('records'), db.getAll('meta'), db.getAll('outbox')]);
  return JSON.stringify({ records, meta, outbox });
}

describe('audit service', () => {
  it('stores no raw ID, phone or card, whatever the caller sends', async () => {
    const db = await freshDb();
    const s = service(db, { ...DEFAULT_POLICY, audit: { retentionDays: 365, collectorUrl: 'https://collector.example/audit' } });
    const context = {
      origin: 'https://cms.example',
      url: `https://cms.example/edit?tel=${MOBILE}`,
      title: `关于张三 ${ID} 的公示`,
      editor: `王编辑 ${MOBILE}`,
      findings: { total: 2, counts: { 'cn-id': { block: 1 } }, excerpts: [ID, CARD] },
    };
    expect(await s.append({ event: 'signoff-given', ...context, signers: [{ id: 'z', name: '张审核', role: 'reviewer', at: '2025-03-01T09:00:00+08:00' }] })).toMatchObject({ ok: true });
    expect(await s.append({ event: 'finding-overridden', ...context, detail: { reason: `经核实 ${ID} 可公开`, card: CARD } })).toMatchObject({ ok: true });
    expect(await s.append({ event: 'publish-allowed', ...context, bodyDigest: BODY })).toMatchObject({ ok: true });
    expect(await s.recordFromPage({ event: 'publish-blocked', ...context, detail: { why: `含 ${MOBILE}` } })).toMatchObject({ ok: true });
    expect(await s.postPublishCheck({ url: `https://www.example/${ID}.html`, titles: [`关于张三 ${ID} 的公示`], bodyDigests: [BODY] })).toMatchObject({ found: true });
    const json = await everything(db);
    for (const raw of [ID, MOBILE, CARD]) expect(json).not.toContain(raw);
    expect(json).toContain('110*************2X');
  });

  it('lets a page record only what it may report itself', async () => {
    const db = await freshDb();
    const s = service(db);
    for (const event of ['publish-blocked', 'publish-outcome', 'post-publish-check']) expect(await s.recordFromPage({ event })).toMatchObject({ ok: true });
    for (const bad of [{ event: 'signoff-given' }, { event: 'publish-allowed' }, { event: 'log-exported' }, { event: 'nonsense' }, null, 'publish-blocked']) {
      expect(await s.recordFromPage(bad)).toMatchObject({ ok: false, message: { zh: expect.any(String) as string, en: expect.any(String) as string } });
    }
    expect(await db.count('records')).toBe(3);
  });

  it('checks a published page against the record of its publication', async () => {
    const db = await freshDb();
    const s = service(db);
    await s.append({ event: 'publish-allowed', title: '关于印发工作要点的通知', bodyDigest: BODY });
    const published = (await db.get('records', 1))!;
    expect(await s.postPublishCheck({ url: 'https://www.example/a.html', titles: ['关于印发工作要点的通知'], bodyDigests: [BODY] })).toEqual({
      found: true,
      result: 'matches',
      recordSeq: 1,
      title: '关于印发工作要点的通知',
      publishedAt: published.time,
    });
    expect(await s.postPublishCheck({ url: 'https://www.example/a.html', titles: ['关于印发工作要点的通知'], bodyDigests: ['d'.repeat(64)] })).toMatchObject({ result: 'differs' });
    expect(await s.postPublishCheck({ url: 'https://www.example/b.html', titles: ['别的标题'], bodyDigests: [BODY] })).toEqual({ found: false });
    const checks = (await db.getAll('records')).filter((r) => r.event === 'post-publish-check');
    expect(checks.map((r) => [r.origin, r.detail?.result, r.detail?.publishedSeq])).toEqual([
      ['https://www.example', 'matches', 1],
      ['https://www.example', 'differs', 1],
    ]);
  });

  it('tells which title candidate of a page names a published item', async () => {
    const db = await freshDb();
    const s = service(db);
    await s.append({ event: 'publish-allowed', title: `关于张三 ${ID} 的公示`, bodyDigest: BODY });
    await s.append({ event: 'publish-blocked', title: '被阻止的稿件' });
    expect(await s.publishedTitle(['平罗县人民政府', '', `关于张三 ${ID} 的公示`])).toBe(`关于张三 ${ID} 的公示`);
    expect(await s.publishedTitle(['被阻止的稿件', '平罗县人民政府'])).toBeUndefined();
    expect(await s.publishedTitle([])).toBeUndefined();
  });

  it('records each verify with its result', async () => {
    const db = await freshDb();
    const s = service(db);
    await s.append({ event: 'publish-blocked' });
    expect(await s.verify()).toEqual({ ok: true, count: 1, lastSeq: 1 });
    const r = (await db.get('records', 1))!;
    await db.put('records', { ...r, title: '改' });
    expect(await s.verify()).toMatchObject({ ok: false, firstBadSeq: 1 });
    const verified = (await db.getAll('records')).filter((x) => x.event === 'log-verified').map((x) => x.detail);
    expect(verified).toEqual([
      { ok: true, count: 1 },
      { ok: false, count: 0, firstBadSeq: 1, problem: 'hash-mismatch' },
    ]);
  });

  it('records exports; a file export lets retention delete, a printed form does not', async () => {
    const db = await freshDb();
    let now = new Date(2025, 0, 1).getTime();
    const s = service(db, { ...DEFAULT_POLICY, audit: { retentionDays: 30 } }, () => new Date(now));
    for (let i = 0; i < 5; i++) await s.append({ event: 'publish-blocked', title: `稿 ${i}` });
    now += 60 * 86_400_000;
    expect(await s.exported({ format: 'form', count: 1, throughSeq: 5 })).toMatchObject({ ok: true, seq: 6 });
    expect(await db.count('records')).toBe(6);
    expect(await s.exported({ format: 'csv', count: 6, throughSeq: 6 })).toMatchObject({ ok: true, seq: 7 });
    // 1–5 are exported and 60 days old; 6 is exported but recent.
    expect((await db.getAll('records')).map((r) => [r.seq, r.detail?.format])).toEqual([
      [6, 'form'],
      [7, 'csv'],
    ]);
    expect(await s.verify()).toMatchObject({ ok: true, lastSeq: 7 });
    expect(await s.exported({ format: 'xls', count: 1, throughSeq: 1 } as never)).toMatchObject({ ok: false });
  });

  it('records a filtered export but lets retention delete nothing for it', async () => {
    const db = await freshDb();
    let now = new Date(2025, 0, 1).getTime();
    const s = service(db, { ...DEFAULT_POLICY, audit: { retentionDays: 30 } }, () => new Date(now));
    for (let i = 0; i < 5; i++) await s.append({ event: i % 2 ? 'publish-blocked' : 'publish-allowed' });
    now += 60 * 86_400_000;
    expect(await s.exported({ format: 'jsonl', count: 3, throughSeq: 5 })).toMatchObject({ ok: true, seq: 6 });
    expect(await db.count('records')).toBe(6);
  });

  it('records a policy change with who and which version', async () => {
    const db = await freshDb();
    const s = service(db);
    await s.policyChanged('信息中心 李工', 'abc123abc123');
    expect(await db.get('records', 1)).toMatchObject({ event: 'policy-changed', editor: '信息中心 李工', detail: { version: 'abc123abc123' }, policyVersion: policyVersion(DEFAULT_POLICY) });
  });

  it('does not record the same version again (the worker re-reads the policy at every start)', async () => {
    const db = await freshDb();
    const s = service(db);
    await s.policyChanged('local', 'v1');
    await s.append({ event: 'publish-blocked' });
    expect(await s.policyChanged('local', 'v1')).toMatchObject({ ok: true, seq: 1 });
    await s.policyChanged('local', 'v2');
    expect((await db.getAll('records')).map((r) => r.event)).toEqual(['policy-changed', 'publish-blocked', 'policy-changed']);
  });

  it('does not wait for the collector to append', async () => {
    const db = await freshDb();
    const hanging = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    const s = createAuditService({ db, policy: () => ({ ...DEFAULT_POLICY, audit: { retentionDays: 365, collectorUrl: 'https://collector.example' } }), fetch: hanging, now: () => new Date() });
    for (let i = 0; i < 3; i++) expect(await s.append({ event: 'publish-blocked' })).toMatchObject({ ok: true });
    expect(await db.count('outbox')).toBe(3);
  });
});

describe('policyVersion', () => {
  it('is 12 hex digits of the canonical policy, with meta.updatedAt when set', () => {
    expect(policyVersion(DEFAULT_POLICY)).toMatch(/^[0-9a-f]{12}$/);
    expect(policyVersion({ ...DEFAULT_POLICY })).toBe(policyVersion(DEFAULT_POLICY));
    const reordered = Object.fromEntries(Object.entries(DEFAULT_POLICY).reverse()) as Policy;
    expect(policyVersion(reordered)).toBe(policyVersion(DEFAULT_POLICY));
    expect(policyVersion({ ...DEFAULT_POLICY, signoff: { validMinutes: 31 } })).not.toBe(policyVersion(DEFAULT_POLICY));
    expect(policyVersion({ ...DEFAULT_POLICY, meta: { updatedAt: '2025-03-01T09:00:00+08:00' } })).toMatch(/^[0-9a-f]{12}@2025-03-01T09:00:00\+08:00$/);
  });
});
