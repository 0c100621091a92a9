/**
 * Reading the log for extension pages, fast at 100,000 records: an unfiltered page walks a cursor
 * from the newest record and reads only its own rows; filters narrow through the event, origin and
 * time indexes (keys only) and test the rest on records read in chunks, keeping only their seqs.
 */
import { readMeta, type AuditDb } from './db';
import type { AuditFilter, AuditReader, AuditRecord } from './types';

const CHUNK = 500;

/**
 * Times are stored with the recording machine's offset, so their strings sort by wall-clock time, not
 * by instant. Every offset lies within 15 hours of UTC: widened by that much, a string range on the
 * time index holds every record of an instant range, and the exact test drops the extra ones.
 */
const OFFSET_SLACK_MS = 15 * 3600_000;
const wallClock = (ms: number) => new Date(ms).toISOString().slice(0, 23);

function instant(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** What the indexes decide (candidate seqs) and what must be tested on the record itself. */
interface Plan {
  /** Ascending; undefined when no index applies (every record is a candidate). */
  candidates?: number[];
  test?: (r: AuditRecord) => boolean;
}

function recordTest(filter: AuditFilter, from: number | undefined, to: number | undefined): Plan['test'] {
  const tests: ((r: AuditRecord) => boolean)[] = [];
  if (from !== undefined) tests.push((r) => Date.parse(r.time) >= from);
  if (to !== undefined) tests.push((r) => Date.parse(r.time) <= to);
  const { editor, reviewer, category, text } = filter;
  if (editor) tests.push((r) => r.editor === editor);
  if (category) tests.push((r) => r.category === category);
  if (reviewer) tests.push((r) => r.signers?.some((s) => s.name === reviewer || s.id === reviewer) ?? false);
  if (text) {
    const needle = text.toLowerCase();
    tests.push((r) =>
      [r.title, r.url, r.editor, ...(r.signers ?? []).map((s) => s.name), ...Object.values(r.detail ?? {})].some(
        (v) => v !== undefined && String(v).toLowerCase().includes(needle),
      ),
    );
  }
  return tests.length ? (r) => tests.every((t) => t(r)) : undefined;
}

function intersect(sets: number[][]): number[] | undefined {
  if (!sets.length) return undefined;
  const [first, ...rest] = sets.sort((a, b) => a.length - b.length);
  const others = rest.map((s) => new Set(s));
  return first!.filter((seq) => others.every((s) => s.has(seq))).sort((a, b) => a - b);
}

async function plan(db: AuditDb, filter: AuditFilter): Promise<Plan> {
  const from = instant(filter.from);
  const to = instant(filter.to);
  const keys: Promise<number[]>[] = [];
  if (filter.event) keys.push(db.getAllKeysFromIndex('records', 'event', filter.event));
  if (filter.site) keys.push(db.getAllKeysFromIndex('records', 'origin', filter.site));
  if (from !== undefined || to !== undefined) {
    const lower = from === undefined ? undefined : wallClock(from - OFFSET_SLACK_MS);
    const upper = to === undefined ? undefined : wallClock(to + OFFSET_SLACK_MS) + '\uffff';
    const range =
      lower !== undefined && upper !== undefined
        ? IDBKeyRange.bound(lower, upper)
        : lower !== undefined
          ? IDBKeyRange.lowerBound(lower)
          : IDBKeyRange.upperBound(upper);
    keys.push(db.getAllKeysFromIndex('records', 'time', range));
  }
  return { candidates: intersect(await Promise.all(keys)), test: recordTest(filter, from, to) };
}

/** Visits the records with seq in [lo, hi] in append order, CHUNK at a time. */
async function scan(db: AuditDb, lo: number, hi: number, visit: (r: AuditRecord) => void): Promise<void> {
  for (let from = lo; from <= hi; ) {
    const batch = await db.getAll('records', IDBKeyRange.bound(from, hi), CHUNK);
    batch.forEach(visit);
    if (batch.length < CHUNK) return;
    from = batch[batch.length - 1]!.seq + 1;
  }
}

async function lastSeq(db: AuditDb): Promise<number> {
  const cursor = await db.transaction('records').store.openKeyCursor(null, 'prev');
  return cursor?.key ?? 0;
}

/** Every record the plan accepts, in append order, handed to `visit`. */
async function visitMatches(db: AuditDb, p: Plan, visit: (r: AuditRecord) => void): Promise<void> {
  if (p.candidates?.length === 0) return;
  const lo = p.candidates ? p.candidates[0]! : 1;
  const hi = p.candidates ? p.candidates[p.candidates.length - 1]! : await lastSeq(db);
  const inSet = p.candidates && new Set(p.candidates);
  const test = p.test;
  await scan(db, lo, hi, (r) => {
    if ((!inSet || inSet.has(r.seq)) && (!test || test(r))) visit(r);
  });
}

async function getMany(db: AuditDb, seqs: number[]): Promise<AuditRecord[]> {
  const store = db.transaction('records').store;
  const found = await Promise.all(seqs.map((s) => store.get(s)));
  // A record pruned between the two reads is simply not shown.
  return found.filter((r): r is AuditRecord => r !== undefined);
}

const isEmpty = (filter: AuditFilter) => !Object.values(filter).some((v) => v !== undefined && v !== '');

/** The newest records without a filter: skip `offset` keys from the end, read `limit` values. */
async function newestPage(db: AuditDb, offset: number, limit: number) {
  const tx = db.transaction('records');
  const total = await tx.store.count();
  const records: AuditRecord[] = [];
  let cursor = await tx.store.openCursor(null, 'prev');
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  while (cursor && records.length < limit) {
    records.push(cursor.value);
    cursor = await cursor.continue();
  }
  return { records, total };
}

export function createAuditReader(db: AuditDb): AuditReader {
  return {
    async query(filter, offset, limit) {
      offset = Math.max(0, Math.floor(offset));
      limit = Math.max(0, Math.floor(limit));
      if (isEmpty(filter)) return newestPage(db, offset, limit);
      const p = await plan(db, filter);
      let seqs = p.candidates;
      if (p.test || !seqs) {
        const matched: number[] = [];
        await visitMatches(db, p, (r) => matched.push(r.seq));
        seqs = matched;
      }
      const end = seqs.length - offset;
      const page = end > 0 ? seqs.slice(Math.max(0, end - limit), end).reverse() : [];
      return { records: await getMany(db, page), total: seqs.length };
    },
    async all(filter = {}) {
      const out: AuditRecord[] = [];
      await visitMatches(db, isEmpty(filter) ? {} : await plan(db, filter), (r) => out.push(r));
      return out;
    },
    get(seq) {
      return db.get('records', seq);
    },
    async facets() {
      const facets = await readMeta(db, 'facets');
      const sorted = (values: string[] | undefined) => [...(values ?? [])].sort((a, b) => a.localeCompare(b, 'zh-CN'));
      return {
        editors: sorted(facets?.editors),
        reviewers: sorted(facets?.reviewers),
        categories: sorted(facets?.categories),
        sites: sorted(facets?.sites),
      };
    },
  };
}
