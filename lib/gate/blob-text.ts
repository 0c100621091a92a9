/**
 * The text of a Blob the page builds, for the blob: URL it then makes: a stylesheet
 * (`<link rel=stylesheet href=blob:…>`, `@import url(blob:…)`, a CSS module `import(blob:…, { with:
 * { type: 'css' } })`), a document in a frame or `<object>` (its `<img>` loads there, or once adopted
 * into the page) fetches the URLs the text holds, past every hook of the page (a probe saw the ID
 * arrive each way). The page-world hook records the text of each Blob made from strings, buffers and
 * Blobs already read, and judges it as markup and CSS when the page asks for its URL. Pure: no DOM.
 */

/** Types the browser parses into something that loads URLs: a document or a stylesheet. */
const LOADING_TYPE = /^\s*(?:text\/(?:html|xml|css|xsl)|application\/(?:xhtml\+xml|xml|xslt\+xml|[\w.-]+\+xml)|image\/svg\+xml)\s*(?:;|$)/i;

export const loadingType = (type: string): boolean => LOADING_TYPE.test(type);

/** One part of `new Blob(parts)`: a string (already String()-ed), bytes, or a Blob. */
export type BlobPart = { text: string } | { bytes: Uint8Array } | { blob: string | undefined };

/**
 * The text of a Blob made of `parts`, or undefined when a part is not known (a Blob the page got from
 * elsewhere: a response, a canvas, a file). Bytes are read as UTF-8 only for a type that loads (a
 * large binary upload of no type is not decoded); otherwise they leave the text unknown.
 */
export function blobText(parts: readonly BlobPart[], type: string, decode: (bytes: Uint8Array) => string): string | undefined {
  let text = '';
  for (const p of parts) {
    if ('text' in p) text += p.text;
    else if ('blob' in p) {
      if (p.blob === undefined) return undefined;
      text += p.blob;
    } else if (loadingType(type)) text += decode(p.bytes);
    else return undefined;
  }
  return text;
}

/** A URL is asked for a Blob: judge its text if known; refuse a loading type whose text is not known. */
export type BlobVerdict = { judge: string } | { refuse: true } | { pass: true };

/** A script, JSON or wasm: run by a Worker or an import() the page's and workers' hooks judge, not parsed into loads. */
const CODE_TYPE = /(?:javascript|ecmascript|json|wasm)\s*(?:;|$)/i;

export function blobUrlVerdict(text: string | undefined, type: string): BlobVerdict {
  if (CODE_TYPE.test(type)) return { pass: true };
  if (text !== undefined) return { judge: text };
  return loadingType(type) ? { refuse: true } : { pass: true };
}
