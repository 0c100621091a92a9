 
/**
 * What a request body holds, as data the isolated world can judge. Strings, URLSearchParams,
 * FormData text fields and byte buffers are read at once; Blobs and files travel beside the request
 * (structured clone) to be read or scanned there; a stream cannot be read without consuming it and is
 * reported as opaque (judged as unknown content, never passed unread).
 */
import { isGzip, isZlib } from '../../gate/compressed-signature';
import { mayCarryText } from '../../gate/text-shape';
import { isDocumentBytes, isMediaBytes, isMediaFile } from '../../gate/files';
import type { Entry, FileRef, RawBody } from '../../gate/types';
import { nativeBlobOf, pieceOf } from './hooks/blobs';
import { add, apply, bare, indexOf, lower, ownIterator, toText } from '../../realm/intrinsics';
import { blobFacts, byteCount, bytesChunk, bytesView, copyBytes, documentMarkup, formDataEntries, headerEntries, isReadableStream, paramsText } from './natives';

type PageWindow = Window & typeof globalThis;

export interface Serialized {
  body: RawBody;
  blobs: Blob[];
}

const decoder = new TextDecoder('utf-8', { fatal: false });
const strict = new TextDecoder('utf-8', { fatal: true });
// eslint-disable-next-line @typescript-eslint/unbound-method -- applied to the decoders above
const decodeBytes = TextDecoder.prototype.decode;
const defineProperty = Reflect.defineProperty;
/** The decoder's reading of bytes, through decode as it was (a page's could say the bytes hold nothing). */
const decodeWith = (d: TextDecoder, bytes: Uint8Array): string => apply(decodeBytes, d, [bytes]);
// Taken at document_start: a page that replaced them later could make compressed bytes read as nothing.
const btoa0 = globalThis.btoa;
const fromCharCode = String.fromCharCode;

/** Larger bytes that are no text are read as UTF-8 only (a 50 MB binary is not copied again as base64). */
const MAX_BYTES_READ = 32 * 1024 * 1024;

/** base64 of bytes, with the functions taken at document_start. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  const n = byteCount(bytes);
  for (let i = 0; i < n; i += 0x8000) {
    const chunk = bytesChunk(bytes, i, i + 0x8000 < n ? i + 0x8000 : n);
    // its own length: apply reads an array-like's length, which on a typed array is a getter the page can replace
    defineProperty(chunk, 'length', { value: byteCount(chunk) });
    binary += apply(fromCharCode, String, chunk);
  }
  return btoa0(binary);
}

/**
 * A byte body as text: UTF-8 text as it stands, decoded once; other bytes by their lossy UTF-8
 * reading, with the bytes beside it as base64 for the isolated world to read what they hold
 * (lib/gate/binary-text.ts: compressed, UTF-16).
 */
function bytesBody(bytes: Uint8Array, contentType: string | undefined): RawBody {
  let text: string | null = null;
  try {
    text = decodeWith(strict, bytes);
  } catch {
    // Not UTF-8.
  }
  if (text !== null && indexOf(text, '\u0000') < 0) return { kind: 'text', text, contentType };
  if (byteCount(bytes) <= MAX_BYTES_READ) return { kind: 'text', text: text ?? decodeWith(decoder, bytes), contentType, bytes: base64(bytes) };
  // Too large to be handed over and inflated: compressed text is unread text, refused as such.
  if (isGzip(bytes) || isZlib(bytes)) return { kind: 'opaque', what: `compressed body over ${MAX_BYTES_READ / 1024 / 1024} MB` };
  return { kind: 'text', text: text ?? decodeWith(decoder, bytes), contentType };
}

