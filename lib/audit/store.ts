/**
 * The writing side of the audit log (the background only). Appends run one at a time; each reads the
 * chain's head, links the record and writes it in a single transaction and resolves only once that
 * transaction committed, so a record acknowledged survives the service worker being stopped right
 * after. A failed write (a full disk) leaves nothing behind and is reported, never swallowed.
 */
import type { AppendResult } from '../messaging/protocol';
import { linkRecord, verifyChain, type ChainLink } from './chain';
import { readMeta, type AuditDb, type Facets, type MetaValues } from './db';
import type { AuditEntry, AuditRecord, VerifyResult } from './types';

export { openAuditDb, type AuditDb } from './db';
export { createAuditReader } from './reader';

export type AppendOutcome = AppendResult & { record?: AuditRecord };

export interface AuditLogOptions {
  now: () => Date;
  /** The version of the policy in force, stamped on every record. */
  policyVersion: () => string;
  /** Also queue each record for the central collector, in the same transaction (none lost if stopped). */
  collect?: () => boolean;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<AppendOutcome>;
  verify(): Promise<VerifyResult>;
  /**
   * An export of `count` records, the newest `throughSeq`, was saved. Only when it held every record
   * up to there (not a filtered view) may retention delete them; returns whether that is so.
   */
  markExported(throughSeq: number, count: number): Promise<boolean>;
  /** Deletes records older than `retentionDays` that were exported; returns how many. */
  prune(retentionDays: number): Promise<number>;
  /** The latest 'publish-allowed' record with this (masked) title. */
  findPublished(title: string): Promise<AuditRecord | undefined>;
}

const CHUNK = 500;
const DAY_MS = 86_400_000;
/** A page could report made-up editors without end; the filter menus stay usable. */
const FACET_LIMIT = 1000;

const two = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 in the machine's own zone ('2025-01-02T09:30:00.000+08:00'): the time the county reads. */
export function localIso(d: Date): string {
  const off = -d.getTimezoneOffset();
  const abs = Math.abs(off);
  const zone = `${off >= 0 ? '+' : '-'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
  const ms = String(d.getMilliseconds()).padStart(3, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${ms}${zone}`;
}

function failure(error: unknown): AppendResult {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') {
    return {
      ok: false,
      message: {
        zh: '审计日志写入失败：浏览器存储空间已满，本次操作未记录。请导出审计日志后按保留期限清理，或联系信息中心。',
        en: 'The audit log could not be written: browser storage is full, so this action was not recorded. Export the log and let retention clear old records, or contact IT.',
      },
    };
  }
  const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    ok: false,
    message: { zh: `审计日志写入失败，本次操作未记录（${why}）。`, en: `The audit log could not be written, so this action was not recorded (${why}).` },
  };
}

/** The facets with this record's values added; undefined when it brings nothing new. */
function withFacets(facets: Facets | undefined, r: AuditRecord): Facets | undefined {
  const next: Facets = {
    editors: [...(facets?.editors ?? [])],
    reviewers: [...(facets?.reviewers ?? [])],
    categories: [...(facets?.categories ?? [])],
    sites: [...(facets?.sites ?? [])],
  };
  let changed = false;
  const add = (list: string[], value: string | undefined) => {
    if (value && list.length < FACET_LIMIT && !list.includes(value)) {
      list.push(value);
      changed = true;
    }
  };
  add(next.editors, r.editor);
  for (const s of r.signers ?? []) add(next.reviewers, s.name);
  add(next.categories, r.category);
  add(next.sites, r.origin);
  return changed ? next : undefined;
}

interface Abortable {
  abort(): void;
  done: Promise<void>;
}

/** Runs `work` and waits for the commit; on any error the transaction is aborted, so nothing is half-written. */
async function committed<T>(tx: Abortable, work: () => Promise<T>): Promise<T> {
  try {
    const [result] = await Promise.all([work(), tx.done]);
    return result;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failing request: nothing left to undo.
    }
    throw e;
  }
}

/** Issues the requests and waits for all of them, also when issuing one throws. */
async function issueAll(requests: (() => Promise<unknown>)[]): Promise<void> {
  const issued: Promise<unknown>[] = [];
  try {
    for (const request of requests) issued.push(request());
  } catch (e) {
    // The abort that follows rejects the requests already issued: settled here, not left unhandled.
    void Promise.allSettled(issued);
    throw e;
  }
  await Promise.all(issued);
}

