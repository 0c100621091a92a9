/**
 * What reached the mock CMS: every request to an endpoint (any method, path, query, body) and every
 * WebSocket message, decoded so that a test can ask "did anything carrying this ID number arrive?".
 *
 * Bodies are parsed as the server sees them: urlencoded, multipart (text parts as text, file parts
 * as name / filename / type / size / sha256 — never the raw bytes), JSON, or plain text.
 */
import { createDecipheriv, createHash, type CipherGCMTypes, type DecipherGCM } from 'node:crypto';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

export type BodyFormat = 'none' | 'form' | 'multipart' | 'json' | 'text';

export type PostBody = Record<string, unknown>;

export interface RecordedFile {
  field: string;
  filename: string;
  type: string;
  size: number;
  sha256: string;
}

export interface RecordedRequest {
  /** 1-based, over the server's lifetime (reset() does not restart it): use it as `since` */
  seq: number;
  at: number;
  /** HTTP method, or 'WS' for a WebSocket message (its connection's path and query are kept) */
  method: string;
  /** decoded pathname */
  path: string;
  /** path and query exactly as the request line had them (not decoded) */
  url: string;
  /** the query, decoded; a repeated name becomes an array */
  query: Record<string, string | string[]>;
  contentType: string;
  format: BodyFormat;
  /** parsed fields; file parts appear here as `{ filename, type, size, sha256 }` */
  body: PostBody;
  files: RecordedFile[];
  /** the body as UTF-8 text with file parts left out (for text search) */
  text: string;
  headers: {
    'x-requested-with'?: string;
    'sec-fetch-mode'?: string;
    'sec-fetch-dest'?: string;
    referer?: string;
    origin?: string;
    'content-type'?: string;
    accept?: string;
  };
  /**
   * What the page itself could have put in the request's headers, one `name: value` a line: the
   * Referer (the page's own address, which history.replaceState rewrites), Cookie, and any header
   * the browser does not set by itself (X-Content: …). A route can carry the draft there too.
   */
  pageHeaders: string;
  /** The Host header: a page can make a host name of the draft (`<ID>.localhost` reaches this server too). */
  host?: string;
}

export interface RequestFilter {
  /** exact pathname, or a pattern tested against it */
  path?: string | RegExp;
  method?: string;
  /** only requests with seq > since */
  since?: number;
  /** only requests whose query has these values */
  query?: Record<string, string>;
  /** only requests whose decoded body has these values (EmpireCMS's `enews`, WordPress's `publish` / `save`) */
  body?: Record<string, string>;
}

export const HEADERS_OF_INTEREST = ['x-requested-with', 'sec-fetch-mode', 'sec-fetch-dest', 'referer', 'origin', 'content-type', 'accept'] as const;

/** Headers the browser writes by itself, none of them from page text (Referer and Cookie are). */
const BROWSER_HEADERS = /^(host|connection|content-length|content-type|accept|accept-encoding|accept-language|user-agent|origin|pragma|cache-control|upgrade|upgrade-insecure-requests|priority|dnt|range|if-.*|sec-.*|purpose|service-worker|x-requested-with)$/i;

export function pageHeaders(headers: RawRequest['headers']): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || BROWSER_HEADERS.test(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
  }
  return lines.join('\n');
}

/** Add a field; a repeated name becomes an array of values. */
export function addField(into: PostBody, name: string, value: unknown): void {
  if (!(name in into)) into[name] = value;
  else if (Array.isArray(into[name])) (into[name] as unknown[]).push(value);
  else into[name] = [into[name], value];
}

export function headerParam(header: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${name}\\*?=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(header);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1');
}

