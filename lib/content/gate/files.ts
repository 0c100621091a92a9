/**
 * What the gate knows about the files a request carries: the page's file book (PageFiles), looked
 * up by content key. A file the isolated world has not read yet is pending; one nobody can read is
 * refused unless a reviewer signed off on it — never passed as clean. Images, audio, video and fonts
 * carry no text Precheck reads and pass.
 */
import { ATTACHMENT_EXTENSIONS, extensionOf } from '../../attachments/extensions';
import { isMediaFile } from '../../gate/files';
import type { FileRef } from '../../gate/types';
import type { FileState } from '../../gate/verdict';
import type { FileOrigin, PageFiles } from '../attachments/page-files';

const TEXT_FILE = /\.(txt|csv|tsv|json|md|html?|xml)$/i;

export function isTextFile(ref: Pick<FileRef, 'filename' | 'type'>): boolean {
  return /^text\/|json|xml|csv/i.test(ref.type) || TEXT_FILE.test(ref.filename);
}

/** Text the attachment readers do not take (JSON, HTML, XML, Markdown): scanned in the page as text. */
export function scannedAsText(name: string, type: string): boolean {
  return isTextFile({ filename: name, type }) && !ATTACHMENT_EXTENSIONS.includes(extensionOf(name));
}

/** A file the gate skips: nothing in it, or a picture, a sound, a film, a font. */
export function unreadFile(ref: Pick<FileRef, 'filename' | 'type' | 'size'>): boolean {
  return ref.size === 0 || isMediaFile(ref.type, ref.filename);
}

export class FileVerdicts {
  constructor(readonly book: PageFiles) {}

  state(ref: FileRef): FileState {
    if (unreadFile(ref)) return { state: 'clean' };
    return this.book.gateState(ref.key);
  }

  /** Reads and scans a file's bytes; the ref comes back with its content key. */
  async learn(ref: FileRef, blob: Blob, origin: FileOrigin = 'upload'): Promise<FileRef> {
    if (unreadFile(ref)) return ref;
    return { ...ref, key: await this.book.learn(blob, ref.filename || 'blob', origin) };
  }
}

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
