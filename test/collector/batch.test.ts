/**
 * Checking a batch before the database (pure): an honest record, masked by the extension, passes
 * masking again unchanged (so it is not flagged), a raw value is masked, and the limits hold the
 * extension's own batch size.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BATCH } from '../../lib/audit/collector';
import { MAX_RECORDS, parseBatch } from '../../lib/collector/ingest/batch';
import { chainOf } from './fixtures';

const ID = '11010519491231002X';

describe('parseBatch', () => {
  it('accepts what the extension masked without flagging it', () => {
    const records = chainOf([
      { event: 'publish-blocked', title: `低保公示 ${ID}`, findings: { total: 2, counts: { 'cn-id': { block: 1 }, phone: { warn: 1 } }, excerpts: [ID, '13812345678'] } },
      { event: 'finding-overridden', title: '电话 0952-6012345', detail: { ruleId: 'landline', excerpt: '0952-6012345', reason: '办公电话', publishedSeq: 1234567 } },
      { event: 'publish-allowed', title: '公示', signers: [{ id: 'lisi', name: '李四', role: 'reviewer', at: '2025-03-01T09:10:00+08:00' }], confirmations: { accuracy: true, completeness: true, timeliness: true, secrecy: true, otherUnit: '县财政局' } },
    ]);
    expect(JSON.stringify(records)).not.toContain(ID);
    const r = parseBatch(JSON.stringify({ installation: randomUUID(), records }));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.batch.records.map((x) => [x.hashOk, x.masked])).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
  });

  it('masks a raw value that arrives and says so', () => {
    const [record] = chainOf([{ event: 'publish-blocked' }]);
    const raw = { ...record!, title: `名单 ${ID}` };
    const r = parseBatch(JSON.stringify({ installation: randomUUID(), records: [raw] }));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.batch.records[0]).toMatchObject({ masked: true, hashOk: false });
    expect(JSON.stringify(r.batch.records[0]!.record)).not.toContain(ID);
  });

  it('takes the extension’s whole batch, and refuses NUL characters by field', () => {
    expect(MAX_RECORDS).toBeGreaterThanOrEqual(BATCH);
    const [record] = chainOf([{ event: 'publish-blocked' }]);
    const r = parseBatch(JSON.stringify({ installation: randomUUID(), records: [{ ...record, title: 'a\u0000b' }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.[0]?.path).toBe('records[0].title');
  });
});
