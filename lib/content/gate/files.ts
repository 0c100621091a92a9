/**
 * What the gate knows about the files a request carries: the page's file book (PageFiles), looked
 * up by content key. A file the isolated world has not read yet is pending; one nobody can read is
 * refused unless a reviewer signed off on it — never passed as clean. Images, audio, video and fonts
 * carry no text Precheck reads and pass.
 */
import { ATTACHMENT_EXTENSIONS, extensionOf } from '../../attachments/extensions';
import { isMediaFile } from '../../gate/files';
import type { FileRef, Outgoing } from '../../gate/types';
import type { FileState } from '../../gate/verdict';
import { FilePasses } from '../attachments/file-passes';
import { holdReason } from '../attachments/held-uploads';
import type { FileOrigin, PageFiles } from '../attachments/page-files';
import { SentPictures } from './sent-pictures';

const TEXT_FILE = /\.(txt|csv|tsv|json|md|html?|xml)$/i;

export function isTextFile(ref: Pick<FileRef, 'filename' | 'type'>): boolean {
  return /^text\/|json|xml|csv/i.test(ref.type) || TEXT_FILE.test(ref.filename);
}

/** Text the attachment readers do not take (JSON, HTML, XML, Markdown): scanned in the page as text. */
export function scannedAsText(name: string, type: string): boolean {
  return isTextFile({ filename: name, type }) && !ATTACHMENT_EXTENSIONS.includes(extensionOf(name));
}

/** A piece of a chunked upload before its last: the upload is not over with it. */
const notLastPiece = (ref: FileRef) => ref.piece !== undefined && ref.piece.end < ref.piece.size;

/**
 * The content keys of the files a request carries (read by this world; others have none) that a
 * signed file's pass is spent on: a chunked upload spends it with its last piece, so one sign-off
 * lets the whole file out once.
 */
export function fileKeysOf(o: Outgoing): string[] {
  if (o.body.kind !== 'entries') return [];
  return o.body.entries.flatMap(([, v]) => (typeof v !== 'string' && v.key !== undefined && !notLastPiece(v) ? [v.key] : []));
}

export class FileVerdicts {
  constructor(
    readonly book: PageFiles,
    /** Files a reviewer signed off: each passes once (lib/content/attachments/file-passes.ts). */
    readonly passes: FilePasses = new FilePasses(),
    readonly pictures: SentPictures = new SentPictures(),
  ) {}

  /**
   * `spent`: passes this very request already spent (form.submit() judged by the guard, then its
   * navigation): the same request, not a second upload.
   */
  state(ref: FileRef, spent: ReadonlySet<string> = new Set(), usePasses = true): FileState {
    if (ref.size === 0 || this.pictures.has(ref.key)) return { state: 'clean' };
    // Never read: a sync request's part that says it is a picture is taken at its word.
    if (ref.key === undefined && ref.syncPicture && isMediaFile(ref.type, ref.filename)) return { state: 'clean' };
    const s = this.book.gateState(ref.key);
    // A block finding, or not checkable in a way a reviewer can confirm (too large, encrypted, corrupt).
    const file = this.book.get(ref.key ?? '');
    const signable = s.state === 'findings' || (s.state === 'unreadable' && !!file && holdReason(file) !== null);
    // Signed off by a reviewer: it leaves as they saw it (its findings no longer hold it back).
    if (signable && usePasses && (this.passes.has(ref.key) || spent.has(ref.key ?? ''))) return { state: 'clean' };
    return s;
  }

  /** The request passed: the passes of the signed files it carried are spent; their keys. */
  spend(o: Outgoing): string[] {
    return this.passes.spend(fileKeysOf(o));
  }

  /**
   * Reads a file: the ref comes back with the key it is judged by — a picture's own when its first
   * bytes are one (whatever its name and type say: an SVG is text), else the content key of the
   * bytes, scanned.
   */
  async learn(ref: FileRef, blob: Blob, origin: FileOrigin = 'upload'): Promise<FileRef> {
    if (ref.size === 0) return ref;
    return { ...ref, key: (await this.keyFor(blob, ref.filename || 'blob', origin)) ?? undefined };
  }

  /** The key a file is judged by (see learn()); null for an empty one. */
  async keyFor(blob: Blob, name: string, origin: FileOrigin): Promise<string | null> {
    if (blob.size === 0) return null;
    if (await this.pictures.isPicture(blob)) return this.pictures.keyOf(blob)!;
    return this.book.learn(blob, name, origin);
  }

  private readonly wholes = new Map<string, Promise<FileRef>>();

  /**
   * The whole a chunked upload's pieces are cut from, read and hashed once for all of them: `name` is
   * the one the MAIN world gave it (lib/intercept/main/hooks/blobs.ts), never the page's.
   */
  learnWhole(name: string | undefined, ref: FileRef, blob: Blob): Promise<FileRef> {
    if (name === undefined) return this.learn(ref, blob);
    let read = this.wholes.get(name);
    if (!read) {
      read = this.learn(ref, blob);
      this.wholes.set(name, read);
      // A failed read is tried again by the next piece; only the latest wholes are kept.
      read.catch(() => this.wholes.delete(name));
      if (this.wholes.size > MAX_WHOLES) this.wholes.delete(this.wholes.keys().next().value!);
    }
    return read;
  }
}

const MAX_WHOLES = 32;

const DOCUMENT_TYPE = /pdf|msword|ms-excel|ms-works|officedocument|opendocument|wps|zip|octet-stream/i;
const SNIFF_BYTES = 8192;

/**
 * A Blob sent as the whole body is a document (judged as a file) when its name or type says so, or
 * when its first bytes are not text (a raw PUT of a spreadsheet, a chunk of one); otherwise it is the
 * request's text.
 */
export async function isDocumentBody(blob: Blob, ref: Pick<FileRef, 'filename' | 'type'>): Promise<boolean> {
  const ext = extensionOf(ref.filename);
  if (ext !== '' && ATTACHMENT_EXTENSIONS.includes(ext) && ext !== 'txt' && ext !== 'csv') return true;
  if (DOCUMENT_TYPE.test(ref.type)) return true;
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  return head.includes(0) || (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46);
}
