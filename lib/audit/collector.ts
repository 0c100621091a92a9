/**
 * The optional central collector (policy.audit.collectorUrl): audit records, and nothing else, are
 * POSTed in batches as JSON `{ installation, records: [...] }` with the unit's token (policy
 * audit.collectorToken) as `Authorization: Bearer`; `installation` names this browser's log, whose
 * chain the collector checks apart from every other browser's. The records wait in the outbox store (written in the
 * append's own transaction) until the collector answers 2xx, so nothing is lost offline or when the
 * service worker stops; failures retry with exponential backoff. A batch whose answer was lost is sent
 * again: the receiver deduplicates by record id (each record's `id`, and the batch's Idempotency-Key).
 */
import { sha256Hex } from './sha256';
import type { AuditRecord } from './types';

export interface Outbox {
  /** The oldest `n` records waiting, in append order. */
  take(n: number): Promise<AuditRecord[]>;
  remove(ids: string[]): Promise<void>;
}

export interface CollectorOptions {
  url(): string | undefined;
  token(): string | undefined;
  /** This browser's installation id (lib/audit/db.ts). */
  installation(): Promise<string>;
  fetch: typeof fetch;
  outbox: Outbox;
  setTimer(run: () => void, ms: number): void;
}

export interface Collector {
  /** Records were queued: send them now, unless a retry is already waiting for its time. */
  wake(): void;
  /** Sends until the outbox is empty (true) or a send fails (false, and a retry is scheduled). */
  flush(): Promise<boolean>;
}

export const BATCH = 200;
export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 600_000;
/** A request that hangs must not hold the queue forever. */
const REQUEST_TIMEOUT_MS = 30_000;

export function createCollector(options: CollectorOptions): Collector {
  let running: Promise<boolean> | undefined;
  let again = false;
  let retryWaiting = false;
  let backoff = 0;

  async function sendAll(url: string): Promise<void> {
    const installation = await options.installation();
    for (let batch = await options.outbox.take(BATCH); batch.length; batch = await options.outbox.take(BATCH)) {
      const ids = batch.map((r) => r.id);
      const token = options.token();
      const res = await options.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'Idempotency-Key': sha256Hex(ids.join('\n')),
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ installation, records: batch }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      await options.outbox.remove(ids);
      // The collector answers again: a later failure starts its backoff afresh.
      backoff = 0;
    }
  }

  function retryLater() {
    if (retryWaiting) return;
    backoff = backoff ? Math.min(backoff * 2, MAX_RETRY_MS) : FIRST_RETRY_MS;
    retryWaiting = true;
    options.setTimer(() => {
      retryWaiting = false;
      void flush();
    }, backoff);
  }

  async function attempt(): Promise<boolean> {
    const url = options.url();
    // No collector configured: the records stay queued for when one is.
    if (!url) return true;
    try {
      await sendAll(url);
      return true;
    } catch {
      retryLater();
      return false;
    }
  }

  function flush(): Promise<boolean> {
    if (running) {
      // A record queued after the running pass last looked: one more pass picks it up.
      again = true;
      return running;
    }
    running = (async () => {
      let ok: boolean;
      do {
        again = false;
        ok = await attempt();
      } while (ok && again);
      return ok;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    wake() {
      if (!retryWaiting) void flush();
    },
    flush,
  };
}
