/* eslint-disable @typescript-eslint/unbound-method -- the worker's originals are kept unbound and called on their own target. */
import type { Headers2, Kit, Read } from './kit';

/**
 * What is judged, read once through the worker's built-ins as they were before its own script ran
 * (as in the page: ../../natives.ts, ../once.ts — the prelude's text is all the worker gets, so it
 * cannot import them): a look-alike object, an own getter or a built-in replaced later tells the
 * judge nothing the browser would not send. Requests, bytes and headers here; bodies and a fetch's
 * init in readBodies().
 */
export function readRequests(k: Kit): void {
  const { apply, g, lookup, protoOf, toText, add } = k;
  // the nearest prototype's getter (where a DOM subclasses its classes per window, as the unit tests' happy-dom)
  const get = (proto: object | undefined, name: string) => (proto && lookup(proto, name)?.get) as ((this: unknown) => unknown) | undefined;
  const branded = (getter: ((this: unknown) => unknown) | undefined, v: unknown): unknown => {
    if (!getter || typeof v !== 'object' || v === null) return undefined;
    try {
      return apply(getter, v, []);
    } catch {
      return undefined;
    }
  };
  const R = g.Request?.prototype;
  const reqUrl = get(R, 'url');
  const reqMethod = get(R, 'method');
  const reqReferrer = get(R, 'referrer');
  const reqBody = get(R, 'body');
  const reqHeaders = get(R, 'headers');
  const reqClone = R?.clone;
  const reqBytes = R?.arrayBuffer;
  const H = g.Headers;
  const hForEach = H?.prototype.forEach;
  const U8 = Uint8Array;
  const u8Slice = U8.prototype.slice;
  const abLength = get(ArrayBuffer.prototype, 'byteLength');
  const typed = protoOf(U8.prototype) as object;
  const taBuffer = get(typed, 'buffer');
  const taOffset = get(typed, 'byteOffset');
  const taLength = get(typed, 'byteLength');
  const dvBuffer = get(DataView.prototype, 'buffer');
  const dvOffset = get(DataView.prototype, 'byteOffset');
  const dvLength = get(DataView.prototype, 'byteLength');
  const isView = ArrayBuffer.isView;
  const streamLocked = get(g.ReadableStream?.prototype, 'locked');
  const blobSize = get(g.Blob?.prototype, 'size');
  const bytesView = (v: unknown): Uint8Array<ArrayBuffer> | undefined => {
    if (typeof v !== 'object' || v === null) return undefined;
    if (isView(v)) {
      const data = branded(dvBuffer, v) !== undefined;
      return new U8(branded(data ? dvBuffer : taBuffer, v) as ArrayBuffer, branded(data ? dvOffset : taOffset, v) as number, branded(data ? dvLength : taLength, v) as number);
    }
    return typeof branded(abLength, v) === 'number' ? new U8(v as ArrayBuffer) : undefined;
  };
  /** A Headers object's entries (anything else: as a Headers makes it), added to `into`. */
  const headerEntries = (v: unknown, into: Headers2 = []): Headers2 => {
    if (v === undefined || v === null) return into;
    const each = (h: unknown) => apply(hForEach, h, [(value: string, name: string) => add(into, [name, value])]);
    try {
      each(v);
    } catch {
      each(new H(v as HeadersInit));
    }
    return into;
  };
  k.read = {
    __proto__: null,
    isRequest: (v: unknown): v is Request => typeof branded(reqUrl, v) === 'string',
    cloneRequest: (r: Request) => apply(reqClone, r, []),
    requestFacts: (r: Request) => ({ url: toText(branded(reqUrl, r)), method: toText(branded(reqMethod, r)), referrer: toText(branded(reqReferrer, r)), headers: branded(reqHeaders, r), hasBody: branded(reqBody, r) !== null }),
    requestBytes: (r: Request) => apply(reqBytes, apply(reqClone, r, []), []),
    bytesView,
    copyBytes: (b: Uint8Array): Uint8Array<ArrayBuffer> => apply(u8Slice, b, []),
    isStream: (v: unknown) => typeof branded(streamLocked, v) === 'boolean',
    isBlob: (v: unknown) => typeof branded(blobSize, v) === 'number',
    headerEntries,
  } as unknown as Read;
}

