import { describe, expect, it } from 'vitest';
import { hashRecord } from '../../lib/audit/chain';
import { openAuditDb, type AuditDb } from '../../lib/audit/db';
import { createAuditReader, localIso } from '../../lib/audit/store';
import type { AuditRecord } from '../../lib/audit/types';
import { appendMany, entry, freshDb, testClock, testLog } from './helpers';

const DAY = 86_400_000;

/** The same database, except that writing the meta store fails as a full disk does. */
function withFullDisk(db: AuditDb, full: () => boolean): AuditDb {
  const bound = <T extends object>(target: T, prop: string | symbol) => {
    const value: unknown = Reflect.get(target, prop, target);
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'transaction') return bound(target, prop);
      return (...args: Parameters<AuditDb['transaction']>) => {
        const tx = target.transaction(...args);
        return new Proxy(tx, {
          get(t, p) {
            if (p !== 'objectStore') return bound(t, p);
            return (name: 'records' | 'meta' | 'outbox') => {
              const store = t.objectStore(name);
              if (name !== 'meta' || !full()) return store;
              return new Proxy(store, {
                get(s, q) {
                  if (q === 'put') {
                    return () => {
                      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
                    };
                  }
                  return bound(s, q);
                },
              });
            };
          },
        });
      };
    },
  });
}

describe('append', () => {
  it('chains records and resolves with the stored record', async () => {
    const db = await freshDb();
    const log = testLog(db);
    const first = await log.append(entry(1));
    const second = await log.append(entry(2));
    expect(first).toMatchObject({ ok: true, seq: 1 });
    expect(second).toMatchObject({ ok: true, seq: 2, record: { prevHash: first.ok ? first.record?.hash : '', policyVersion: 'v-test' } });
    expect(await db.get('records', 2)).toEqual(second.ok && second.record);
    expect(await log.verify()).toEqual({ ok: true, count: 2, lastSeq: 2 });
  });

  it('stamps local ISO time with its offset', () => {
    const d = new Date(2025, 2, 1, 9, 30, 5, 7);
    expect(localIso(d)).toMatch(/^2025-03-01T09:30:05\.007[+-]\d{2}:\d{2}$/);
    expect(Date.parse(localIso(d))).toBe(d.getTime());
  });

  it('keeps order and the chain when many appends are in flight at once', async () => {
    const db = await freshDb();
    const log = testLog(db);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(entry(i))));
    expect(results.map((r) => r.ok && r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await log.verify()).toEqual({ ok: true, count: 50, lastSeq: 50 });
  });

  it('survives reopening the database (a new service worker)', async () => {
    const name = `audit-reopen-${Math.random()}`;
    const db1 = await openAuditDb(name);
    await appendMany(testLog(db1), 5);
    db1.close();
    const db2 = await openAuditDb(name);
    const log2 = testLog(db2);
    expect(await log2.append(entry(6))).toMatchObject({ ok: true, seq: 6 });
    expect(await log2.verify()).toEqual({ ok: true, count: 6, lastSeq: 6 });
  });

  it('reports a full disk, writes nothing, and chains on once there is room', async () => {
    const db = await freshDb();
    let full = false;
    const log = testLog(withFullDisk(db, () => full));
    await appendMany(log, 3);
    full = true;
    const failed = await log.append(entry(4));
    expect(failed).toMatchObject({ ok: false, message: { zh: expect.stringContaining('存储空间已满') as string, en: expect.stringContaining('storage is full') as string } });
    expect(await db.count('records')).toBe(3);
    expect(await db.get('meta', 'head')).toMatchObject({ seq: 3 });
    full = false;
    expect(await log.append(entry(5))).toMatchObject({ ok: true, seq: 4 });
    expect(await log.verify()).toEqual({ ok: true, count: 4, lastSeq: 4 });
  });

  it('queues the record for the collector in the same transaction when asked', async () => {
    const db = await freshDb();
    const log = testLog(db, testClock(), true);
    await appendMany(log, 3);
    expect((await db.getAll('outbox')).map((r) => r.seq).sort()).toEqual([1, 2, 3]);
  });
});

