/**
 * Turns what a page is about to send into the pieces of text it carries: the URL's path and query,
 * and the body however it is encoded (urlencoded, multipart, JSON, plain text, FormData entries).
 * Nothing is judged here; the verdict reads the parts.
 */
import { base64Reading, bytesOf } from './base64-text';
import { binaryText, hexReading } from './binary-text';
import { sealedBytes, sealedSize } from './sealed';
import { unescapedText } from './escape-text';
import { embeddedDocument } from './embedded-files';
import { percentText } from './percent-text';
import { htmlToText, looksLikeHtml } from './html-text';
import type { Decoded, Entry, FileRef, Outgoing, TextPart } from './types';
import { pairsOf } from './pairs';
import { URLENCODED_SHAPE } from './query-shape';

/** A query (or urlencoded body) and nothing else; padded base64 that spells text is base64, not one empty field. */
const isQueryString = (t: string): boolean => URLENCODED_SHAPE.test(t) && base64Reading(t) === null;

/** JSON inside JSON (`{data: JSON.stringify(article)}`) is common; deeper nesting is not. */
const MAX_DEPTH = 3;

function push(parts: TextPart[], name: string, value: string, depth: number): void {
  if (value.trim() === '') return;
  if (depth < MAX_DEPTH && decodeNested(parts, name, value, depth + 1)) return;
  parts.push(looksLikeHtml(value) ? { name, text: htmlToText(value), raw: value } : { name, text: value });
}

/**
 * A string value that is itself JSON is decoded into its own parts. One that is base64 of text,
 * written by `escape()`, or still percent-encoded (a field encoded twice) adds that text as a part of
 * its own (the value is judged as sent too: it may be a token, not base64).
 */
function decodeNested(parts: TextPart[], name: string, value: string, depth: number): boolean {
  const t = value.trim();
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
    return decodeJson(parts, name, t, depth);
  }
  const base64 = base64Reading(t);
  if (base64) pushReading(parts, `${name}${BASE64_PART}`, base64, depth);
  const unescaped = unescapedText(t);
  if (unescaped !== null) push(parts, `${name}${ESCAPE_PART}`, unescaped, depth);
  const percent = percentText(t);
  if (percent !== null) push(parts, `${name}${PERCENT_PART}`, percent, depth);
  const hex = hexReading(t);
  if (hex) pushReading(parts, `${name}${HEX_PART}`, hex, depth);
  return false;
}

/** A decoded reading as a part; one too large to unpack as an empty part that makes the request unreadable. */
function pushReading(parts: TextPart[], name: string, reading: { text: string } | { unreadable: string }, depth: number): void {
  if ('text' in reading) push(parts, name, reading.text, depth);
  else parts.push({ name, text: '', unreadable: reading.unreadable });
}

const BASE64_PART = '(base64)';
const ESCAPE_PART = '(escape)';
const PERCENT_PART = '(percent)';
const HEX_PART = '(hex)';
const BYTES_PART = '(bytes)';
const DECODED_SUFFIXES = /(?:\((?:base64|escape|percent|hex|bytes)\))+$/;

/** The field a part was read from: a base64, escape() or second percent reading of `title` is `title` too. */
export function fieldOf(partName: string): string {
  return partName.replace(DECODED_SUFFIXES, '');
}

/** Integers too long for a double (an ID sent as a JSON number) are read from the raw text. */
const LONG_NUMBER = /(?<![\d.eE+-])-?\d{15,}(?![\d.eE])/g;

const NOT_JSON = Symbol('not JSON');
/** JSON.parse, NOT_JSON for what is none. */
type ParseJson = (text: string) => unknown;

const parseJson: ParseJson = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
};

/**
 * A parse that keeps its last answer, for one body: a JSON body is read for its strings and again for
 * its numbers (jsonScalars), and a body with a pasted picture in it is megabytes. Read-only to callers.
 */
function parseOnce(): ParseJson {
  let last: { text: string; value: unknown } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, value: parseJson(text) };
    return last.value;
  };
}

function decodeJson(parts: TextPart[], name: string, text: string, depth: number, parse = parseJson): boolean {
  const value = parse(text);
  if (value === NOT_JSON) return false;
  walk(parts, name, value, depth);
  for (const m of text.matchAll(LONG_NUMBER)) parts.push({ name: `${name}(number)`, text: m[0] });
  return true;
}

