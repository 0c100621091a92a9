/**
 * Reading the log for extension pages, fast at 100,000 records. The table asks for pages of 200 as
 * they scroll into view, so a page must cost about its own 200 rows, wherever it lies:
 *
 * - Unfiltered, the page's seqs are computed from the store's key bounds (records are keyed by seq,
 *   appended 1, 2, 3 ..., retention deletes from the oldest end) and read with one ranged getAll; a
 *   store with gaps in it pages through its keys instead.
 * - Filtered, the matching seqs are found once per filter and state of the log, narrowed through the
 *   event, origin and time indexes (keys only) and tested on records read in chunks, and kept by the
 *   reader: later pages and the total come from them, and each page reads only its own rows.
 *
 * The state of the log is its record count and first and last seq. The bounds are read with every
 * query (two key cursors, about a millisecond); the count is not: counting a whole store walks it in
 * Chromium (150 ms at 100,000 records, ten times a page's read). It is counted in full when the table
 * starts over (a first page, unless the filter's matches are about to be found afresh anyway), when the
 * bounds moved other than by an append, and for exports; otherwise the count known is carried forward
 * with a count of just the records appended. Appends since a filter's seqs were found are tested and
 * added to them; any other change (a prune, a deletion) finds them again. A record deleted from the
 * middle of the log (only tampering does that, and verify reports it) shows when a page misses it,
 * which recounts and reads the page again, or when the table starts over.
 */
import type { IDBPObjectStore } from 'idb';
import { readMeta, type AuditDb, type AuditSchema } from './db';
import type { AuditFilter, AuditReader, AuditRecord } from './types';

/**
 * Records per read while scanning or fetching by seq. Chromium hands back large getAll results slowly:
 * reading 100,000 records takes about half as long in reads of 100 as in reads of 500 (or more).
 */
const CHUNK = 100;
/** A run of wanted seqs is read as one range when the range holds at most this many records per wanted one. */
const DENSE = 3;
/** Filters whose matching seqs are kept (the current one, and a few to go back to). */
const CACHED_FILTERS = 4;

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

type Test = (r: AuditRecord) => boolean;

/** The filter's set fields in a fixed order (empty strings are no filter): equal filters, equal keys. */
function normalize(filter: AuditFilter): AuditFilter {
  const set = Object.entries(filter).filter(([, v]) => v !== undefined && v !== '');
  return Object.fromEntries(set.sort(([a], [b]) => (a < b ? -1 : 1)));
}

const isEmpty = (filter: AuditFilter) => Object.keys(filter).length === 0;

/**
 * The test a record must pass. `indexed` adds the parts an index lookup would otherwise decide (event,
 * site): needed where records are read without the index, as when testing the ones appended since.
 */
