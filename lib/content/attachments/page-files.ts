/**
 * Every attachment this page has shown Precheck — chosen in a file input, dropped or pasted into an
 * editor, carried by an upload, posted with a form, linked from the draft — keyed by content (SHA-256
 * and size), scanned once in the extension's attachment scanner. The gate asks it what a file in a
 * request is; the checklist reads the linked ones. No DOM here.
 */
import type { AttachmentResult, UnreadableCause } from '../../attachments/types';
import type { FileState } from '../../gate/verdict';
import { pick } from '../../i18n';
import type { Finding, Localized } from '../../scan/types';
import { contentKey } from './file-key';

export type FileOrigin = 'input' | 'drop' | 'paste' | 'upload' | 'form' | 'link';

export type PageFileStatus = 'scanning' | AttachmentResult['status'];

export interface PageFile {
  key: string;
  /** '' when the file was too large to hash (or could not be fetched). */
  sha256: string;
  /** The name it first came with (an upload's server-side copy may be named otherwise). */
  name: string;
  size: number;
  origins: FileOrigin[];
  /** Where the draft links to it, for a linked attachment. */
  url?: string;
  status: PageFileStatus;
  /** Why it was not scanned (unreadable, unsupported, too large). */
  reason?: Localized;
  /** Encrypted or corrupt, when the reader could tell (only such a file may be confirmed unchecked). */
  cause?: UnreadableCause;
  /** Masked, each with its location in the file. */
  findings: Finding[];
}

/** Reads a file in the extension's scanner (lib/attachments/service/client.ts); never rejects. */
export type Scanner = (file: Blob, name: string) => Promise<AttachmentResult>;

export class PageFiles {
  private readonly files = new Map<string, PageFile>();
  private readonly scans = new Map<string, Promise<void>>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly scanner: Scanner) {}

  /** Hashes the file, scans it once (later calls wait for that scan), and returns its key. */
  async learn(blob: Blob, name: string, origin: FileOrigin, url?: string): Promise<string> {
    const { key, sha256 } = await contentKey(blob);
    let file = this.files.get(key);
    if (!file) {
      file = { key, sha256, name, size: blob.size, origins: [], status: 'scanning', findings: [] };
      this.files.set(key, file);
      this.scans.set(key, this.scan(file, blob));
    }
    if (!file.origins.includes(origin)) file.origins.push(origin);
    if (url && !file.url) file.url = url;
    this.changed();
    await this.scans.get(key);
    return key;
  }

  private async scan(file: PageFile, blob: Blob): Promise<void> {
    let result: AttachmentResult;
    try {
      result = await this.scanner(blob, file.name);
    } catch (e) {
      const why = e instanceof Error ? e.name : 'Error';
      result = { file: file.name, size: file.size, status: 'unreadable', reason: { zh: `附件检查出错（${why}）`, en: `the attachment check failed (${why})` }, findings: [] };
    }
    file.status = result.status;
    file.findings = result.findings;
    if (result.status !== 'scanned') {
      file.reason = result.reason;
      if (result.cause) file.cause = result.cause;
    }
    this.changed();
  }

  /** A file that could not be fetched or read at all: listed as unreadable, never as clean. */
  failed(name: string, origin: FileOrigin, url: string, reason: Localized): string {
    const key = `unfetched:${url}`;
    this.files.set(key, { key, sha256: '', name, size: 0, origins: [origin], url, status: 'unreadable', reason, findings: [] });
    this.changed();
    return key;
  }

  get(key: string): PageFile | undefined {
    return this.files.get(key);
  }

  /** What the gate may do with a file in a request (lib/gate/verdict.ts fileProblems). */
  gateState(key: string | undefined): FileState {
    const f = key === undefined ? undefined : this.files.get(key);
    if (!f || f.status === 'scanning') return { state: 'pending' };
    if (f.status !== 'scanned') return { state: 'unreadable', reason: pick(f.reason ?? { zh: '无法检查', en: 'not checked' }) };
    return f.findings.some((x) => x.severity === 'block') ? { state: 'findings', findings: f.findings } : { state: 'clean' };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
