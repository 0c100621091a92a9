/**
 * What a structured-clone message carries (postMessage to a service worker, a BroadcastChannel), as
 * named entries like a form's: strings under their property path, object keys, the bytes of buffers
 * and typed arrays, Map and Set entries — what a script on the other side could send on. A string
 * that is a urlencoded query (`title=…&content=…`) gives its own fields, so the draft and a signed
 * field are found as they would be in the request the worker makes of it. A Blob cannot be read in
 * the synchronous moment of postMessage, and a value too deep or too large is not walked to its end:
 * both make the message opaque (judged as unknown content, never passed unread). Pure: no DOM.
 */
import { isQueryString } from './decode';
import { pairsOf } from './pairs';

export type MessageEntries = { entries: [name: string, value: string][] } | { opaque: string };

const MAX_DEPTH = 12;
const MAX_NODES = 20_000;
const decoder = new TextDecoder('utf-8', { fatal: false });

const tagOf = (v: object) => Object.prototype.toString.call(v).slice(8, -1);

export function messageEntries(value: unknown): MessageEntries {
  const entries: [string, string][] = [];
  const seen = new Set<object>();
  let nodes = 0;
  let opaque: string | null = null;
  const text = (name: string, s: string) => {
    const t = s.trim();
    if (t.length > 1 && isQueryString(t)) for (const [k, v] of pairsOf(new URLSearchParams(t))) entries.push([k, String(v)]);
    else entries.push([name, s]);
  };
  const visit = (name: string, v: unknown, depth: number): void => {
    if (opaque !== null) return;
    if (typeof v === 'string') return text(name, v);
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return void (opaque = 'message too large to read');
    const tag = tagOf(v);
    if (tag === 'Blob' || tag === 'File') return void (opaque = tag);
    if (ArrayBuffer.isView(v)) return text(name, decoder.decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
    if (tag === 'ArrayBuffer') return text(name, decoder.decode(new Uint8Array(v as ArrayBuffer)));
    if (tag === 'Map') {
      for (const [k, x] of v as Map<unknown, unknown>) {
        if (typeof k !== 'string') visit(name, k, depth + 1);
        visit(typeof k === 'string' ? k : name, x, depth + 1);
      }
      return;
    }
    if (tag === 'Set' || Array.isArray(v)) {
      for (const x of v as Iterable<unknown>) visit(name, x, depth + 1);
      return;
    }
    // Each key becomes an entry's name, which the gate reads too (decode.ts).
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string' || (x !== null && typeof x === 'object')) visit(k, x, depth + 1);
      else entries.push([k, '']);
    }
  };
  visit('(message)', value, 0);
  return opaque !== null ? { opaque } : { entries };
}