function walk(parts: TextPart[], path: string, value: unknown, depth: number): void {
  if (typeof value === 'string') push(parts, path, value, depth);
  else if (typeof value === 'number' || typeof value === 'boolean') return;
  else if (Array.isArray(value)) value.forEach((v, i) => walk(parts, `${path}[${i}]`, v, depth));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // Keys carry text too (`{"110105…": "张三"}`).
      push(parts, `${path}{key}`, k, MAX_DEPTH);
      walk(parts, path ? `${path}.${k}` : k, v, depth);
    }
  }
}

/**
 * Fields sent blank (`pubPost=`): no text to scan, but sent — PHP's isset() takes them, and emlog's
 * article_save.php publishes on `pubPost` whatever its value —, so an adapter rule may ask about them.
 */
type Blanks = TextPart[];

function decodeEntries(parts: TextPart[], files: FileRef[], entries: readonly Entry[], blanks: Blanks): void {
  for (const [name, value] of entries) {
    push(parts, `${name}{key}`, name, MAX_DEPTH);
    if (typeof value !== 'string') {
      files.push(value);
      // a file's name and type leave in its part's header (filename="…", Content-Type): text as a field's
      // is (a probe sent the ID as a filename and as a Blob's type)
      push(parts, `${name}{filename}`, value.filename, MAX_DEPTH);
      push(parts, `${name}{type}`, value.type, MAX_DEPTH);
    }
    else if (value.trim() === '') blanks.push({ name, text: value });
    else push(parts, name, value, 0);
  }
}

function decodeUrlencoded(parts: TextPart[], text: string, blanks: Blanks): void {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    push(parts, '(body)', text, 0);
    return;
  }
  decodeEntries(parts, [], pairsOf(params), blanks);
}

/** multipart/form-data written as a string (or a Blob read as text): text fields and file parts. */
function decodeMultipart(parts: TextPart[], files: FileRef[], text: string, boundary: string, blanks: Blanks): void {
  for (const chunk of text.split(`--${boundary}`)) {
    const split = chunk.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = chunk.slice(0, split);
    const body = chunk.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (filename !== undefined) {
      const type = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1] ?? '';
      files.push({ name, filename, type, size: body.length });
      // A text file's content is scanned like any field: it leaves the page the same way.
      if (/^text\/|json|csv|xml/i.test(type) || /\.(txt|csv|json|html?|md|xml)$/i.test(filename)) push(parts, `${name}(file:${filename})`, body, 0);
    } else if (body.trim() === '') {
      blanks.push({ name, text: body });
    } else {
      push(parts, name, body, 0);
    }
  }
}

function decodeText(parts: TextPart[], files: FileRef[], text: string, blanks: Blanks, contentType = '', parse = parseJson): void {
  const type = contentType.toLowerCase();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (type.startsWith('multipart/') && boundary) return decodeMultipart(parts, files, text, (boundary[1] ?? boundary[2]!).trim(), blanks);
  if (type.includes('x-www-form-urlencoded')) return decodeUrlencoded(parts, text, blanks);
  if (type.includes('json') && decodeJson(parts, '', text, 0, parse)) return;
  const t = text.trim();
  if ((t.startsWith('{') || t.startsWith('[')) && decodeJson(parts, '', t, 0, parse)) return;
  if (isQueryString(t)) return decodeUrlencoded(parts, t, blanks);
  push(parts, '(body)', text, 0);
}

/**
 * The host name and the user name and password of a URL leave the machine too — in the DNS lookup, the
 * Host header and the Authorization answer —: `http://11010519491231002x.example.net/p.gif` carries
 * the ID without a path or query. Read when they could hold a number or text, a label a line.
 */