export function serializeBody(win: PageWindow, body: unknown, contentType?: string): Serialized {
  const blobs: Blob[] = [];
  if (body === null || body === undefined) return { body: { kind: 'none' }, blobs };
  if (typeof body === 'string') return { body: { kind: 'text', text: body, contentType }, blobs };
  const params = paramsText(body);
  if (params !== undefined) return { body: { kind: 'text', text: params, contentType: 'application/x-www-form-urlencoded' }, blobs };
  const form = formDataEntries(body);
  if (form) {
    const entries: Entry[] = [];
    // index loops and add(): a page can replace an array iterator's next and Array.prototype.push (./intrinsics.ts)
    for (let i = 0; i < form.length; i++) {
      const name = form[i]![0];
      const value = form[i]![1];
      const file = typeof value === 'string' ? undefined : blobFacts(value);
      add(entries, file ? [name, fileEntry({ name, filename: file.name ?? '', type: file.type, size: file.size }, value as Blob, blobs)] : [name, toText(value)]);
    }
    return { body: { kind: 'entries', entries, contentType: 'multipart/form-data' }, blobs };
  }
  const blob = blobFacts(body);
  if (blob) {
    if (blob.size === 0) return { body: { kind: 'none' }, blobs };
    const ref = { name: '(blob)', filename: blob.name ?? '', type: blob.type || contentType || '', size: blob.size };
    return { body: { kind: 'entries', entries: [['(blob)', fileEntry(ref, body as Blob, blobs)]] }, blobs };
  }
  const bytes = bytesView(body);
  if (bytes) {
    if (!isDocumentBytes(bytes)) return { body: bytesBody(bytes, contentType), blobs };
    // A workbook or PDF sent as raw bytes: judged as the file it is (a copy: the page keeps its buffer).
    const file = new (nativeBlobOf(win))(ownIterator<BlobPart>([copyBytes(bytes)]), bare({ type: contentType ?? '' }));
    return { body: { kind: 'entries', entries: [['(blob)', fileEntry({ name: '(blob)', filename: '', type: contentType ?? '', size: byteCount(bytes) }, file, blobs)]] }, blobs };
  }
  if (isReadableStream(body)) return { body: { kind: 'opaque', what: 'ReadableStream' }, blobs };
  const markup = documentMarkup(body);
  if (markup !== undefined) return { body: { kind: 'text', text: markup, contentType: 'text/html' }, blobs };
  // fetch and XHR send anything else as its string form.
  return { body: { kind: 'text', text: toText(body), contentType }, blobs };
}

/**
 * A file or Blob part as a reference, its bytes sent beside the request. A piece cut by `slice()`
 * travels with the whole it was cut from, which is what is judged. An empty file is not read; a file
 * that says it is a picture goes too: its first bytes decide (lib/gate/files.ts isMediaBytes).
 */
function fileEntry(ref: FileRef, blob: Blob, blobs: Blob[]): FileRef {
  const cut = pieceOf(blob);
  const whole = cut && (cut.whole as File);
  const piece = whole && { start: cut.start, end: cut.end, size: whole.size, filename: whole.name ?? '', type: whole.type, wholeName: cut.name };
  if (ref.size === 0) return ref;
  const at = blobs.length;
  add(blobs, blob);
  if (!piece) return { ...ref, blob: at };
  add(blobs, whole);
  return { ...ref, blob: at, piece: { ...piece, whole: at + 1 } };
}

/** A part that says it is a picture (or a piece of one): on a path that cannot read it, taken at its word. */
function declaredMedia(ref: FileRef): boolean {
  return isMediaFile(ref.type, ref.filename) || (ref.piece !== undefined && isMediaFile(ref.piece.type, ref.piece.filename));
}

/** The first bytes of a Blob, read synchronously (hooks/blobs.ts BlobStore.head). */
export type BlobHead = (blob: Blob, n: number) => Uint8Array | undefined;

/**
 * Blob bodies inside a sync request (XHR, fetchLater) cannot be scanned in time: they make the body
 * opaque — except parts that say they are pictures and whose first bytes, read at once, open a
 * picture (a sync XHR uploading an image). Text named .png is opaque like any other file.
 */
