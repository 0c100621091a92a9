import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkRecord } from '../../lib/audit/chain';
import type { AuditDb } from '../../lib/audit/db';
import { createAuditReader } from '../../lib/audit/store';
import type { AuditEvent, AuditFilter, AuditReader, AuditRecord } from '../../lib/audit/types';
import { createAuditLog } from '../../lib/audit/store';
import { entry, freshDb } from './helpers';

const EVENTS: AuditEvent[] = ['publish-blocked', 'publish-allowed', 'signoff-given', 'finding-overridden'];
const OFFSETS = ['+08:00', '+00:00', '-05:00', '+14:00'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `n` records written straight into the store, an hour apart, in a mix of zones. */
function records(n = 240): AuditRecord[] {
  const out: AuditRecord[] = [];
  const start = Date.UTC(2025, 0, 1, 0, 0, 0);
  for (let i = 0; i < n; i++) {
    const offset = OFFSETS[i % OFFSETS.length]!;
    const sign = offset.startsWith('-') ? -1 : 1;
    const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
    const wall = new Date(start + i * 3600_000 + minutes * 60_000);
    const time = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:00.000${offset}`;
    const e = entry(i, {
      event: EVENTS[i % EVENTS.length]!,
      origin: `https://site${i % 3}.gov.example`,
      editor: ['王编辑', '李编辑', 'Zhao'][i % 3],
      category: String(i % 5).padStart(2, '0'),
      signers: i % 2 ? [{ id: `r${i % 4}`, name: `审核${i % 4}`, role: 'reviewer', at: time }] : [],
      title: i % 10 === 0 ? `特别通知 ${i}` : `通知 ${i}`,
    });
    out.push(linkRecord(out[i - 1], e, { id: `id-${i}`, time, policyVersion: 'v' }));
  }
  return out;
}

function naive(all: AuditRecord[], f: AuditFilter): AuditRecord[] {
  return all.filter((r) => {
    const t = Date.parse(r.time);
    if (f.from && t < Date.parse(f.from)) return false;
    if (f.to && t > Date.parse(f.to)) return false;
    if (f.event && r.event !== f.event) return false;
    if (f.site && r.origin !== f.site) return false;
    if (f.editor && r.editor !== f.editor) return false;
    if (f.category && r.category !== f.category) return false;
    if (f.reviewer && !r.signers?.some((s) => s.name === f.reviewer || s.id === f.reviewer)) return false;
    if (f.text) {
      const hay = [r.title, r.url, r.editor, ...(r.signers ?? []).map((s) => s.name), ...Object.values(r.detail ?? {}).map(String)];
      if (!hay.some((h) => h?.toLowerCase().includes(f.text!.toLowerCase()))) return false;
    }
    return true;
  });
}

describe('createAuditReader', () => {
  let db: AuditDb;
  let reader: AuditReader;
  const all = records();

  beforeAll(async () => {
    db = await freshDb();
    const tx = db.transaction('records', 'readwrite');
    await Promise.all([...all.map((r) => tx.store.put(r)), tx.done]);
    reader = createAuditReader(db);
  });

  const filters: [string, AuditFilter][] = [
    ['nothing', {}],
    ['event', { event: 'publish-allowed' }],
    ['site', { site: 'https://site1.gov.example' }],
    ['event and site', { event: 'signoff-given', site: 'https://site2.gov.example' }],
    ['editor', { editor: '李编辑' }],
    ['reviewer by name', { reviewer: '审核1' }],
    ['reviewer by id', { reviewer: 'r3' }],
    ['category', { category: '03' }],
    ['free text, any case', { text: 'zHaO' }],
    ['free text in the title', { text: '特别' }],
    ['from (+08:00 bound)', { from: '2025-01-05T08:00:00.000+08:00' }],
    ['to (Z bound)', { to: '2025-01-03T12:30:00.000Z' }],
    ['a day in another zone', { from: '2025-01-04T00:00:00.000-05:00', to: '2025-01-04T23:59:59.999-05:00' }],
    ['everything at once', { from: '2025-01-02T00:00:00Z', to: '2025-01-09T00:00:00Z', event: 'publish-blocked', editor: '王编辑', text: '通知' }],
    ['nothing matches', { editor: '没有这个人' }],
    ['empty strings are no filter', { editor: '', text: '' }],
  ];

  it.each(filters)('query by %s: newest first, paged, with the total', async (_name, filter) => {
    const expected = naive(all, filter).reverse();
    for (const [offset, limit] of [
      [0, 10],
      [7, 25],
      [expected.length - 3, 10],
      [expected.length + 5, 10],
      [0, 1000],
    ] as const) {
      const page = await reader.query(filter, Math.max(0, offset), limit);
      expect(page.total).toBe(expected.length);
      expect(page.records.map((r) => r.seq)).toEqual(expected.slice(Math.max(0, offset), Math.max(0, offset) + limit).map((r) => r.seq));
    }
  });

  it.each(filters)('all() by %s: append order', async (_name, filter) => {
    expect((await reader.all(filter)).map((r) => r.seq)).toEqual(naive(all, filter).map((r) => r.seq));
  });

  it('gets one record by seq', async () => {
    expect(await reader.get(17)).toEqual(all[16]);
    expect(await reader.get(9999)).toBeUndefined();
  });

  it('reads an empty log', async () => {
    const empty = createAuditReader(await freshDb());
    expect(await empty.query({}, 0, 10)).toEqual({ records: [], total: 0 });
    expect(await empty.query({ event: 'publish-allowed' }, 0, 10)).toEqual({ records: [], total: 0 });
    expect(await empty.all()).toEqual([]);
    expect(await empty.facets()).toEqual({ editors: [], reviewers: [], categories: [], sites: [] });
  });
});