/** The log in IndexedDB: each append linked to the previous record's hash, committed before it answers. */
class IdbAuditLog implements AuditLog {
  // One write at a time: each append must see the previous one's hash.
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: AuditDb,
    private readonly options: AuditLogOptions,
  ) {}

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async write(entry: AuditEntry): Promise<AuditRecord> {
    const { db, options } = this;
    const collect = options.collect?.() ?? false;
    const tx = db.transaction(collect ? ['records', 'meta', 'outbox'] : ['records', 'meta'], 'readwrite');
    return committed(tx, async () => {
      const records = tx.objectStore('records');
      const meta = tx.objectStore('meta');
      // The head, not the last record found: records deleted from the end must leave a gap that
      // verify reports, not have their numbers quietly reused.
      const [prev, facets] = await Promise.all([
        meta.get('head') as Promise<MetaValues['head'] | undefined>,
        meta.get('facets') as Promise<MetaValues['facets'] | undefined>,
      ]);
      const record = linkRecord(prev, entry, { id: crypto.randomUUID(), time: localIso(options.now()), policyVersion: options.policyVersion() });
      const head: ChainLink = { seq: record.seq, hash: record.hash };
      const nextFacets = withFacets(facets, record);
      await issueAll([
        () => records.add(record),
        () => meta.put(head, 'head'),
        ...(nextFacets ? [() => meta.put(nextFacets, 'facets')] : []),
        ...(collect ? [() => tx.objectStore('outbox').put(record)] : []),
      ]);
      return record;
    });
  }

  private async *inOrder(through: number): AsyncGenerator<AuditRecord> {
    for (let from = 1; from <= through; ) {
      const batch = await this.db.getAll('records', IDBKeyRange.bound(from, through), CHUNK);
      yield* batch;
      if (batch.length < CHUNK) return;
      from = batch[batch.length - 1]!.seq + 1;
    }
  }

  /** Deletes the oldest prunable records, at most a chunk; how many went. */
  private async pruneChunk(cutoff: number): Promise<number> {
    const tx = this.db.transaction(['records', 'meta'], 'readwrite');
    return committed(tx, async () => {
      const meta = tx.objectStore('meta');
      const records = tx.objectStore('records');
      const exportedThrough = ((await meta.get('exportedThrough')) as number | undefined) ?? 0;
      // Only an unbroken run from the start: the anchor stands in for everything before it. A cursor
      // stops at the first record to keep, which on most service-worker starts is the very first.
      let last: AuditRecord | undefined;
      let n = 0;
      for (let c = await records.openCursor(IDBKeyRange.upperBound(exportedThrough)); c && n < CHUNK; c = await c.continue()) {
        if (!(Date.parse(c.value.time) < cutoff)) break;
        last = c.value;
        n++;
      }
      if (!last) return 0;
      const anchor: ChainLink = { seq: last.seq, hash: last.hash };
      await issueAll([() => records.delete(IDBKeyRange.upperBound(anchor.seq)), () => meta.put(anchor, 'anchor')]);
      return n;
    });
  }

  /** Records `throughSeq` as exported when the export held every record up to it. */
  private async exported(throughSeq: number, count: number): Promise<boolean> {
    const tx = this.db.transaction(['records', 'meta'], 'readwrite');
    return committed(tx, async () => {
      const meta = tx.objectStore('meta');
      if (!(Number.isInteger(throughSeq) && throughSeq > 0)) return false;
      const [done, head, held] = await Promise.all([
        meta.get('exportedThrough') as Promise<number | undefined>,
        meta.get('head') as Promise<ChainLink | undefined>,
        tx.objectStore('records').count(IDBKeyRange.upperBound(throughSeq)),
      ]);
      if (count < held) return false;
      // Never beyond what exists: a record appended later was not in that export.
      const through = Math.min(throughSeq, head?.seq ?? 0);
      if (through > (done ?? 0)) await meta.put(through, 'exportedThrough');
      return true;
    });
  }

  async append(entry: AuditEntry): ReturnType<AuditLog['append']> {
    try {
      const record = await this.serial(() => this.write(entry));
      return { ok: true, seq: record.seq, id: record.id, record };
    } catch (e) {
      return failure(e);
    }
  }

  async verify(): ReturnType<AuditLog['verify']> {
    const [anchor, head] = await Promise.all([readMeta(this.db, 'anchor'), readMeta(this.db, 'head')]);
    // Up to the head read now: records appended while this runs belong to the next check.
    return verifyChain(this.inOrder(head?.seq ?? Number.MAX_SAFE_INTEGER), anchor, head);
  }

  markExported(throughSeq: number, count: number): ReturnType<AuditLog['markExported']> {
    return this.serial(() => this.exported(throughSeq, count));
  }

  prune(retentionDays: number): ReturnType<AuditLog['prune']> {
    return this.serial(async () => {
      const cutoff = this.options.now().getTime() - retentionDays * DAY_MS;
      let total = 0;
      for (let n = await this.pruneChunk(cutoff); n > 0; n = await this.pruneChunk(cutoff)) total += n;
      return total;
    });
  }

  async findPublished(title: string): ReturnType<AuditLog['findPublished']> {
    const index = this.db.transaction('records').store.index('title');
    // A title has a handful of records (blocked, signed, allowed, checked): newest first until the publication.
    for (let c = await index.openCursor(IDBKeyRange.only(title), 'prev'); c; c = await c.continue()) {
      if (c.value.event === 'publish-allowed') return c.value;
    }
    return undefined;
  }
}

export function createAuditLog(db: AuditDb, options: AuditLogOptions): AuditLog {
  return new IdbAuditLog(db, options);
}