describe('verify against tampering in the database', () => {
  async function logOf(n: number) {
    const db = await freshDb();
    const log = testLog(db);
    await appendMany(log, n);
    return { db, log };
  }

  it('names an altered record', async () => {
    const { db, log } = await logOf(8);
    const r = (await db.get('records', 5))!;
    await db.put('records', { ...r, editor: '别人' });
    expect(await log.verify()).toMatchObject({ ok: false, firstBadSeq: 5, problem: 'hash-mismatch' });
  });

  it('names a deleted record', async () => {
    const { db, log } = await logOf(8);
    await db.delete('records', 3);
    expect(await log.verify()).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'missing' });
  });

  it('names the newest record deleted', async () => {
    const { db, log } = await logOf(8);
    await db.delete('records', 8);
    expect(await log.verify()).toMatchObject({ ok: false, firstBadSeq: 8, problem: 'missing' });
  });

  it('names two records swapped', async () => {
    const { db, log } = await logOf(8);
    const [a, b] = [(await db.get('records', 4))!, (await db.get('records', 6))!];
    const moved = (r: AuditRecord, seq: number): AuditRecord => {
      const m = { ...r, seq };
      return { ...m, hash: hashRecord(m) };
    };
    await db.put('records', moved(a, 6));
    await db.put('records', moved(b, 4));
    expect(await log.verify()).toMatchObject({ ok: false, firstBadSeq: 4, problem: 'prev-mismatch' });
  });

  it('names the first of several', async () => {
    const { db, log } = await logOf(8);
    await db.delete('records', 6);
    const r = (await db.get('records', 2))!;
    await db.put('records', { ...r, title: '改' });
    expect(await log.verify()).toMatchObject({ firstBadSeq: 2 });
  });
});

describe('retention', () => {
  /** Ten records, one a day, the first on day 0; the clock then stands on day 10. */
  async function tenDays() {
    const db = await freshDb();
    const day0 = new Date(2025, 0, 1, 12).getTime();
    let now = day0;
    const log = testLog(db, { now: () => new Date(now), set: () => undefined });
    for (let i = 1; i <= 10; i++) {
      now = day0 + (i - 1) * DAY;
      await log.append(entry(i));
    }
    now = day0 + 10 * DAY;
    return { db, log };
  }

  it('deletes nothing that was not exported', async () => {
    const { db, log } = await tenDays();
    expect(await log.prune(3)).toBe(0);
    expect(await db.count('records')).toBe(10);
  });

  it('deletes only exported records older than the retention, and the chain still verifies', async () => {
    const { db, log } = await tenDays();
    expect(await log.markExported(5, 5)).toBe(true);
    // Older than 3 days: seq 1–7; exported: 1–5.
    expect(await log.prune(3)).toBe(5);
    expect((await db.getAllKeys('records')).map(Number)).toEqual([6, 7, 8, 9, 10]);
    expect(await log.verify()).toEqual({ ok: true, count: 5, lastSeq: 10 });
    expect(await log.markExported(10, 5)).toBe(true);
    expect(await log.prune(3)).toBe(2);
    expect(await log.verify()).toEqual({ ok: true, count: 3, lastSeq: 10 });
    expect(await log.append(entry(11))).toMatchObject({ ok: true, seq: 11 });
    expect(await log.verify()).toEqual({ ok: true, count: 4, lastSeq: 11 });
  });

  it('goes on from the anchor when everything was pruned', async () => {
    const { db, log } = await tenDays();
    expect(await log.markExported(10, 10)).toBe(true);
    expect(await log.prune(-1)).toBe(10);
    expect(await db.count('records')).toBe(0);
    expect(await log.verify()).toEqual({ ok: true, count: 0, lastSeq: 10 });
    expect(await log.append(entry(11))).toMatchObject({ ok: true, seq: 11 });
    expect(await log.verify()).toEqual({ ok: true, count: 1, lastSeq: 11 });
  });

  it('does not count a filtered export as an export of the log', async () => {
    const { db, log } = await tenDays();
    expect(await log.markExported(8, 3)).toBe(false);
    expect(await db.get('meta', 'exportedThrough')).toBeUndefined();
    expect(await log.prune(3)).toBe(0);
  });

  it('never marks more exported than exists', async () => {
    const { db, log } = await tenDays();
    expect(await log.markExported(1000, 10)).toBe(true);
    expect(await db.get('meta', 'exportedThrough')).toBe(10);
    expect(await log.markExported(4, 4)).toBe(true);
    expect(await db.get('meta', 'exportedThrough')).toBe(10);
  });

  it('prunes in chunks through a long log', async () => {
    const db = await freshDb();
    let now = new Date(2025, 0, 1).getTime();
    const log = testLog(db, { now: () => new Date(now), set: () => undefined });
    await appendMany(log, 1200);
    now += 400 * DAY;
    expect(await log.markExported(1100, 1100)).toBe(true);
    expect(await log.prune(365)).toBe(1100);
    expect(await log.verify()).toEqual({ ok: true, count: 100, lastSeq: 1200 });
  });
});

describe('findPublished', () => {
  it('finds the latest publish-allowed record with the title', async () => {
    const db = await freshDb();
    const log = testLog(db);
    await log.append(entry(1, { event: 'publish-allowed', title: '甲' }));
    await log.append(entry(2, { event: 'publish-blocked', title: '乙' }));
    await log.append(entry(3, { event: 'publish-allowed', title: '乙' }));
    await log.append(entry(4, { event: 'publish-allowed', title: '甲' }));
    expect((await log.findPublished('甲'))?.seq).toBe(4);
    expect((await log.findPublished('乙'))?.seq).toBe(3);
    expect(await log.findPublished('丙')).toBeUndefined();
    expect((await createAuditReader(db).get(4))?.title).toBe('甲');
  });
});
