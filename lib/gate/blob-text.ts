/**
 * The text of a Blob the page builds, for the blob: URL it then makes: a stylesheet
 * (`<link rel=stylesheet href=blob:…>`, `@import url(blob:…)`, a CSS module `import(blob:…, { with:
 * { type: 'css' } })`), a document in a frame or `<object>` (its `<img>` loads there, or once adopted
 * into the page) fetches the URLs the text holds, past every hook of the page (a probe saw the ID
 * arrive each way). The page-world hook records the text of each Blob made from strings, buffers and
 * Blobs already read, and judges it as markup and CSS when the page asks for its URL. Pure: no DOM.
 * Decided through the kept built-ins (lib/realm/intrinsics.ts), and the verdicts have no prototype:
 * the hooks ask them `'pass' in verdict`, which a page's Object.prototype.pass would answer.
 */
import { add, hasOwn, matches } from '../realm/intrinsics';
import { mayHaveOtherReadings, readings, utf8Bytes } from './text-readings';

/** Types the browser parses into something that loads URLs: a document or a stylesheet. */
const LOADING_TYPE = /^\s*(?:text\/(?:html|xml|css|xsl)|application\/(?:xhtml\+xml|xml|xslt\+xml|[\w.-]+\+xml)|image\/svg\+xml)\s*(?:;|$)/i;

export const loadingType = (type: string): boolean => matches(LOADING_TYPE, type);

/** One part of `new Blob(parts)`: a string (already String()-ed), bytes, or a Blob (its readings, blobText's). */
export type BlobPart = { text: string } | { bytes: Uint8Array } | { blob: readonly string[] | undefined };

// own members only: `'text' in part` would find a page's Object.prototype.text and make every part that text
const isTextPart = (p: BlobPart): p is { text: string } => hasOwn(p, 'text');
const isBlobPart = (p: BlobPart): p is { blob: readonly string[] | undefined } => hasOwn(p, 'blob');

/**
 * The readings of a Blob made of `parts` to judge (lib/gate/text-readings.ts): its text as UTF-8
 * first, then, where its bytes or its type give cause, UTF-16 and the text an ISO-2022 decoder shows,
 * and the other readings of a Blob it holds. Undefined when a part is not known (a Blob the page got
 * from elsewhere: a response, a canvas, a file). Bytes are read only for a type that loads (a large
 * binary upload of no type is not decoded); otherwise they leave the text unknown.
 */
export function blobText(parts: readonly BlobPart[], type: string, decode: (bytes: Uint8Array) => string): string[] | undefined {
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (isTextPart(p)) text += p.text;
    else if (isBlobPart(p)) {
      if (p.blob === undefined) return undefined;
      text += p.blob[0] ?? '';
    } else if (loadingType(type)) text += decode(p.bytes);
    else return undefined;
  }
  if (!mayHaveOtherReadings(text, type)) return [text];
  // the bytes as the Blob holds them (a Blob part's as its UTF-8 text: its own readings are added)
  const bytes: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (isTextPart(p)) utf8Bytes(p.text, bytes);
    else if (isBlobPart(p)) utf8Bytes(p.blob![0] ?? '', bytes);
    else for (let k = 0; k < p.bytes.length; k++) add(bytes, p.bytes[k]!);
  }
  const out = readings(bytes, text, type);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (isBlobPart(p)) for (let k = 1; k < p.blob!.length; k++) add(out, p.blob![k]!);
  }
  return out;
}

/**
 * A URL is asked for a Blob: judge its text if known; refuse a loading type whose text is not known.
 * Told apart by `kind`, an own member of every verdict: what a page puts on Object.prototype is
 * never read in its place.
 */
export type BlobVerdict = { kind: 'judge'; texts: readonly string[] } | { kind: 'refuse' } | { kind: 'pass' };

/** A script, JSON or wasm: run by a Worker or an import() the page's and workers' hooks judge, not parsed into loads. */
const CODE_TYPE = /(?:javascript|ecmascript|json|wasm)\s*(?:;|$)/i;

export function blobUrlVerdict(texts: readonly string[] | undefined, type: string): BlobVerdict {
  if (matches(CODE_TYPE, type)) return { kind: 'pass' };
  if (texts !== undefined) return { kind: 'judge', texts };
  return loadingType(type) ? { kind: 'refuse' } : { kind: 'pass' };
}

/**
 * Where a blob: URL is written: a stylesheet's place (`<link href>`, CSS), a document's (a frame's or
 * `<object>`'s src/data, a window opened on it), a picture's or media's (`<img src>`: nothing in it
 * loads more), or elsewhere in markup.
 */
export type BlobUse = 'stylesheet' | 'document' | 'other' | 'markup';

/** A blob: URL this guard saw being made: whether its text was judged then, the Blob's type, its readings if known (blobText). */
export interface MadeBlob {
  judged: boolean;
  type: string;
  texts: readonly string[] | undefined;
}

/** Judge these readings (known already), read the URL's content and judge that, or let it pass (`kind`: see BlobVerdict). */
export type BlobUseVerdict = { kind: 'pass' } | { kind: 'judge'; texts: readonly string[] } | { kind: 'read' };

/**
 * A blob: URL about to be used. Each URL's text is judged once: at createObjectURL, or here when it
 * was not then. A URL no hook here saw made (a worker's `URL.createObjectURL`, another frame's) is read
 * and judged wherever a document or stylesheet could come of it. One made here whose type passed
 * createObjectURL (script, JSON, a picture, bytes of no type) is CSS all the same to a quirks-mode
 * document (a same-origin stylesheet of any type is; an about:blank frame is in quirks mode, and a
 * `<link>` can be moved into one after its href was set), so every stylesheet place judges it; and
 * bytes of no type are sniffed as a document in a frame (Firefox).
 */
export function blobUseVerdict(made: MadeBlob | undefined, use: BlobUse): BlobUseVerdict {
  if (use === 'other' || made?.judged) return { kind: 'pass' };
  if (!made) return { kind: 'read' };
  if (use === 'document' && made.type !== '') return { kind: 'pass' };
  return made.texts !== undefined ? { kind: 'judge', texts: made.texts } : { kind: 'read' };
}

/**
 * A worker cannot wait for the page's answer before `URL.createObjectURL` returns: a stylesheet made
 * there could be imported as a CSS module (`import(url, { with: { type: 'css' } })`), which no hook
 * of the page sees. Other types a worker makes are read by the page where it uses them.
 */
export const WORKER_REFUSED_BLOB_TYPE = String.raw`^\s*text\/css\s*(?:;|$)`;
