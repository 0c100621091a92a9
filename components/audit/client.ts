/**
 * What the audit pages ask of the extension. Reading goes straight to IndexedDB (an AuditReader);
 * verifying and recording an export go to the background, the log's only writer. Tests pass fakes.
 */
import type { AuditReader, VerifyResult } from '../../lib/audit/types';
import type { AppendResult } from '../../lib/messaging/protocol';

export type ExportFormat = 'csv' | 'jsonl' | 'form';

export interface AuditClient {
  verify(): Promise<VerifyResult>;
  /** Records that `count` records up to `throughSeq` left the machine (the log notes its own exports). */
  exported(req: { format: ExportFormat; count: number; throughSeq: number }): Promise<AppendResult>;
}

/** Opens the reader on first use; a page without a log (no IndexedDB) gets the error, not a crash. */
export type ReaderSource = AuditReader | (() => Promise<AuditReader>);
