import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/audit/canonical';
import { hashRecord, linkRecord, verifyChain, type ChainLink } from '../../lib/audit/chain';
import type { AuditRecord } from '../../lib/audit/types';
import { entry } from './helpers';

function chain(n: number, anchor?: ChainLink): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    out.push(linkRecord(out[i - 1] ?? anchor, entry(i + 1), { id: `id-${i}`, time: `2025-03-01T09:${String(i).padStart(2, '0')}:00.000+08:00`, policyVersion: 'v' }));
  }
  return out;
}

/** Rewrites a record and gives it a hash that matches its new content: a careful forger. */
const rehash = (r: AuditRecord): AuditRecord => ({ ...r, hash: hashRecord(r) });

async function* slowly(records: AuditRecord[]) {
  for (const r of records) yield await Promise.resolve(r);
}

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[3,{"z":1}]},"b":1}');
  });

  it('does not depend on key order', () => {
    const [r] = chain(1);
    const shuffled = Object.fromEntries(Object.entries(r!).reverse()) as unknown as AuditRecord;
    expect(hashRecord(shuffled)).toBe(r!.hash);
  });
});

describe('linkRecord', () => {
  it('numbers from 1 and chains each record to the one before', () => {
    const records = chain(3);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records[0]!.prevHash).toBe('');
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(records[2]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('goes on from an anchor', () => {
    const [r] = chain(1, { seq: 41, hash: 'f'.repeat(64) });
    expect(r).toMatchObject({ seq: 42, prevHash: 'f'.repeat(64) });
  });
});

describe('verifyChain', () => {
  const good = chain(6);

  it('accepts an intact chain, sync or async', async () => {
    expect(await verifyChain(good)).toEqual({ ok: true, count: 6, lastSeq: 6 });
    expect(await verifyChain(slowly(good), undefined, { seq: 6, hash: good[5]!.hash })).toEqual({ ok: true, count: 6, lastSeq: 6 });
    expect(await verifyChain([])).toEqual({ ok: true, count: 0, lastSeq: 0 });
  });

  it('names an altered record', async () => {
    const records = good.map((r) => (r.seq === 3 ? { ...r, title: '改过的标题' } : r));
    expect(await verifyChain(records)).toMatchObject({ ok: false, count: 2, firstBadSeq: 3, problem: 'hash-mismatch', message: { zh: expect.stringContaining('第 3 条') as string } });
  });

  it('names the record after one altered and re-hashed', async () => {
    const records = good.map((r) => (r.seq === 3 ? rehash({ ...r, title: '改过的标题' }) : r));
    expect(await verifyChain(records)).toMatchObject({ ok: false, firstBadSeq: 4, problem: 'prev-mismatch' });
  });

  it('names a deleted record', async () => {
    const records = good.filter((r) => r.seq !== 4);
    expect(await verifyChain(records)).toMatchObject({ ok: false, count: 3, firstBadSeq: 4, problem: 'missing', message: { en: 'Record 4 is missing: it was deleted.' } });
  });

  it('names a deleted record that was covered up by renumbering', async () => {
    const records = good.filter((r) => r.seq !== 4).map((r) => (r.seq > 4 ? rehash({ ...r, seq: r.seq - 1 }) : r));
    expect(await verifyChain(records)).toMatchObject({ ok: false, firstBadSeq: 4, problem: 'prev-mismatch' });
  });

  it('names records swapped in place', async () => {
    const [a, b] = [good[2]!, good[3]!];
    const records = [...good];
    records[2] = rehash({ ...b, seq: 3 });
    records[3] = rehash({ ...a, seq: 4 });
    expect(await verifyChain(records)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'prev-mismatch' });
  });

  it('names records out of order', async () => {
    const records = [good[0]!, good[2]!, good[1]!, ...good.slice(3)];
    expect(await verifyChain(records)).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'missing' });
    expect(await verifyChain([good[0]!, good[1]!, good[0]!])).toMatchObject({ ok: false, firstBadSeq: 1, problem: 'prev-mismatch' });
  });

  it('names the first of several problems', async () => {
    const records = good.filter((r) => r.seq !== 5).map((r) => (r.seq === 2 ? { ...r, editor: '别人' } : r));
    expect(await verifyChain(records)).toMatchObject({ firstBadSeq: 2, problem: 'hash-mismatch' });
  });

  it('catches the newest records deleted, by the head', async () => {
    expect(await verifyChain(good.slice(0, 4), undefined, { seq: 6, hash: good[5]!.hash })).toMatchObject({ ok: false, firstBadSeq: 5, problem: 'missing' });
  });

  it('catches the last record replaced, by the head', async () => {
    const records = [...good.slice(0, 5), rehash({ ...good[5]!, title: '换掉' })];
    expect(await verifyChain(records, undefined, { seq: 6, hash: good[5]!.hash })).toMatchObject({ ok: false, firstBadSeq: 6, problem: 'hash-mismatch' });
  });

  it('starts from the anchor after pruning', async () => {
    const rest = good.slice(3);
    expect(await verifyChain(rest, { seq: 3, hash: good[2]!.hash })).toEqual({ ok: true, count: 3, lastSeq: 6 });
    expect(await verifyChain(rest)).toMatchObject({ ok: false, firstBadSeq: 1, problem: 'missing' });
    expect(await verifyChain(rest, { seq: 3, hash: '0'.repeat(64) })).toMatchObject({ ok: false, firstBadSeq: 4, problem: 'prev-mismatch' });
  });
});
