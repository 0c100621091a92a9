import { bytesOf } from './base64-text';
import { isDocumentBytes } from './files';

/**
 * A document sent inside a request's text: a data: URL or a long base64 value (an uploader that
 * reads the file with FileReader and posts it in JSON or a form field). Read as text it is letters;
 * the 低保名单's cells are in the decoded workbook. Such a value is judged as the file it decodes to.
 */

/** An empty .docx is some 5,000 base64 characters: shorter values are tokens and hashes. */
const MIN_PAYLOAD = 512;
const DATA_URL = /^data:([^;,]*)(?:;[^;,]*)*;base64,/i;
const PAYLOAD = /^[A-Za-z0-9+/\s]+={0,2}$|^[A-Za-z0-9_\-\s]+={0,2}$/;
/** Enough characters for the first KB, where a PDF's header may stand. */
const HEAD_CHARS = 1368;

export interface EmbeddedDocument {
  /** The base64 as written (the lookup key of its content key). */
  payload: string;
  /** The data: URL's type, or ''. */
  type: string;
  size: number;
}

/** Either alphabet, MIME line breaks and padding allowed. */
function decode(base64: string): Uint8Array<ArrayBuffer> | null {
  const body = base64.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  return body.length % 4 === 1 ? null : bytesOf(body);
}

/** The document a value carries as base64, or null; only its head is decoded to tell. */
export function embeddedDocument(value: string): EmbeddedDocument | null {
  if (value.length < MIN_PAYLOAD) return null;
  const dataUrl = DATA_URL.exec(value.slice(0, 256));
  const payload = dataUrl ? value.slice(dataUrl[0].length) : value.trim();
  if (payload.length < MIN_PAYLOAD || !PAYLOAD.test(payload.slice(0, HEAD_CHARS))) return null;
  const head = decode(payload.slice(0, HEAD_CHARS - (Math.min(HEAD_CHARS, payload.length) % 4)));
  if (!head || !isDocumentBytes(head)) return null;
  return { payload, type: dataUrl?.[1] ?? '', size: Math.floor((payload.replace(/[\s=]/g, '').length * 3) / 4) };
}

/** The bytes of a document embeddedDocument() found (decoded whole only now). */
export function embeddedBytes(doc: EmbeddedDocument): Uint8Array<ArrayBuffer> | null {
  return decode(doc.payload);
}
