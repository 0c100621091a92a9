/**
 * The background's audit log: every record is masked, chained and stored here, queued for the
 * central collector when one is configured, and the log's own housekeeping (verify, export, retention,
 * the post-publication check) is recorded in the log as well.
 */
import type { AppendResult, PostPublishResult, PublishedPage } from '../messaging/protocol';
import { isRecord } from '../policy/fields';
import type { Policy } from '../policy/schema';
import { createCollector, type Collector, type Outbox } from './collector';
import { installationId, type AuditDb } from './db';
import { maskEntry, maskText } from './mask';
import { policyVersion } from './policy-version';
import { createAuditLog, type AppendOutcome, type AuditLog } from './store';
import type { AuditEntry, AuditEvent, VerifyResult } from './types';

export interface AuditServiceOptions {
  db: AuditDb;
  policy(): Policy;
  fetch: typeof fetch;
  now(): Date;
  /** Defaults to setTimeout; tests pass a fast one. */
  setTimer?: (run: () => void, ms: number) => void;
}

export interface ExportReport {
  format: 'csv' | 'jsonl' | 'form';
  count: number;
  throughSeq: number;
}

export interface AuditService {
  append(entry: AuditEntry): Promise<AppendOutcome>;
  /** What a content script may record about its own page; anything else is refused. */
  recordFromPage(entry: unknown): Promise<AppendResult>;
  /** Checks the chain and records that it was checked, with the result. */
  verify(): Promise<VerifyResult>;
  exported(req: ExportReport): Promise<AppendResult>;
  /** Of a page's title candidates, the first that names a published item (as given), if any. */
  publishedTitle(candidates: readonly string[]): Promise<string | undefined>;
  postPublishCheck(req: PublishedPage): Promise<PostPublishResult>;
  policyChanged(by: string, version: string): Promise<AppendResult>;
  /** Deletes what retention allows (exported and older than audit.retentionDays); how many. */
  retention(): Promise<number>;
  /** After the service worker (re)starts: send what waits in the outbox, apply retention. */
  start(): Promise<void>;
}

const PAGE_EVENTS: ReadonlySet<AuditEvent> = new Set(['publish-blocked', 'publish-outcome', 'post-publish-check']);

function refused(zh: string, en: string): AppendResult {
  return { ok: false, message: { zh, en } };
}

function idbOutbox(db: AuditDb): Outbox {
  return {
    take: (n) => db.getAllFromIndex('outbox', 'seq', null, n),
    async remove(ids) {
      const tx = db.transaction('outbox', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
  };
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

class BackgroundAudit implements AuditService {
  private readonly log: AuditLog;
  private readonly collector: Collector;

  constructor(private readonly options: AuditServiceOptions) {
    this.log = createAuditLog(options.db, {
      now: () => options.now(),
      policyVersion: () => policyVersion(options.policy()),
      collect: () => Boolean(this.collectorUrl()),
    });
    this.collector = createCollector({
      url: () => this.collectorUrl(),
      token: () => options.policy().audit.collectorToken,
      installation: () => installationId(options.db),
      fetch: options.fetch,
      outbox: idbOutbox(options.db),
      setTimer: options.setTimer ?? ((run, ms) => void setTimeout(run, ms)),
    });
  }

  private collectorUrl() {
    return this.options.policy().audit.collectorUrl;
  }

  async append(entry: AuditEntry): Promise<AppendOutcome> {
    const result = await this.log.append(maskEntry(entry));
    // Sending runs on its own: the append never waits for the network.
    if (result.ok && this.collectorUrl()) this.collector.wake();
    return result;
  }

  recordFromPage(entry: unknown): Promise<AppendResult> {
    if (!isRecord(entry) || !PAGE_EVENTS.has(entry.event as AuditEvent)) {
      return Promise.resolve(refused('页面只能记录发布被阻止、发布结果和发布后核对。', 'A page may only record a blocked publish, a publish outcome or a post-publication check.'));
    }
    return this.append(entry as unknown as AuditEntry);
  }

  async verify(): Promise<VerifyResult> {
    const result = await this.log.verify();
    await this.append({
      event: 'log-verified',
      detail: result.ok ? { ok: true, count: result.count } : { ok: false, count: result.count, firstBadSeq: result.firstBadSeq, problem: result.problem },
    });
    return result;
  }

  async exported(req: ExportReport): Promise<AppendResult> {
    if (!isRecord(req) || !['csv', 'jsonl', 'form'].includes(req.format) || !Number.isFinite(req.count) || !Number.isFinite(req.throughSeq)) {
      return refused('导出报告无效。', 'The export report is not valid.');
    }
    // A printed review form is one item, not the log; a filtered export leaves records out (the
    // log checks the count): only a whole export up to throughSeq lets retention delete.
    if (req.format !== 'form' && (await this.log.markExported(req.throughSeq, req.count))) {
      // Before the record of it: when storage is full, the export is what makes room. A failed
      // retention pass deletes nothing and is tried again on the next start.
      await this.retention().catch(() => 0);
    }
    return this.append({ event: 'log-exported', detail: { format: req.format, count: req.count, throughSeq: req.throughSeq } });
  }

  async publishedTitle(candidates: readonly string[]): Promise<string | undefined> {
    for (const candidate of candidates) {
      // Stored titles are masked: the page's title is masked the same way to find its record.
      if (candidate.trim() && (await this.log.findPublished(maskText(candidate)))) return candidate;
    }
    return undefined;
  }

  async postPublishCheck(req: PublishedPage): Promise<PostPublishResult> {
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 20) : []);
    const title = await this.publishedTitle(strings(req.titles));
    const published = title === undefined ? undefined : await this.log.findPublished(maskText(title));
    if (!published) return { found: false };
    const digests = strings(req.bodyDigests);
    const result = published.bodyDigest !== undefined && digests.includes(published.bodyDigest) ? 'matches' : 'differs';
    const url = String(req.url ?? '');
    await this.append({
      event: 'post-publish-check',
      origin: originOf(url),
      url,
      title: published.title,
      bodyDigest: result === 'matches' ? published.bodyDigest : digests[0],
      detail: { result, publishedSeq: published.seq },
    });
    return { found: true, result, recordSeq: published.seq, title: published.title ?? '', publishedAt: published.time };
  }

  async policyChanged(by: string, version: string): Promise<AppendResult> {
    // The worker re-reads the policy at every start: only a version not yet recorded is a change.
    const last = await this.options.db.transaction('records').store.index('event').openCursor(IDBKeyRange.only('policy-changed'), 'prev');
    if (last?.value.detail?.version === version) return { ok: true, seq: last.value.seq, id: last.value.id };
    return this.append({ event: 'policy-changed', editor: by, detail: { version } });
  }

  retention(): Promise<number> {
    return this.log.prune(this.options.policy().audit.retentionDays);
  }

  async start(): Promise<void> {
    this.collector.wake();
    await this.retention();
  }
}

export function createAuditService(options: AuditServiceOptions): AuditService {
  return new BackgroundAudit(options);
}
