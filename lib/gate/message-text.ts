/**
 * What a structured-clone message carries (postMessage to a service worker, a BroadcastChannel), as
 * named entries like a form's: strings under their property path, object keys, the bytes of buffers
 * and typed arrays, Map and Set entries — what a script on the other side could send on. A string
 * that is a urlencoded query (`title=…&content=…`) gives its own fields, so the draft and a signed
 * field are found as they would be in the request the worker makes of it. A Blob cannot be read in
 * the synchronous moment of postMessage, and a value too deep or too large is not walked to its end:
 * both make the message opaque (judged as unknown content, never passed unread). Pure: no DOM.
 */
import { isQueryShaped } from './query-shape';
import { queryPairs } from './pairs';
import { add, addAll, apply, bare, isArray, keptSet, mapEntries, ownEntries, setValues, sliceText, trim } from '../realm/intrinsics';

/** Entries, or what makes the message opaque. No prototype: the hook asks `'entries' in m`, which a page's Object.prototype.entries would answer. */
export type MessageEntries = { entries: [name: string, value: string][] } | { opaque: string };

const MAX_DEPTH = 12;
const MAX_NODES = 20_000;
const decoder = new TextDecoder('utf-8', { fatal: false });
// kept unbound, applied to their own targets: the page's guard asks this after page code could replace them
/* eslint-disable @typescript-eslint/unbound-method */
const decode = TextDecoder.prototype.decode;
const objectToString = Object.prototype.toString;
const isView = ArrayBuffer.isView;
/* eslint-enable @typescript-eslint/unbound-method */

const tagOf = (v: object) => sliceText(apply(objectToString, v, []), 8, -1);

/** The text of an ArrayBuffer or a view, decoded from its own slots; undefined when `v` is neither (decode refuses it). */
function bufferText(v: object): string | undefined {
  try {
    return apply(decode, decoder, [v]);
  } catch {
    return undefined;
  }
}

export function messageEntries(value: unknown): MessageEntries {
  const entries: [string, string][] = [];
  const seen = keptSet<object>();
  let nodes = 0;
  let opaque: string | null = null;
  const text = (name: string, s: string) => {
    const t = trim(s);
    if (t.length > 1 && isQueryShaped(t)) addAll(entries, queryPairs(t));
    else add(entries, [name, s]);
  };
  const visit = (name: string, v: unknown, depth: number): void => {
    if (opaque !== null) return;
    if (typeof v === 'string') return text(name, v);
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return void (opaque = 'message too large to read');
    const tag = tagOf(v);
    if (tag === 'Blob' || tag === 'File') return void (opaque = tag);
    // buffers, Maps and Sets read from their own slots, arrays by index: their iterators and getters
    // are the page's to replace (which kind a value is still goes by its tag, as Blob's does)
    const bytes = isView(v) || tag === 'ArrayBuffer' ? bufferText(v) : undefined;
    if (bytes !== undefined) return text(name, bytes);
    const map = tag === 'Map' ? mapEntries(v) : undefined;
    if (map) {
      for (let i = 0; i < map.length; i++) {
        const k = map[i]![0];
        if (typeof k !== 'string') visit(name, k, depth + 1);
        visit(typeof k === 'string' ? k : name, map[i]![1], depth + 1);
      }
      return;
    }
    const list = isArray(v) ? v : tag === 'Set' ? setValues(v) : undefined;
    if (list) {
      for (let i = 0; i < list.length; i++) visit(name, list[i], depth + 1);
      return;
    }
    // Each key becomes an entry's name, which the gate reads too (decode.ts).
    const members = ownEntries(v);
    for (let i = 0; i < members.length; i++) {
      const k = members[i]![0];
      const x = members[i]![1];
      if (typeof x === 'string' || (x !== null && typeof x === 'object')) visit(k, x, depth + 1);
      else add(entries, [k, '']);
    }
  };
  visit('(message)', value, 0);
  return bare(opaque !== null ? { opaque } : { entries });
}
