/**
 * The attachment worker: parsers and the rule pack, loaded only here. One file per worker: the
 * scanner page starts a worker per file and ends it after the answer (scanner-host.ts).
 */
import { rules } from '../../../rules/index';
import { scanOptionsFromPolicy } from '../../policy/scan-options';
import { usePdfWorker } from '../readers/pdf';
import { scanAttachment } from '../scan-attachment';
import type { WorkerJob } from './scanner-host';

usePdfWorker(() => new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module' }));

/** The worker's global, typed without the webworker lib (it would clash with the DOM lib elsewhere). */
const scope = self as unknown as { onmessage: (e: MessageEvent<WorkerJob>) => void; postMessage(message: unknown): void };

scope.onmessage = (e) => {
  const { bytes, name, policy } = e.data;
  const options = scanOptionsFromPolicy(policy, rules);
  // scanAttachment never rejects: every failure is a result (unreadable, unsupported, too large).
  void scanAttachment(bytes, name, { ...options, locale: policy.locale, maxMB: policy.attachments.maxMB }).then((result) => scope.postMessage(result));
};