/** A body and a fetch's init, read once (see readRequests()). */
export function readBodies(k: Kit): void {
  const { apply, g, protoOf, toText, add, read } = k;
  const FD = g.FormData;
  const fdEntries = FD?.prototype.entries;
  const fdNext = FD && fdEntries ? (protoOf(apply(fdEntries, new FD(), [])) as Iterator<unknown>).next : undefined;
  const fdAppend = FD?.prototype.append;
  const USP = g.URLSearchParams;
  const uspText = USP?.prototype.toString;
  const H = g.Headers;
  const formEntries = (v: unknown): [string, FormDataEntryValue][] | undefined => {
    if (!fdEntries || !fdNext || typeof v !== 'object' || v === null) return undefined;
    const out: [string, FormDataEntryValue][] = [];
    const next = fdNext as () => IteratorResult<[string, FormDataEntryValue]>;
    try {
      const it = apply(fdEntries, v, []);
      for (let step = apply(next, it, []); !step.done; step = apply(next, it, [])) add(out, [step.value[0], step.value[1]]);
    } catch {
      return undefined;
    }
    return out;
  };
  const paramsText = (v: unknown): string | undefined => {
    if (!uspText || typeof v !== 'object' || v === null) return undefined;
    try {
      return apply(uspText, v, []);
    } catch {
      return undefined;
    }
  };
  const bodyOnce = (body: unknown): unknown => {
    if (body === null || body === undefined || typeof body === 'string') return body;
    const entries = formEntries(body);
    if (entries && FD && fdAppend) {
      const copy = new FD();
      for (let i = 0; i < entries.length; i++) apply(fdAppend, copy, entries[i]!);
      return copy;
    }
    const params = paramsText(body);
    if (params !== undefined && USP) return new USP(params);
    const bytes = read.bytesView(body);
    if (bytes) return read.copyBytes(bytes);
    if (read.isBlob(body) || read.isStream(body)) return body;
    return toText(body);
  };
  const INIT_KEYS = ['method', 'headers', 'body', 'referrer', 'referrerPolicy', 'mode', 'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'signal', 'duplex', 'priority'];
  /**
   * A fetch's init read once into an object without a prototype: the browser reads every member of
   * it, and a member it lacks must not be found on Object.prototype, where a getter could answer the
   * browser otherwise than the judge (as in the page: once.ts).
   */
  const initOnce = (init: RequestInit | undefined): RequestInit | undefined => {
    if (init === undefined || init === null || typeof init !== 'object') return init;
    const source = init as Record<string, unknown>;
    const copy = { __proto__: null } as unknown as Record<string, unknown>;
    // eslint-disable-next-line no-restricted-syntax -- the script's own init, read once as the browser reads it; the copy has no prototype
    for (let i = 0; i < INIT_KEYS.length; i++) if (INIT_KEYS[i]! in source) copy[INIT_KEYS[i]!] = source[INIT_KEYS[i]!];
    // eslint-disable-next-line no-restricted-syntax -- the copy has no prototype
    for (const key in source) if (!(key in copy)) copy[key] = source[key];
    // eslint-disable-next-line no-restricted-syntax -- the copy has no prototype
    if ('body' in copy) copy.body = bodyOnce(copy.body);
    if (copy.headers !== undefined && copy.headers !== null && H) copy.headers = new H(copy.headers as HeadersInit);
    if (copy.method !== undefined) copy.method = toText(copy.method);
    if (copy.referrer !== undefined) copy.referrer = toText(copy.referrer);
    return copy;
  };
  read.formEntries = formEntries;
  read.paramsText = paramsText;
  read.bodyOnce = bodyOnce;
  read.initOnce = initOnce;
}