function recordTest(filter: AuditFilter, indexed: boolean): Test | undefined {
  const tests: Test[] = [];
  const from = instant(filter.from);
  const to = instant(filter.to);
  const { event, site, editor, reviewer, category, text } = filter;
  if (indexed && event) tests.push((r) => r.event === event);
  if (indexed && site) tests.push((r) => r.origin === site);
  if (from !== undefined) tests.push((r) => Date.parse(r.time) >= from);
  if (to !== undefined) tests.push((r) => Date.parse(r.time) <= to);
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

/** The seqs the indexes allow (ascending), or undefined when no index applies. */
async function candidates(db: AuditDb, filter: AuditFilter): Promise<number[] | undefined> {
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
  return intersect(await Promise.all(keys));
}

/** What the cache compares: an append, a prune or a deletion changes it. */
interface Shape {
  count: number;
  /** Lowest and highest seq stored (0 in an empty log). */
  first: number;
  last: number;
}

type RecordsStore = IDBPObjectStore<AuditSchema, ['records'], 'records', 'readonly'>;

/**
 * The log's shape now. Its bounds are read; its count is `known`'s plus the records appended since,
 * when the bounds say only appends happened and `recount` is not asked for, or counted in full.
 */
async function shapeOf(store: RecordsStore, known: Shape | undefined, recount: boolean): Promise<Shape> {
  const [firstKey, lastKey] = await Promise.all([store.openKeyCursor(null, 'next'), store.openKeyCursor(null, 'prev')]);
  const first = firstKey?.key ?? 0;
  const last = lastKey?.key ?? 0;
  if (!recount && known && known.count > 0 && first === known.first && last >= known.last) {
    const added = last === known.last ? 0 : await store.count(IDBKeyRange.bound(known.last, last, true, false));
    return { count: known.count + added, first, last };
  }
  return { count: await store.count(), first, last };
}

const sameShape = (a: Shape, b: Shape) => a.count === b.count && a.first === b.first && a.last === b.last;
/** No gaps: the k-th newest record is `last - k`. */
const contiguous = (s: Shape) => s.count > 0 && s.last - s.first + 1 === s.count;

/** Visits the records with seq in [lo, hi] in append order, CHUNK at a time. */
async function scan(db: AuditDb, lo: number, hi: number, visit: (r: AuditRecord) => void): Promise<void> {
  for (let from = lo; from <= hi; ) {
    const batch = await db.getAll('records', IDBKeyRange.bound(from, hi), CHUNK);
    batch.forEach(visit);
    if (batch.length < CHUNK) return;
    from = batch[batch.length - 1]!.seq + 1;
  }
}

/**
 * Visits the records with these seqs (ascending) in append order: a dense run is read as one range,
 * a sparse one key by key in one transaction. A seq no longer stored (pruned meanwhile) is skipped.
 */
async function readSeqs(db: AuditDb, seqs: readonly number[], visit: (r: AuditRecord) => void): Promise<void> {
  for (let i = 0; i < seqs.length; i += CHUNK) {
    const part = seqs.slice(i, i + CHUNK);
    const lo = part[0]!;
    const hi = part[part.length - 1]!;
    const span = hi - lo + 1;
    if (span <= DENSE * part.length) {
      const wanted = span === part.length ? undefined : new Set(part);
      for (const r of await db.getAll('records', IDBKeyRange.bound(lo, hi))) if (!wanted || wanted.has(r.seq)) visit(r);
    } else {
      const store = db.transaction('records').store;
      for (const r of await Promise.all(part.map((seq) => store.get(seq)))) if (r) visit(r);
    }
  }
}

/**
 * Visits every record of the log as it was at `shape` that matches a (normalized, non-empty) filter,
 * in append order. When the indexes alone decide (event, site), no record is read: the seqs they
 * allow are returned instead, unvisited, for the caller to read or not.
 */
async function visitMatches(db: AuditDb, filter: AuditFilter, shape: Shape, visit: (r: AuditRecord) => void): Promise<number[] | undefined> {
  if (shape.count === 0) return undefined;
  // Seqs appended after the shape was read are left out: the next query tests them as an append.
  const allowed = (await candidates(db, filter))?.filter((seq) => seq >= shape.first && seq <= shape.last);
  const test = recordTest(filter, false);
  if (allowed && !test) return allowed;
  const tested = (r: AuditRecord) => {
    if (!test || test(r)) visit(r);
  };
  if (allowed) await readSeqs(db, allowed, tested);
  else await scan(db, shape.first, shape.last, tested);
  return undefined;
}

async function matchingSeqs(db: AuditDb, filter: AuditFilter, shape: Shape): Promise<number[]> {
  const seqs: number[] = [];
  return (await visitMatches(db, filter, shape, (r) => seqs.push(r.seq))) ?? seqs;
}

async function matchingRecords(db: AuditDb, filter: AuditFilter, shape: Shape): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  const decided = await visitMatches(db, filter, shape, (r) => records.push(r));
  if (decided) await readSeqs(db, decided, (r) => records.push(r));
  return records;
}

/** Every seq stored within the shape's bounds, ascending. */
const allKeys = (db: AuditDb, lo: number, hi: number, open = false) =>
  hi < lo ? Promise.resolve([]) : db.getAllKeys('records', IDBKeyRange.bound(lo, hi, open, false));

/**
 * Reads the records with these seqs (newest first in `seqs`, as a page is): ascending for readSeqs,
 * then turned around.
 */
async function page(db: AuditDb, newestFirst: number[]): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  await readSeqs(db, newestFirst.reverse(), (r) => out.push(r));
  return out.reverse();
}

/** The page of a newest-first view over `seqs` (ascending), newest first. */
function slicePage(seqs: readonly number[], offset: number, limit: number): number[] {
  const end = seqs.length - offset;
  return end > 0 && limit > 0 ? seqs.slice(Math.max(0, end - limit), end).reverse() : [];
}

interface Entry {
  shape: Shape;
  /** Matching seqs, ascending; shared by the queries that arrive while they are being found. */
  seqs: Promise<number[]>;
}

/** Pages of the log for the audit table: by key for the plain view, from cached matches for a filter. */
class IdbAuditReader implements AuditReader {
  /** By normalized filter (JSON), least recently used first. */
  private readonly cache = new Map<string, Entry>();
  /** The shape last read. */
  private known: Shape | undefined;

  constructor(private readonly db: AuditDb) {}

  private async readShape(store: RecordsStore, recount: boolean): Promise<Shape> {
    const shape = await shapeOf(store, this.known, recount);
    this.known = shape;
    return shape;
  }

