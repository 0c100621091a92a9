/**
 * Files that wait for a reviewer (issue 12 items 3–5), as the checklist lists them: uploads the gate
 * refused, and files the draft links to that hold a block finding or could not be checked (too large,
 * encrypted, corrupt). Each by its content key, with its masked findings placed in the file.
 * A sign-off is for one use: an upload's until that file is refused again (its pass spent or
 * expired), a linked file's until the publish it let through was released. No DOM here.
 */
import type { SignedFile } from '../../messaging/protocol';
import type { Finding, Localized } from '../../scan/types';
import type { PageFile, PageFiles } from './page-files';

export interface HeldUpload extends SignedFile {
  /** The file's block findings, masked, each with its location in the file. */
  findings: Finding[];
  /** Why it was not checked (too large: its size and the policy's limit; encrypted; corrupt). */
  why?: Localized;
  /** The reviewer who signed it off, while that sign-off is unspent. */
  signed?: { reviewerName: string; at: number };
}

type By = { reviewerName: string; at: number };

/**
 * Why a file needs a reviewer, or null when no sign-off can let it out: still being read, clean, a
 * link that could not be fetched, a scanner failure, an unsupported format — nobody saw its bytes.
 */
export function holdReason(f: PageFile): SignedFile['reason'] | null {
  if (f.status === 'scanned' && f.findings.some((x) => x.severity === 'block')) return 'block';
  // Never opened (over the size limit) or not openable (encrypted, corrupt): confirmed unchecked.
  if (f.status === 'too-large') return 'too-large';
  if (f.status === 'unreadable' && f.cause) return f.cause;
  return null;
}

/**
 * An upload's sign-off and a linked file's are kept apart: a file signed off for one upload is not
 * thereby signed for the publish of a draft that links it, and the other way round.
 */
export class HeldUploads {
  private readonly keys: string[] = [];
  private readonly uploadSigned = new Map<string, By>();
  private readonly linkSigned = new Map<string, By>();
  private readonly uploads = new Set<string>();
  private links = new Set<string>();

  constructor(private readonly book: Pick<PageFiles, 'get'>) {}

  /** A request carrying this file was refused: true when it is now listed for a reviewer. */
  refused(key: string): boolean {
    if (!this.needsReviewer(key)) return false;
    this.uploadSigned.delete(key);
    this.uploads.add(key);
    this.add(key);
    return true;
  }

  /**
   * The files the draft links to now (content keys): those a reviewer must sign are listed; a file no
   * longer linked (the link removed, or other bytes now at its URL) loses its sign-off.
   */
  linkedNow(keys: readonly string[]): void {
    this.links = new Set(keys.filter((k) => this.needsReviewer(k)));
    for (const k of this.linkSigned.keys()) if (!this.links.has(k)) this.linkSigned.delete(k);
    this.links.forEach((k) => this.add(k));
  }

  /** The draft's publish was released: each linked file's sign-off covered that one publish. */
  published(): void {
    this.linkSigned.clear();
  }

  /** A reviewer signed off this linked file for the draft's next publish. */
  isLinkSigned(key: string): boolean {
    return this.linkSigned.has(key);
  }

  /** The background accepted the sign-off: which use it is for (a linked file's row stands for the publish). */
  signedOff(key: string, by: By): 'link' | 'upload' | null {
    if (this.links.has(key)) {
      this.linkSigned.set(key, by);
      return 'link';
    }
    if (!this.uploads.has(key)) return null;
    this.uploadSigned.set(key, by);
    return 'upload';
  }

  get(key: string): HeldUpload | undefined {
    return this.list().find((h) => h.key === key);
  }

  list(): HeldUpload[] {
    return this.keys.flatMap((key) => {
      const f = this.book.get(key);
      const reason = f && holdReason(f);
      const linked = this.links.has(key);
      if (!f || !reason || !(linked || this.uploads.has(key))) return [];
      const signed = (linked ? this.linkSigned : this.uploadSigned).get(key);
      const findings = f.findings.filter((x) => x.severity === 'block');
      return [{ name: f.name, key, sha256: f.sha256, size: f.size, reason, findings, ...(f.reason && { why: f.reason }), ...(signed && { signed }), ...(linked && { linked }) }];
    });
  }

  private needsReviewer(key: string): boolean {
    const f = this.book.get(key);
    return !!f && holdReason(f) !== null;
  }

  private add(key: string): void {
    if (!this.keys.includes(key)) this.keys.push(key);
  }
}
