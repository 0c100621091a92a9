/**
 * Files that wait for a reviewer (issue 12 items 3 and 5), as the checklist lists them: uploads the
 * gate refused, and files the draft links to that are too large to check. Each by its content key,
 * with its masked findings placed in the file. An upload's sign-off is for one upload: when the same
 * file is refused again (its pass spent or expired) it waits for a new one. No DOM here.
 */
import type { SignedFile } from '../../messaging/protocol';
import type { Finding, Localized } from '../../scan/types';
import type { PageFile, PageFiles } from './page-files';

export interface HeldUpload extends SignedFile {
  /** The file's block findings, masked, each with its location in the file. */
  findings: Finding[];
  /** Why it was not checked (too large: its size and the policy's limit). */
  why?: Localized;
  /** The reviewer who signed it off for one upload, while that upload has not been refused again. */
  signed?: { reviewerName: string; at: number };
  /** Linked from the draft (too large to check), not an upload. */
  linked?: boolean;
}

/** Why a refused file needs a reviewer, or null when no sign-off can let it out (unreadable, pending). */
export function holdReason(f: PageFile): SignedFile['reason'] | null {
  if (f.status === 'scanned' && f.findings.some((x) => x.severity === 'block')) return 'block';
  // Over the policy's size limit: never opened, so the reviewer confirms it unchecked.
  if (f.status === 'too-large') return 'too-large';
  return null;
}

export class HeldUploads {
  private readonly keys: string[] = [];
  private readonly signed = new Map<string, { reviewerName: string; at: number }>();
  private readonly links = new Set<string>();

  constructor(private readonly book: Pick<PageFiles, 'get'>) {}

  /** A request carrying this file was refused: true when it is now listed for a reviewer. */
  refused(key: string): boolean {
    const f = this.book.get(key);
    if (!f || !holdReason(f)) return false;
    this.signed.delete(key);
    if (!this.keys.includes(key)) this.keys.push(key);
    return true;
  }

  /** A file the draft links to is too large to check: listed for the reviewer to confirm (kept signed). */
  linked(key: string): void {
    const f = this.book.get(key);
    if (!f || holdReason(f) !== 'too-large') return;
    this.links.add(key);
    if (!this.keys.includes(key)) this.keys.push(key);
  }

  isSigned(key: string): boolean {
    return this.signed.has(key);
  }

  signedOff(key: string, by: { reviewerName: string; at: number }): void {
    if (this.keys.includes(key)) this.signed.set(key, by);
  }

  get(key: string): HeldUpload | undefined {
    return this.list().find((h) => h.key === key);
  }

  list(): HeldUpload[] {
    return this.keys.flatMap((key) => {
      const f = this.book.get(key);
      const reason = f && holdReason(f);
      if (!f || !reason) return [];
      const signed = this.signed.get(key);
      const findings = f.findings.filter((x) => x.severity === 'block');
      const linked = this.links.has(key) && { linked: true };
      return [{ name: f.name, key, sha256: f.sha256, size: f.size, reason, findings, ...(f.reason && { why: f.reason }), ...(signed && { signed }), ...linked }];
    });
  }
}