describe('facets', () => {
  it('lists the distinct editors, reviewers, categories and sites appended', async () => {
    const db = await freshDb();
    const log = createAuditLog(db, { now: () => new Date(), policyVersion: () => 'v' });
    for (let i = 0; i < 12; i++) await log.append(entry(i));
    expect(await createAuditReader(db).facets()).toEqual({
      editors: ['李编辑', '王编辑'].sort((a, b) => a.localeCompare(b, 'zh-CN')),
      reviewers: ['张审核'],
      categories: ['01', '02'],
      sites: ['https://a.gov.example', 'https://b.gov.example'],
    });
  });
});

async function put(db: AuditDb, rs: AuditRecord[]): Promise<void> {
  const tx = db.transaction('records', 'readwrite');
  await Promise.all([...rs.map((r) => tx.store.put(r)), tx.done]);
}

/** Every page of `size` from offset 0 until an empty one, as seqs; checks each page's total. */
async function pages(reader: AuditReader, filter: AuditFilter, size: number, total: number): Promise<number[][]> {
  const out: number[][] = [];
  for (let offset = 0; ; offset += size) {
    const page = await reader.query(filter, offset, size);
    expect(page.total).toBe(total);
    if (!page.records.length) return out;
    out.push(page.records.map((r) => r.seq));
  }
}

/**
 * The reader keeps a filter's matching seqs between queries (later pages read only their rows); a
 * change to the log must never show through as a stale page or total.
 */
