/**
 * The text a structured-clone message carries (postMessage to a service worker, a BroadcastChannel):
 * strings, object keys, the bytes of buffers and typed arrays, Map and Set entries — what a script on
 * the other side could send on. A Blob cannot be read in the synchronous moment of postMessage, and
 * a value too deep or too large is not walked to its end: both make the message opaque (judged as
 * unknown content, never passed unread). Pure: no DOM.
 */
export type MessageText = { text: string } | { opaque: string };

const MAX_DEPTH = 12;
const MAX_NODES = 20_000;
const decoder = new TextDecoder('utf-8', { fatal: false });

const tagOf = (v: object) => Object.prototype.toString.call(v).slice(8, -1);

export function messageText(value: unknown): MessageText {
  const parts: string[] = [];
  const seen = new Set<object>();
  let nodes = 0;
  let opaque: string | null = null;
  const visit = (v: unknown, depth: number): void => {
    if (opaque !== null) return;
    if (typeof v === 'string') return void parts.push(v);
    if (v === null || typeof v !== 'object') return;
    if (seen.has(v)) return;
    seen.add(v);
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return void (opaque = 'message too large to read');
    const tag = tagOf(v);
    if (tag === 'Blob' || tag === 'File') return void (opaque = tag);
    if (ArrayBuffer.isView(v)) return void parts.push(decoder.decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
    if (tag === 'ArrayBuffer') return void parts.push(decoder.decode(new Uint8Array(v as ArrayBuffer)));
    if (tag === 'Map') {
      for (const [k, x] of v as Map<unknown, unknown>) {
        visit(k, depth + 1);
        visit(x, depth + 1);
      }
      return;
    }
    if (tag === 'Set' || Array.isArray(v)) {
      for (const x of v as Iterable<unknown>) visit(x, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      parts.push(k);
      visit(x, depth + 1);
    }
  };
  visit(value, 0);
  return opaque !== null ? { opaque } : { text: parts.join('\n') };
}