export function withoutBlobs(s: Serialized, head: BlobHead): RawBody {
  if (s.blobs.length === 0) return s.body;
  const picture = (v: FileRef) => {
    const blob = s.blobs[v.blob!]!;
    const bytes = declaredMedia(v) ? head(blob, 16) : undefined;
    return bytes !== undefined && isMediaBytes(bytes);
  };
  if (s.body.kind !== 'entries') return { kind: 'opaque', what: 'Blob' };
  const entries: Entry[] = [];
  for (let i = 0; i < s.body.entries.length; i++) {
    const name = s.body.entries[i]![0];
    const v = s.body.entries[i]![1];
    if (typeof v !== 'string' && v.blob !== undefined && !picture(v)) return { kind: 'opaque', what: 'Blob' };
    add(entries, [name, typeof v === 'string' ? v : unread(v)]);
  }
  return { ...s.body, entries };
}

/** The reference without the bytes that travelled beside it, marked as taken at its word. */
function unread(ref: FileRef): FileRef {
  const rest: FileRef = { ...ref, blob: undefined, syncPicture: true };
  return ref.piece ? { ...rest, piece: { ...ref.piece, whole: undefined } } : rest;
}

/**
 * A sync verdict on a body whose files the isolated world has read already (form.submit(), after it
 * sent them over): each file goes as a reference with the key it was given — a picture's, or its
 * content key —; a file without one is judged pending, never clean.
 */
export function withFileKeys(s: Serialized, keyOf: (blob: Blob) => string | undefined): RawBody {
  if (s.blobs.length === 0 || s.body.kind !== 'entries') return s.blobs.length === 0 ? s.body : { kind: 'opaque', what: 'Blob' };
  const entries: Entry[] = [];
  for (let i = 0; i < s.body.entries.length; i++) {
    const name = s.body.entries[i]![0];
    const v = s.body.entries[i]![1];
    if (typeof v === 'string' || v.blob === undefined) add(entries, [name, v]);
    else add(entries, [name, { ...v, blob: undefined, key: keyOf(s.blobs[v.blob]!) }]);
  }
  return { ...s.body, entries };
}

/** A value (a header, a cookie, a window name) that could hold draft text; a cheap string test. */
export { mayCarryText };

/** Requests whose URL can carry no text are not worth a verdict (no query, a plain path). */
export function urlMayCarryText(url: string): boolean {
  return indexOf(url, '?') >= 0 || mayCarryText(url);
}

/** The entries of a Headers object, an array of pairs or a record, as the browser reads them. */
function headerPairs(headers: unknown): [string, string][] {
  const pairs: [string, string][] = [];
  if (isArray(headers)) {
    for (let i = 0; i < headers.length; i++) add(pairs, [toText((headers[i] as unknown[])[0]), toText((headers[i] as unknown[])[1])]);
    return pairs;
  }
  const own = headerEntries(headers);
  if (own) return own;
  const keys = ownKeys(headers as object);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (typeof k === 'string' && apply(isEnumerable, headers, [k])) add(pairs, [k, toText((headers as Record<string, unknown>)[k])]);
  }
  return pairs;
}

const isArray = Array.isArray;
const ownKeys = Reflect.ownKeys;
// eslint-disable-next-line @typescript-eslint/unbound-method -- applied to its target
const isEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * The headers a fetch sends that could hold text (a plain `Accept: application/json` is left out).
 * Headers that cannot be read throw here, before the request leaves, as they would in the browser.
 */
export function textHeaders(headers: unknown, into: [string, string][] = []): [string, string][] {
  if (!headers) return into;
  const pairs = headerPairs(headers);
  for (let i = 0; i < pairs.length; i++) {
    const k = pairs[i]![0];
    const v = pairs[i]![1];
    if (mayCarryText(v) || mayCarryText(k)) add(into, [k, v]);
  }
  return into;
}

export function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = lower(name);
  try {
    const pairs = headerPairs(headers);
    for (let i = 0; i < pairs.length; i++) if (lower(pairs[i]![0]) === wanted) return pairs[i]![1];
    return undefined;
  } catch {
    // Unreadable headers: the body's own type is used (textHeaders refuses the request).
    return undefined;
  }
}