describe('createAuditReader: kept seqs and paging', () => {
  const log = records(300);
  const first = log.slice(0, 240);
  const later = log.slice(240);
  let db: AuditDb;
  let reader: AuditReader;

  beforeEach(async () => {
    db = await freshDb();
    await put(db, first);
    reader = createAuditReader(db);
  });

  const filters: [string, AuditFilter][] = [
    ['nothing', {}],
    ['free text', { text: '特别' }],
    ['event (index only)', { event: 'publish-allowed' }],
    ['site and text', { site: 'https://site1.gov.example', text: '通知' }],
    ['time range and editor', { from: '2025-01-03T00:00:00Z', editor: 'Zhao' }],
    ['reviewer', { reviewer: '审核1' }],
  ];

  it.each(filters)('by %s: pages are consecutive, never overlap and add up to the total', async (_name, filter) => {
    const expected = naive(first, filter).reverse().map((r) => r.seq);
    for (const size of [1, 7, 50, 200]) {
      const got = await pages(reader, filter, size, expected.length);
      expect(got.every((p) => p.length === size || p === got[got.length - 1])).toBe(true);
      const flat = got.flat();
      expect(new Set(flat).size).toBe(flat.length);
      expect(flat).toEqual(expected);
    }
  });

  it.each(filters)('by %s: offsets at or past the end answer no records and the total', async (_name, filter) => {
    const total = naive(first, filter).length;
    for (const offset of [total, total + 1, total + 500, 1e9]) {
      expect(await reader.query(filter, offset, 10)).toEqual({ records: [], total });
    }
    expect(await reader.query(filter, 0, 0)).toEqual({ records: [], total });
  });

  it.each(filters)('by %s: records appended between two queries show up, and the total grows', async (_name, filter) => {
    const before = await reader.query(filter, 0, 5);
    expect(before.total).toBe(naive(first, filter).length);
    // A later page too, so the kept seqs are in use when the log grows.
    await reader.query(filter, 5, 5);
    for (const step of [later.slice(0, 1), later.slice(1, 20), later.slice(20)]) {
      await put(db, step);
      const now = log.slice(0, step[step.length - 1]!.seq);
      const expected = naive(now, filter).reverse().map((r) => r.seq);
      // A later page first (as when scrolling on while the log grows), then the top.
      const later5 = await reader.query(filter, 5, 5);
      expect(later5.total).toBe(expected.length);
      expect(later5.records.map((r) => r.seq)).toEqual(expected.slice(5, 10));
      const page = await reader.query(filter, 0, 10);
      expect(page.total).toBe(expected.length);
      expect(page.records.map((r) => r.seq)).toEqual(expected.slice(0, 10));
      expect((await pages(reader, filter, 33, expected.length)).flat()).toEqual(expected);
      expect((await reader.all(filter)).map((r) => r.seq)).toEqual([...expected].reverse());
    }
    // The appended ones really were appended (so the test above tests something), for a filter some match.
    if (naive(later, filter).length) expect((await reader.query(filter, 0, 1)).total).toBeGreaterThan(before.total);
  });

  it('a new record matching a text filter appears on top of the next query', async () => {
    const filter = { text: '今天的新通知' };
    expect(await reader.query(filter, 0, 10)).toEqual({ records: [], total: 0 });
    const fresh = linkRecord(first[first.length - 1], entry(999, { title: '今天的新通知' }), { id: 'new', time: '2025-02-01T08:00:00.000+08:00', policyVersion: 'v' });
    await put(db, [fresh]);
    const page = await reader.query(filter, 0, 10);
    expect(page.total).toBe(1);
    expect(page.records).toEqual([fresh]);
    expect((await reader.query({}, 0, 1)).records).toEqual([fresh]);
    expect((await reader.query({}, 0, 1)).total).toBe(241);
  });

  it.each(filters)('by %s: after retention deleted the oldest records (no seq 1), pages and totals follow', async (_name, filter) => {
    await reader.query(filter, 0, 10);
    await db.delete('records', IDBKeyRange.upperBound(60));
    const kept = first.slice(60);
    const expected = naive(kept, filter).reverse().map((r) => r.seq);
    expect((await pages(reader, filter, 25, expected.length)).flat()).toEqual(expected);
    expect((await reader.all(filter)).map((r) => r.seq)).toEqual([...expected].reverse());
  });

  it.each(filters)('by %s: a gap in the middle of the log (a deleted record) is paged over', async (_name, filter) => {
    await reader.query(filter, 0, 10);
    await db.delete('records', IDBKeyRange.bound(100, 120));
    const kept = first.filter((r) => r.seq < 100 || r.seq > 120);
    const expected = naive(kept, filter).reverse().map((r) => r.seq);
    expect((await pages(reader, filter, 25, expected.length)).flat()).toEqual(expected);
    // And appends after the gap.
    await put(db, later);
    const grown = naive([...kept, ...later], filter).reverse().map((r) => r.seq);
    expect((await pages(reader, filter, 25, grown.length)).flat()).toEqual(grown);
  });

  it.each(filters)('by %s: a record deleted and others appended between two queries', async (_name, filter) => {
    const before = naive(first, filter);
    // One the filter matches, so keeping the seqs found before would show it.
    const gone = before[before.length >> 1]?.seq ?? 77;
    await reader.query(filter, 0, 10);
    await db.delete('records', gone);
    await put(db, later);
    const expected = naive([...first, ...later].filter((r) => r.seq !== gone), filter).reverse().map((r) => r.seq);
    expect((await pages(reader, filter, 25, expected.length)).flat()).toEqual(expected);
  });

  it.each(filters)('by %s: a record deleted from the middle shows on the first later page that misses it', async (_name, filter) => {
    const before = naive(first, filter).reverse().map((r) => r.seq);
    if (before.length < 40) return;
    await reader.query(filter, 0, 10);
    await reader.query(filter, 10, 10);
    await db.delete('records', before[25]!);
    const expected = before.filter((seq) => seq !== before[25]);
    const page = await reader.query(filter, 20, 10);
    expect(page.total).toBe(expected.length);
    expect(page.records.map((r) => r.seq)).toEqual(expected.slice(20, 30));
    expect((await reader.query(filter, 30, 10)).records.map((r) => r.seq)).toEqual(expected.slice(30, 40));
  });

  it('pages asked for all at once (as the table scrolls) agree with each other', async () => {
    const filter = { text: '通知 1' };
    const expected = naive(first, filter).reverse().map((r) => r.seq);
    const answers = await Promise.all([0, 10, 20, 30, 40].map((offset) => reader.query(filter, offset, 10)));
    expect(answers.every((a) => a.total === expected.length)).toBe(true);
    expect(answers.flatMap((a) => a.records.map((r) => r.seq))).toEqual(expected.slice(0, 50));
  });

  it('the same filter written differently is the same query', async () => {
    const a = await reader.query({ text: '特别', editor: '' }, 0, 100);
    const b = await reader.query({ editor: undefined, text: '特别' }, 0, 100);
    expect(b).toEqual(a);
    expect(a.total).toBe(naive(first, { text: '特别' }).length);
  });
});

