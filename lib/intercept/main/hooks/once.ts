/* eslint-disable @typescript-eslint/no-base-to-string -- an object becomes the string the browser would make of it (its own toString), by design. */
/**
 * Page values read once. A hook judges what the page hands in and then hands it to the browser, which
 * reads it again: an object whose toString or getter answers differently the second time, or a body,
 * URL or Headers the page changes after the call (fetch and XHR wait for their verdict), showed the
 * judge one text and sent another (a probe got the draft past nearly every hook so). What is judged is
 * read once here, and that copy — not the page's object — is what the browser gets.
 */

type PageWindow = Window & typeof globalThis;

const tagOf = (v: unknown) => Object.prototype.toString.call(v);

/** Trusted Types values cannot change: handed on as they are (a string would fail an enforcing page). */
const IMMUTABLE = new Set(['[object TrustedHTML]', '[object TrustedScript]', '[object TrustedScriptURL]']);

/** An object as the string the browser would make of it, once; a primitive converts the same way every time and is left. */
export function once(value: unknown): unknown {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return value;
  return IMMUTABLE.has(tagOf(value)) ? value : String(value);
}

/** The indices of every argument from `first` on, for methods that take any number (document.write, Typed OM's set). */
export const argsFrom = (first: number): number[] => Array.from({ length: 64 }, (_, i) => first + i);

/** once() of the arguments at `indices`, in place. */
export function onceAt(args: unknown[], indices: readonly number[]): void {
  for (const i of indices) if (i < args.length) args[i] = once(args[i]);
}

/**
 * A request body as it is now, in a copy the page holds no reference to: FormData, URLSearchParams
 * and bytes copied, a Document cloned, Blobs (immutable) and streams (never read) kept; anything else
 * is sent as its string, as fetch and XHR would make it.
 */
export function bodyOnce(win: PageWindow, body: unknown): unknown {
  if (body === null || body === undefined || typeof body === 'string') return body;
  const tag = tagOf(body);
  if (tag === '[object FormData]') {
    const copy = new win.FormData();
    for (const [name, value] of (body as FormData).entries()) {
      if (typeof value === 'string') copy.append(name, value);
      else copy.append(name, value, value.name);
    }
    return copy;
  }
  if (tag === '[object URLSearchParams]') return new win.URLSearchParams(String(body));
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') return (body as ArrayBuffer).slice(0);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice();
  if (tag === '[object Blob]' || tag === '[object File]' || tag === '[object ReadableStream]') return body;
  if (/^\[object (?:HTML|XML)?Document\]$/.test(tag)) return (body as Document).cloneNode(true);
  return String(body);
}

/**
 * A fetch's init as it is now: every property the browser would read (own or inherited, each getter
 * asked once), the body copied, the headers taken into a Headers of this window. Read for the judge
 * and handed to the browser in place of the page's.
 */
export function initOnce(win: PageWindow, init: RequestInit | undefined): RequestInit | undefined {
  if (init === undefined || init === null || typeof init !== 'object') return init;
  const copy: Record<string, unknown> = {};
  const source = init as Record<string, unknown>;
  for (const key of INIT_KEYS) if (key in source) copy[key] = source[key];
  for (const key in source) if (!(key in copy)) copy[key] = source[key];
  if ('body' in copy) copy.body = bodyOnce(win, copy.body);
  if (copy.headers !== undefined && copy.headers !== null) copy.headers = new win.Headers(copy.headers as HeadersInit);
  for (const key of ['method', 'referrer'] as const) if (copy[key] !== undefined) copy[key] = once(copy[key]);
  return copy;
}

/** RequestInit's members (non-enumerable ones too: the browser reads them by name). */
const INIT_KEYS = ['method', 'headers', 'body', 'referrer', 'referrerPolicy', 'mode', 'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'signal', 'duplex', 'priority', 'window', 'attributionReporting', 'browsingTopics', 'privateToken', 'targetAddressSpace', 'activateAfter'];