function hostText(u: URL): string | undefined {
  const text = [u.username, u.password, ...u.hostname.split('.')].filter((s) => s !== '').map(safeDecode).join('\n');
  return /[^\x20-\x7e]|\d{6}|%/.test(u.username + u.password + u.hostname) ? text : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * base64, `escape()` or hex text in the path (`/log/<btoa of the draft>`): read in each segment, and
 * from each segment to the path's end, as standard base64 has '/' in it. What is no such text adds nothing.
 */
function encodedInPath(parts: TextPart[], path: string): void {
  const segments = path.split('/').filter((s) => s !== '');
  for (let i = 0; i < segments.length; i++) {
    decodeNested(parts, '(path)', segments[i]!, 1);
    if (i < segments.length - 1) decodeNested(parts, '(path)', segments.slice(i).join('/'), 1);
  }
}

function decodeUrl(parts: TextPart[], url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    push(parts, '(url)', url, 0);
    return;
  }
  let path = u.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is scanned as it is.
  }
  // A path of plain names (/admin/article/list.do) carries no draft; only look at it when it could.
  if (/[^\x20-\x7e]|\d{6}/.test(path)) parts.push({ name: '(path)', text: path.replace(/\//g, '\n') });
  encodedInPath(parts, path);
  const host = hostText(u);
  if (host) parts.push({ name: '(host)', text: host });
  if (u.search.length > 1) {
    for (const [k, v] of pairsOf(new URLSearchParams(u.search))) {
      push(parts, `?${k}{key}`, k, MAX_DEPTH);
      push(parts, `?${k}`, v, 0);
    }
  }
}

/**
 * A header the page wrote: its value as sent (header values are ASCII, so text goes percent-encoded)
 * and decoded; a Referer is a URL whose query is read like the request's own.
 */
function decodeHeader(parts: TextPart[], name: string, value: string): void {
  if (/^referr?er$/i.test(name)) {
    decodeUrl(parts, value);
    return;
  }
  let text = value;
  try {
    text = decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    // Not percent-encoded: scanned as it is.
  }
  push(parts, `(header:${name})`, text, 0);
  // The name leaves too (as written, and in a preflight's Access-Control-Request-Headers): any token,
  // an ID as well; a name of letters and hyphens holds no number and is not read again.
  if (!WORD.test(name)) push(parts, '(header name)', name, 0);
}

/** A method or header name that can hold no number (GET, PROPFIND, Content-Type): nothing to read. */
const WORD = /^[A-Za-z-]{1,64}$/;

/**
 * The numbers, booleans and blank strings of a JSON body (`{"status": 1}`): no text to scan, so they
 * are no parts, but an adapter rule's field condition may ask about them (lib/policy/request-rule.ts).
 */
function jsonScalars(body: Outgoing['body'], parse: ParseJson): TextPart[] {
  if (body.kind !== 'text' || !/^\s*[{[]/.test(body.text)) return [];
  const value = parse(body.text);
  if (value === NOT_JSON) return [];
  const out: TextPart[] = [];
  const visit = (path: string, v: unknown): void => {
    if (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.trim() === '')) out.push({ name: path, text: String(v) });
    else if (Array.isArray(v)) v.forEach((x, i) => visit(`${path}[${i}]`, x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(path ? `${path}.${k}` : k, x);
  };
  visit('', value);
  return out;
}

interface BodyParts {
  parts: readonly TextPart[];
  files: readonly FileRef[];
  opaque: string | null;
  sealed: number;
  scalars: TextPart[];
}

/**
 * A request is decoded more than once on its way (the isolated world looks for base64 documents in
 * it, then judges it), and a 1 MB draft save costs milliseconds each time: a body object, which no
 * one changes once built, is decoded once.
 */
const decodedBodies = new WeakMap<Outgoing['body'], BodyParts>();

/**
 * Bytes that were no UTF-8 text (compressed, UTF-16) are read for the text they hold, which is
 * decoded as a body of its own, each part named as read from the bytes. Returns what makes the body
 * opaque: a reading that would inflate past the limit (a compression bomb is not unpacked).
 */
function decodeBytes(parts: TextPart[], files: FileRef[], base64: string): { opaque: string | null; sealed: number } {
  const bytes = bytesOf(base64);
  const reading = bytes && binaryText(bytes);
  if (!reading) return { opaque: null, sealed: bytes && sealedBytes(bytes) ? bytes.length : 0 };
  if ('tooLarge' in reading) return { opaque: `${reading.how} > 32 MB`, sealed: 0 };
  const own: TextPart[] = [];
  // what compressed bytes hold is read for its text; no rule asks about their blank fields
  decodeText(own, files, reading.text, []);
  for (const p of own) parts.push({ ...p, name: `${p.name}${BYTES_PART}` });
  return { opaque: null, sealed: 0 };
}

/** base64 of 96 bytes: no shorter value is looked at for ciphertext (lib/gate/sealed.ts). */
const SEALED_CHARS = 128;

/** The largest sealed value among the parts (as sent), in bytes. */
function sealedIn(parts: readonly TextPart[]): number {
  let max = 0;
  for (const p of parts) {
    const value = p.raw ?? p.text;
    if (value.length >= SEALED_CHARS) max = Math.max(max, sealedSize(p.name, value));
  }
  return max;
}

function decodeBody(body: Outgoing['body']): BodyParts {
  let known = decodedBodies.get(body);
  if (known) return known;
  const parts: TextPart[] = [];
  const files: FileRef[] = [];
  const blanks: Blanks = [];
  let opaque = body.kind === 'opaque' ? body.what : null;
  let sealed = 0;
  // The body's text is parsed once for its strings and its numbers, and not kept after.
  const parse = parseOnce();
  if (body.kind === 'text' && body.bytes !== undefined) {
    // Bytes: their lossy UTF-8 reading is no value a script wrote, so only the bytes are asked if sealed.
    decodeText(parts, files, body.text, blanks, body.contentType, parse);
    ({ opaque, sealed } = decodeBytes(parts, files, body.bytes));
  } else if (body.kind === 'text') {
    decodeText(parts, files, body.text, blanks, body.contentType, parse);
    sealed = sealedIn(parts);
  } else if (body.kind === 'entries') {
    decodeEntries(parts, files, body.entries, blanks);
    sealed = sealedIn(parts);
  }
  known = { parts, files, opaque, sealed, scalars: [...jsonScalars(body, parse), ...blanks] };
  decodedBodies.set(body, known);
  return known;
}

export function decodeOutgoing(o: Outgoing): Decoded {
  const head: TextPart[] = [];
  decodeUrl(head, o.url);
  // The method leaves in the request line and a preflight's Access-Control-Request-Method: fetch and
  // XHR take any token there (a probe sent the ID as one).
  if (!WORD.test(o.method)) push(head, '(method)', o.method, 0);
  for (const [name, value] of o.headers ?? []) decodeHeader(head, name, value);
  const body = decodeBody(o.body);
  const parts = [...head, ...body.parts];
  const files = [...body.files, ...embeddedFiles(parts, o.embedded)];
  const opaque = body.opaque ?? parts.find((p) => p.unreadable !== undefined)?.unreadable ?? null;
  return { parts, files, opaque, scalars: [...body.scalars], sealed: Math.max(body.sealed, sealedIn(head)) };
}

/**
 * The documents the parts carry as base64 or data: URLs (lib/gate/embedded-files.ts), as file parts:
 * with the content key the isolated world gave each once it read it, else none (pending, never clean).
 */
function embeddedFiles(parts: readonly TextPart[], keys: ReadonlyMap<string, string> | undefined): FileRef[] {
  const out: FileRef[] = [];
  for (const p of parts) {
    const doc = embeddedDocument(p.raw ?? p.text);
    if (doc) out.push({ name: p.name, filename: '', type: doc.type, size: doc.size, key: keys?.get(doc.payload) });
  }
  return out;
}

/** Everything a request carries as one text, parts on their own lines (no two values run together). */
export function joinedText(decoded: Decoded): string {
  return decoded.parts.map((p) => p.text).join('\n');
}

/**
 * A file part's name and type (`upfile{filename}`): scanned for what they hold, but no copy of the
 * draft — a file dropped into an empty editor leaves a link whose text is its name, and the upload
 * that names it again is not the draft going out.
 */
export const isFileHeaderPart = (name: string): boolean => /\{(?:filename|type)\}$/.test(name);

/** joinedText() without the file parts' names and types: what could be a copy of the draft. */
export function draftCandidateText(decoded: Decoded): string {
  return decoded.parts.filter((p) => !isFileHeaderPart(p.name)).map((p) => p.text).join('\n');
}