/** multipart/form-data: text parts as UTF-8 strings, file parts as {filename, type, size, sha256}. */
export function parseMultipart(buf: Buffer, boundary: string): PostBody {
  const out: PostBody = {};
  const delim = Buffer.from('--' + boundary);
  let pos = buf.indexOf(delim);
  while (pos !== -1) {
    pos += delim.length;
    if (buf.subarray(pos, pos + 2).toString() === '--') break; // closing delimiter
    if (buf.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    const headerEnd = buf.indexOf('\r\n\r\n', pos);
    if (headerEnd === -1) break;
    const headers = buf.subarray(pos, headerEnd).toString('utf8');
    const next = buf.indexOf(delim, headerEnd + 4);
    if (next === -1) break;
    let dataEnd = next;
    if (buf[dataEnd - 2] === 0x0d && buf[dataEnd - 1] === 0x0a) dataEnd -= 2;
    const data = buf.subarray(headerEnd + 4, dataEnd);
    const disp = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    const name = headerParam(disp, 'name');
    const filename = headerParam(disp, 'filename');
    if (name !== undefined) {
      if (filename !== undefined) {
        const type = /^content-type:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
        addField(out, name, { filename, type, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
      } else {
        addField(out, name, data.toString('utf8'));
      }
    }
    pos = next;
  }
  return out;
}

export function parseBody(contentType: string, buf: Buffer): { format: Exclude<BodyFormat, 'none'>; body: PostBody } {
  const ct = contentType.toLowerCase();
  const text = buf.toString('utf8');
  if (ct.startsWith('application/x-www-form-urlencoded')) {
    const body: PostBody = {};
    for (const [k, v] of new URLSearchParams(text)) addField(body, k, v);
    return { format: 'form', body };
  }
  if (ct.startsWith('multipart/form-data')) {
    const boundary = headerParam(contentType, 'boundary');
    return { format: 'multipart', body: boundary ? parseMultipart(buf, boundary) : {} };
  }
  if (ct.includes('json') || /^\s*[{[]/.test(text)) {
    try {
      const v: unknown = JSON.parse(text);
      const body = v && typeof v === 'object' && !Array.isArray(v) ? (v as PostBody) : { value: v };
      return { format: 'json', body };
    } catch {
      /* fall through to text */
    }
  }
  return { format: 'text', body: text ? { text } : {} };
}

function isFile(v: unknown): v is Omit<RecordedFile, 'field'> {
  return typeof v === 'object' && v !== null && 'sha256' in v && 'filename' in v;
}

function filesOf(body: PostBody): RecordedFile[] {
  const out: RecordedFile[] = [];
  for (const [field, value] of Object.entries(body)) {
    for (const v of Array.isArray(value) ? value : [value]) if (isFile(v)) out.push({ field, ...v });
  }
  return out;
}

/** Every string in a parsed body (nested JSON included), file parts left out. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object' && !isFile(value)) Object.entries(value).forEach(([k, v]) => strings([k, v], out));
  return out;
}

export function parseQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: PostBody = {};
  for (const [k, v] of params) addField(out, k, v);
  return out as Record<string, string | string[]>;
}

export interface RawRequest {
  method: string;
  path: string;
  /** the request line's target as received */
  url: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A body sent with `Content-Encoding` (gzip, deflate, br), unpacked as a server that accepts it does;
 * one that does not unpack is recorded as it came.
 */
export function unpackedBody(encoding: string | string[] | undefined, body: Buffer): Buffer {
  const e = (typeof encoding === 'string' ? encoding : '').trim().toLowerCase();
  try {
    if (e === 'gzip' || e === 'x-gzip') return gunzipSync(body);
    if (e === 'deflate') {
      try {
        return inflateSync(body);
      } catch {
        return inflateRawSync(body); // what some clients send as "deflate"
      }
    }
    if (e === 'br') return brotliDecompressSync(body);
  } catch {
    // Recorded as it came.
  }
  return body;
}

/**
 * A body the page encrypted with the key and IV in `encrypt-key` / `encrypt-iv` headers, decrypted as
 * the CMS server that shares the key does: AES-GCM over the base64 body, or (`encrypt-mode: cbc`)
 * AES-CBC over the base64 in a JSON body's `data`, as crypto-js pages send it. Anything else as it came.
 */
export function decryptedBody(headers: RawRequest['headers'], body: Buffer): Buffer {
  const key = headers['encrypt-key'];
  const iv = headers['encrypt-iv'];
  if (typeof key !== 'string' || typeof iv !== 'string') return body;
  const k = Buffer.from(key, 'base64');
  try {
    if (headers['encrypt-mode'] === 'cbc') {
      const sealed = Buffer.from((JSON.parse(body.toString('utf8')) as { data: string }).data, 'base64');
      const decipher = createDecipheriv(`aes-${k.length * 8}-cbc`, k, Buffer.from(iv, 'base64'));
      return Buffer.concat([decipher.update(sealed), decipher.final()]);
    }
    const sealed = Buffer.from(body.toString('utf8'), 'base64');
    const decipher: DecipherGCM = createDecipheriv(`aes-${k.length * 8}-gcm` as CipherGCMTypes, k, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch {
    return body;
  }
}

/** The decoded record of one request (seq and time filled in by the recorder). */
export function decodeRequest(raw: RawRequest): Omit<RecordedRequest, 'seq' | 'at'> {
  const contentType = typeof raw.headers['content-type'] === 'string' ? raw.headers['content-type'] : '';
  const bytes = decryptedBody(raw.headers, unpackedBody(raw.headers['content-encoding'], raw.body));
  const parsed = bytes.length > 0 ? parseBody(contentType, bytes) : { format: 'none' as const, body: {} };
  const headers: RecordedRequest['headers'] = {};
  for (const k of HEADERS_OF_INTEREST) {
    const v = raw.headers[k];
    if (typeof v === 'string') headers[k] = v;
  }
  return {
    method: raw.method,
    path: raw.path,
    url: raw.url,
    query: parseQuery(raw.query),
    contentType,
    format: parsed.format,
    body: parsed.body,
    files: filesOf(parsed.body),
    text: parsed.format === 'multipart' ? strings(parsed.body).join('\n') : bytes.toString('utf8'),
    headers,
    pageHeaders: pageHeaders(raw.headers),
    host: typeof raw.headers.host === 'string' ? raw.headers.host : '',
  };
}

const decoded = (text: string): string => {
  // JavaScript's old escape() writes Chinese as %uXXXX, which decodeURIComponent refuses.
  if (/%u[0-9a-f]{4}/i.test(text)) return unescape(text.replace(/\+/g, ' '));
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // not percent-encoded text
  }
};

/** Runs of base64 (either alphabet) long enough to hold an ID number. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;

/** What the base64 runs in `text` say, read as UTF-8 (and percent-decoded: `btoa(encodeURIComponent(…))`). */
function base64Decoded(text: string): string {
  const out: string[] = [];
  for (const [run] of text.matchAll(BASE64_RUN)) out.push(decoded(Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')));
  return out.join('\n');
}

/**
 * Everything a request carried, as text: path, decoded query (names and values), decoded body, the
 * page's headers, and what any base64 in them says (a CMS behind a firewall sends its article so).
 */
export function carriedText(r: RecordedRequest): string {
  const bodyStrings = strings(r.body).join('\n');
  // Host names are lowercased on the way: an ID's check character X arrives as x.
  const host = r.host ?? '';
  const plain = [r.path, ...strings(r.query), bodyStrings, decoded(r.text), r.pageHeaders ?? '', decoded(r.pageHeaders ?? ''), host, host.toUpperCase()].join('\n');
  // Java CMSes encode a field twice: what is still percent-encoded after one decoding is read again.
  // base64 in the path read segment by segment too: a run over the whole path would start at /sink
  return `${plain}\n${decoded(plain)}\n${base64Decoded(plain)}\n${base64Decoded(r.path.replace(/\//g, '\n'))}`;
}

/**
 * A JSON body's nested values under the dotted names the gate's decoder and the adapter rules use
 * (`content.checkedLevel`), numbers and booleans as text; a form body's fields stay as they are.
 */
export function flatBody(body: PostBody): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const visit = (name: string, v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = String(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[name] = v;
    else if (Array.isArray(v)) v.forEach((x, i) => visit(`${name}[${i}]`, x));
    else if (v && typeof v === 'object' && !isFile(v)) for (const [k, x] of Object.entries(v)) visit(name ? `${name}.${k}` : k, x);
  };
  for (const [k, v] of Object.entries(body)) visit(k, v);
  return out;
}

export function matches(r: RecordedRequest, f: RequestFilter): boolean {
  if (f.since !== undefined && r.seq <= f.since) return false;
  if (f.method !== undefined && r.method.toUpperCase() !== f.method.toUpperCase()) return false;
  if (f.path !== undefined && (typeof f.path === 'string' ? r.path !== f.path : !f.path.test(r.path))) return false;
  const has = (got: unknown, v: string) => (Array.isArray(got) ? got.includes(v) : got === v);
  for (const [k, v] of Object.entries(f.query ?? {})) if (!has(r.query[k], v)) return false;
  const body = f.body ? flatBody(r.body) : {};
  for (const [k, v] of Object.entries(f.body ?? {})) if (!has(body[k], v)) return false;
  return true;
}

/** The server's log of requests, with the queries tests ask of it. */
export class RequestLog {
  private readonly list: RecordedRequest[] = [];
  private seq = 0;
  private readonly waiters = new Set<() => void>();

  add(decoded: Omit<RecordedRequest, 'seq' | 'at'>): RecordedRequest {
    const r: RecordedRequest = { ...decoded, seq: ++this.seq, at: Date.now() };
    this.list.push(r);
    for (const wake of [...this.waiters]) wake();
    return r;
  }

  /** The last seq handed out: pass it as `since` to see only what comes after now. */
  mark(): number {
    return this.seq;
  }

  reset(): void {
    this.list.length = 0;
  }

  requests(filter: RequestFilter = {}): RecordedRequest[] {
    return this.list.filter((r) => matches(r, filter));
  }

  /** Requests whose path, query or body carry `needle` (e.g. an ID number), decoded. */
  carrying(needle: string, filter: RequestFilter = {}): RecordedRequest[] {
    return this.requests(filter).filter((r) => carriedText(r).includes(needle));
  }

  /** Resolves with the first matching request (already there or still to come); rejects after `timeout` ms. */
  waitFor(filter: RequestFilter = {}, { timeout = 10_000, count = 1 }: { timeout?: number; count?: number } = {}): Promise<RecordedRequest[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.requests(filter);
        if (found.length < count) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const seen = this.list.map((r) => `${r.method} ${r.path}`).join(', ') || 'none';
        reject(new Error(`expected ${count} request(s) matching ${describe(filter)} within ${timeout} ms; recorded: ${seen}`));
      }, timeout);
      this.waiters.add(check);
      check();
    });
  }
}

function describe(f: RequestFilter): string {
  return JSON.stringify({ ...f, path: f.path instanceof RegExp ? String(f.path) : f.path });
}