describe('createAuditReader: what a page reads', () => {
  /** The database, counting the records its reads hand back. */
  function counted(db: AuditDb) {
    /** Records handed back, and counts of the whole store (Chromium walks the store to count it). */
    const reads = { records: 0, fullCounts: 0 };
    const wrap = <T extends object>(target: T, onResult?: (v: unknown) => void): T =>
      new Proxy(target, {
        get(t, prop) {
          const v = Reflect.get(t, prop, t) as unknown;
          if (typeof v !== 'function') return prop === 'store' ? wrap(v as object, onResult) : v;
          return (...args: unknown[]) => {
            const out = (v as (...a: unknown[]) => unknown).apply(t, args);
            if (prop === 'transaction') return wrap(out as object, count);
            if (prop === 'count' && args[1] === undefined && (args.length === 0 || args[0] === undefined || args[0] === 'records')) reads.fullCounts++;
            if (prop === 'getAll' || prop === 'get') return (out as Promise<unknown>).then((r) => (count(r), r));
            return out;
          };
        },
      });
    const count = (r: unknown) => {
      reads.records += Array.isArray(r) ? r.length : r === undefined ? 0 : 1;
    };
    return { db: wrap(db), reads };
  }

  it('a filtered query reads the log once; its later pages read only their rows, an append only the new ones', async () => {
    const raw = await freshDb();
    const log = records(2000);
    await put(raw, log.slice(0, 1990));
    const { db, reads } = counted(raw);
    const reader = createAuditReader(db);
    const filter = { text: '通知' };

    await reader.query(filter, 0, 20);
    expect(reads.records).toBeGreaterThanOrEqual(1990);
    // A first page counts the store; later ones carry that count forward.
    expect(reads.fullCounts).toBe(1);
    reads.fullCounts = 0;
    for (const offset of [20, 1000, 1960]) {
      reads.records = 0;
      const page = await reader.query(filter, offset, 20);
      expect(page.records.map((r) => r.seq)).toEqual(naive(log.slice(0, 1990), filter).reverse().slice(offset, offset + 20).map((r) => r.seq));
      expect(reads.records).toBe(page.records.length);
    }
    expect(reads.fullCounts).toBe(0);

    await put(raw, log.slice(1990));
    reads.records = 0;
    const scrolled = await reader.query(filter, 20, 20);
    expect(scrolled.total).toBe(2000);
    expect(reads.fullCounts).toBe(0);
    expect(reads.records).toBe(10 + 20);
    reads.records = 0;
    const page = await reader.query(filter, 0, 20);
    expect(page.total).toBe(2000);
    expect(page.records[0]!.seq).toBe(2000);
    expect(reads.records).toBe(20);

    reads.records = 0;
    await reader.query({}, 1000, 20);
    expect(reads.records).toBe(20);

    // The event index decides alone: not even the first page reads more than its rows.
    reads.records = 0;
    const allowed = await reader.query({ event: 'publish-allowed' }, 0, 20);
    expect(allowed.total).toBe(naive(log, { event: 'publish-allowed' }).length);
    expect(reads.records).toBe(20);
  });
});
