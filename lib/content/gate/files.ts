/**
 * What the gate knows about the files a request carries. Text files are read and scanned here;
 * documents and spreadsheets go to the attachment scanner when one is given; a file nobody can read is
 * reported as such and refused — never passed as clean.
 */
import { isMediaFile } from '../../gate/files';
import type { FileRef } from '../../gate/types';
import type { FileState } from '../../gate/verdict';
import type { Finding } from '../../scan/types';

export type FileScanner = (file: Blob, name: string) => Promise<{ findings: Finding[] } | { unreadable: string }>;

const TEXT_FILE = /\.(txt|csv|tsv|json|md|html?|xml)$/i;

export function isTextFile(ref: Pick<FileRef, 'filename' | 'type'>): boolean {
  return /^text\/|json|xml|csv/i.test(ref.type) || TEXT_FILE.test(ref.filename);
}

const keyOf = (ref: Pick<FileRef, 'filename' | 'size' | 'type'>) => `${ref.filename}\u0000${ref.size}\u0000${ref.type}`;

export class FileVerdicts {
  private readonly known = new Map<string, FileState>();

  constructor(
    private readonly scanText: (text: string) => Finding[],
    private readonly scanner: FileScanner | null = null,
  ) {}

  state(ref: FileRef): FileState {
    if (ref.size === 0 || isMediaFile(ref.type, ref.filename)) return { state: 'clean' };
    return this.known.get(keyOf(ref)) ?? { state: 'pending' };
  }

  /** Reads or scans a file's bytes so that state() can answer for it. */
  async learn(ref: FileRef, blob: Blob): Promise<void> {
    const key = keyOf(ref);
    if (this.known.has(key) && this.known.get(key)!.state !== 'pending') return;
    this.known.set(key, await this.judgeBytes(ref, blob));
  }

  private async judgeBytes(ref: FileRef, blob: Blob): Promise<FileState> {
    try {
      if (isTextFile(ref)) return this.fromFindings(this.scanText(await blob.text()));
      if (!this.scanner) return { state: 'unreadable', reason: '尚不能检查此类附件' };
      const r = await this.scanner(blob, ref.filename);
      return 'unreadable' in r ? { state: 'unreadable', reason: r.unreadable } : this.fromFindings(r.findings);
    } catch (e) {
      return { state: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
    }
  }

  private fromFindings(findings: Finding[]): FileState {
    return findings.some((f) => f.severity === 'block') ? { state: 'findings', findings } : { state: 'clean' };
  }
}