  /**
   * One page at `shape`, read with a full count when `recount`; undefined when the page came back
   * short of the records the shape promised (one was deleted from the middle of the log).
   */
  private async queryAt(filter: AuditFilter, offset: number, limit: number, recount: boolean): Promise<{ records: AuditRecord[]; total: number } | undefined> {
    const tx = this.db.transaction('records');
    const shape = await this.readShape(tx.store, recount);
    let answer: { records: AuditRecord[]; total: number };
    let asked: number;
    if (isEmpty(filter) && (offset >= shape.count || limit === 0)) return { records: [], total: shape.count };
    if (isEmpty(filter) && contiguous(shape)) {
      // The page's seqs follow from the bounds: one ranged read, in the same transaction.
      const hi = shape.last - offset;
      const lo = Math.max(shape.first, hi - limit + 1);
      answer = { records: (await tx.store.getAll(IDBKeyRange.bound(lo, hi))).reverse(), total: shape.count };
      asked = hi - lo + 1;
    } else {
      const seqs = await this.matching(JSON.stringify(filter), filter, shape);
      const wanted = slicePage(seqs, offset, limit);
      asked = wanted.length;
      answer = { records: await page(this.db, wanted), total: seqs.length };
    }
    return answer.records.length < asked && !recount ? undefined : answer;
  }

  private remember(key: string, entry: Entry): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > CACHED_FILTERS) this.cache.delete(this.cache.keys().next().value!);
  }

  /** The matching seqs for the log at `shape`, from the cache when it still holds them. */
  private matching(key: string, filter: AuditFilter, shape: Shape): Promise<number[]> {
    const cache = this.cache;
    const hit = cache.get(key);
    cache.delete(key);
    if (hit && sameShape(hit.shape, shape)) {
      cache.set(key, hit);
      return hit.seqs;
    }
    const entry: Entry = { shape, seqs: hit ? this.extend(filter, hit, shape) : this.find(filter, shape) };
    this.remember(key, entry);
    entry.seqs.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return entry.seqs;
  }

  private find(filter: AuditFilter, shape: Shape): Promise<number[]> {
    return isEmpty(filter) ? allKeys(this.db, shape.first, shape.last) : matchingSeqs(this.db, filter, shape);
  }

  /**
   * The seqs found for an earlier state of the log, brought up to `shape`: when records were only
   * appended since (same first seq, and every record added lies above the old last one), only those
   * are tested; otherwise the search starts over.
   */
  private async extend(filter: AuditFilter, prev: Entry, shape: Shape): Promise<number[]> {
    const db = this.db;
    const old = await prev.seqs.catch(() => undefined);
    const was = prev.shape;
    if (old && was.count > 0 && shape.first === was.first && shape.last > was.last) {
      const added = await db.count('records', IDBKeyRange.bound(was.last, shape.last, true, false));
      if (was.count + added === shape.count) {
        if (isEmpty(filter)) return old.concat(await allKeys(db, was.last, shape.last, true));
        const test = recordTest(filter, true);
        const more: number[] = [];
        await scan(db, was.last + 1, shape.last, (r) => {
          if (!test || test(r)) more.push(r.seq);
        });
        return old.concat(more);
      }
    }
    return this.find(filter, shape);
  }

  async query(filter: AuditFilter, offset: number, limit: number): ReturnType<AuditReader['query']> {
    offset = Math.max(0, Math.floor(offset));
    limit = Math.max(0, Math.floor(limit));
    filter = normalize(filter);
    // A first page starts the table over: the log is counted in full, not carried forward, unless
    // the filter's matches are about to be found afresh anyway (exact without it).
    const recount = offset === 0 && (isEmpty(filter) || this.cache.has(JSON.stringify(filter)));
    return (await this.queryAt(filter, offset, limit, recount)) ?? (await this.queryAt(filter, offset, limit, true))!;
  }

  async all(filter: AuditFilter = {}): ReturnType<AuditReader['all']> {
    const db = this.db;
    filter = normalize(filter);
    const shape = await this.readShape(db.transaction('records').store, true);
    const key = JSON.stringify(filter);
    const hit = this.cache.get(key);
    const out: AuditRecord[] = [];
    if (hit && sameShape(hit.shape, shape)) {
      await readSeqs(db, await hit.seqs, (r) => out.push(r));
      return out;
    }
    if (isEmpty(filter)) {
      await scan(db, shape.first, shape.last, (r) => out.push(r));
      return out;
    }
    const records = await matchingRecords(db, filter, shape);
    // The export usually follows a look at the same filter; if not, the table may ask next.
    this.remember(key, { shape, seqs: Promise.resolve(records.map((r) => r.seq)) });
    return records;
  }

  get(seq: number): ReturnType<AuditReader['get']> {
    return this.db.get('records', seq);
  }

  async facets(): ReturnType<AuditReader['facets']> {
    const facets = await readMeta(this.db, 'facets');
    const sorted = (values: string[] | undefined) => [...(values ?? [])].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    return {
      editors: sorted(facets?.editors),
      reviewers: sorted(facets?.reviewers),
      categories: sorted(facets?.categories),
      sites: sorted(facets?.sites),
    };
  }
}

export function createAuditReader(db: AuditDb): AuditReader {
  return new IdbAuditReader(db);
}
