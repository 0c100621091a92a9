/* eslint-disable @typescript-eslint/unbound-method -- the built-ins are kept unbound and always applied to their own target. */
/**
 * The browser's built-ins as they were when this script started, before any page script ran. A page
 * script can later replace `Reflect.apply` or `Function.prototype.call` (and so change the arguments
 * a hook hands on after judging them), a prototype's getter (Blob's `size`), give an object another's
 * tag (`Symbol.toStringTag = 'Blob'`) or an own getter that shadows the platform's (a Request's
 * `url`): a hook that asked through those was told one thing while the browser, which reads the
 * object's internal slots, sent another. What the hooks ask of a page object goes through these.
 *
 * Each brand check applies a platform getter, which throws on anything not of its interface — from any
 * realm (a frame's Blob is a Blob), whatever its tag or prototype says.
 */

import { add, apply } from '../../realm/intrinsics';

type Getter = (self: unknown) => unknown;

const U8 = Uint8Array;
const describe = Object.getOwnPropertyDescriptor;
const protoOf = Object.getPrototypeOf;
const isViewNative = ArrayBuffer.isView;

/**
 * An unbound platform getter of `proto` (or of its prototype chain: Chromium keeps some a level up),
 * taken now and applied later as it was — when this script started, or when a hook was installed
 * (both before any page script ran). Browsers define every one used here on the prototype; a DOM
 * without it (the unit tests' happy-dom keeps some on instances) is read as a plain property.
 */
export function getter(proto: object | undefined, name: string): Getter {
  let get: (() => unknown) | undefined;
  for (let p = proto; p && !get; p = protoOf(p) as object | null ?? undefined) get = describe(p, name)?.get;
  if (!get) return (self) => (self as Record<string, unknown>)[name];
  return (self) => apply(get, self, []);
}

/** The getter's value, or `undefined` when `v` is not of its interface. */
function branded(get: Getter, v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return undefined;
  try {
    return get(v);
  } catch {
    return undefined;
  }
}

const g = globalThis as unknown as Record<string, { prototype: object } | undefined>;
const proto = (name: string): object | undefined => g[name]?.prototype;

const blobSize = getter(proto('Blob'), 'size');
const blobType = getter(proto('Blob'), 'type');
const fileName = getter(proto('File'), 'name');

/** A Blob's size, type and (a File's) name as the browser knows them; `undefined` for anything not a Blob. */
export function blobFacts(v: unknown): { size: number; type: string; name?: string } | undefined {
  const size = branded(blobSize, v);
  if (typeof size !== 'number') return undefined;
  const name = branded(fileName, v);
  return { size, type: blobType(v) as string, ...(typeof name === 'string' && { name }) };
}

const requestUrl = getter(proto('Request'), 'url');
const requestMethod = getter(proto('Request'), 'method');
const requestHeaders = getter(proto('Request'), 'headers');
const requestReferrer = getter(proto('Request'), 'referrer');
const requestBody = getter(proto('Request'), 'body');
const requestClone = proto('Request') && (proto('Request') as Request).clone;
const requestBytes = proto('Request') && (proto('Request') as Request).arrayBuffer;

const signalAborted = getter(proto('AbortSignal'), 'aborted');
const requestSignal = getter(proto('Request'), 'signal');

/**
 * The fetch will be aborted before anything is sent: its signal (the init's, else the Request's) is a
 * real AbortSignal that is aborted now. A page's look-alike object is never taken at its word.
 */
export function abortedBeforeSending(init: RequestInit | undefined, request: unknown): boolean {
  const signal = init?.signal ?? (request === null ? undefined : branded(requestSignal, request));
  return branded(signalAborted, signal) === true;
}

export const isRequest = (v: unknown): v is Request => typeof branded(requestUrl, v) === 'string';

/** A Request as the browser will send it, read through the platform's own getters (the page may shadow them). */
export const requestFacts = (r: Request) => ({
  url: requestUrl(r) as string,
  method: requestMethod(r) as string,
  headers: requestHeaders(r) as Headers,
  referrer: requestReferrer(r) as string,
  hasBody: requestBody(r) !== null,
});

/** The browser's clone of a Request (a page may give the instance a `clone` of its own). */
export const cloneRequest = (r: Request): Request => apply(requestClone!, r, []);

/** The bytes of a Request's body, read from a clone with the browser's own method. */
export const requestBodyBytes = (r: Request): Promise<ArrayBuffer> => apply(requestBytes!, cloneRequest(r), []);

const formEntries = proto('FormData') && (proto('FormData') as FormData).entries;
const iteratorNext = formEntries && (protoOf(apply(formEntries, new FormData(), [])) as Iterator<unknown>).next;

/** A FormData's entries as the browser will send them; `undefined` for anything not a FormData. */
export function formDataEntries(v: unknown): [string, FormDataEntryValue][] | undefined {
  if (!formEntries || !iteratorNext || typeof v !== 'object' || v === null) return undefined;
  const out: [string, FormDataEntryValue][] = [];
  try {
    const it = apply(formEntries, v, []);
    for (;;) {
      const step = apply(iteratorNext as () => IteratorResult<[string, FormDataEntryValue]>, it, []);
      if (step.done) return out;
      // add(): an index setter the page put on Array.prototype would swallow a plain assignment
      add(out, [step.value[0], step.value[1]]);
    }
  } catch {
    // not a FormData (a browser says so at entries(); a JS FormData, at the first step)
    return undefined;
  }
}

const paramsToString = proto('URLSearchParams') && (proto('URLSearchParams') as URLSearchParams).toString;

/** A URLSearchParams as the browser will send it; `undefined` for anything else. */
export function paramsText(v: unknown): string | undefined {
  if (!paramsToString || typeof v !== 'object' || v === null) return undefined;
  try {
    return apply(paramsToString, v, []);
  } catch {
    return undefined;
  }
}

const bufferLength = getter(ArrayBuffer.prototype, 'byteLength');
const typedArray = protoOf(Uint8Array.prototype) as object;
const viewBuffer = getter(typedArray, 'buffer');
const viewOffset = getter(typedArray, 'byteOffset');
const viewLength = getter(typedArray, 'byteLength');
const dataViewBuffer = getter(DataView.prototype, 'buffer');
const dataViewOffset = getter(DataView.prototype, 'byteOffset');
const dataViewLength = getter(DataView.prototype, 'byteLength');
const bytesSlice = Uint8Array.prototype.slice;

/**
 * The bytes of an ArrayBuffer or a view (typed array, DataView), read through the platform's getters,
 * as a Uint8Array over the page's own buffer; `undefined` for anything else.
 */
export function bytesView(v: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  if (isViewNative(v)) {
    const isData = branded(dataViewBuffer, v) !== undefined;
    if (isData) return new U8(dataViewBuffer(v) as ArrayBuffer, dataViewOffset(v) as number, dataViewLength(v) as number);
    return new U8(viewBuffer(v) as ArrayBuffer, viewOffset(v) as number, viewLength(v) as number);
  }
  if (typeof branded(bufferLength, v) !== 'number') return undefined;
  return new U8(v as ArrayBuffer);
}

/** How many bytes a view over them holds (the page can replace a typed array's length getter). */
export const byteCount = (bytes: Uint8Array): number => viewLength(bytes) as number;

/** bytes[start, end) as a new view over the same buffer, made with the constructor kept (a subarray asks the page's species). */
export const bytesChunk = (bytes: Uint8Array, start: number, end: number): Uint8Array<ArrayBuffer> =>
  new U8(viewBuffer(bytes) as ArrayBuffer, (viewOffset(bytes) as number) + start, end - start);

/** A copy of bytes the page holds (it keeps its buffer; the browser gets this). */
export const copyBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => apply(bytesSlice, bytes, []);

const nodeType = getter(proto('Node'), 'nodeType');
const documentElement = getter(proto('Document'), 'documentElement');
const outerHtml = getter(proto('Element'), 'outerHTML');
const cloneNode = proto('Node') && (proto('Node') as Node).cloneNode;

/** A Document's markup as the browser serializes it for a request body; `undefined` for anything not a Document. */
export function documentMarkup(v: unknown): string | undefined {
  if (branded(nodeType, v) !== 9) return undefined;
  const root = documentElement(v) as Element | null;
  return root ? (outerHtml(root) as string) : '';
}

/** The browser's deep clone of a Document (the page keeps changing its own). */
export const cloneDocument = (d: Document): Document => apply(cloneNode!, d, [true]) as Document;

export const isDocument = (v: unknown): v is Document => branded(nodeType, v) === 9;

const streamLocked = getter(proto('ReadableStream'), 'locked');
export const isReadableStream = (v: unknown): v is ReadableStream => typeof branded(streamLocked, v) === 'boolean';

const attrName = getter(proto('Attr'), 'name');
const attrValue = getter(proto('Attr'), 'value');
const attrOwner = getter(proto('Attr'), 'ownerElement');

/** An Attr's name, value and element as the browser knows them; `undefined` for anything not an Attr. */
export function attrFacts(v: unknown): { name: string; value: string; owner: Element | null } | undefined {
  const name = branded(attrName, v);
  if (typeof name !== 'string') return undefined;
  return { name, value: attrValue(v) as string, owner: attrOwner(v) as Element | null };
}

const elementProto = proto('Element') as Element | undefined;
const getAttrNodeNS = elementProto?.getAttributeNodeNS;
const removeAttrNode = elementProto?.removeAttributeNode;
const setAttrNodeNS = elementProto?.setAttributeNodeNS;

/**
 * Takes the attributes `names` ([namespace, local name]) off `el` and returns what puts the same nodes
 * back, through Element's methods as they were at document_start: no hook judges (or refuses) putting
 * back what the page had written.
 */
export function takeAttributes(el: Element, names: readonly (readonly [string | null, string])[]): () => void {
  const taken: Attr[] = [];
  for (let i = 0; i < names.length; i++) {
    const a = apply<Attr | null>(getAttrNodeNS!, el, [names[i]![0], names[i]![1]]);
    if (!a) continue;
    apply(removeAttrNode!, el, [a]);
    taken[taken.length] = a;
  }
  return () => {
    for (let i = 0; i < taken.length; i++) apply(setAttrNodeNS!, el, [taken[i]]);
  };
}

interface TrustedTypes {
  isHTML(v: unknown): boolean;
  isScript(v: unknown): boolean;
  isScriptURL(v: unknown): boolean;
}
const trusted = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes;
const trustedChecks = trusted ? [trusted.isHTML, trusted.isScript, trusted.isScriptURL] : [];

/** A real Trusted Types value (it cannot change; an enforcing page needs it as it is) — not one that only says so. */
export function isTrustedValue(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  for (let i = 0; i < trustedChecks.length; i++) if (apply(trustedChecks[i]!, trusted, [v])) return true;
  return false;
}

/** Constructors for the copies the hooks hand the browser (a page may replace the window's later). */
export const NativeFormData = FormData;
export const NativeParams = URLSearchParams;
export const NativeHeaders = Headers;

const headersForEach = Headers.prototype.forEach;

/** A Headers object's entries as the browser will send them; `undefined` for anything not a Headers. */
export function headerEntries(v: unknown): [string, string][] | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const out: [string, string][] = [];
  try {
    // add(): an index setter the page put on Array.prototype would swallow a plain assignment
    apply(headersForEach, v, [(value: string, name: string) => add(out, [name, value])]);
  } catch {
    return undefined;
  }
  return out;
}

const NativeURL = URL;
const hrefOf = getter(NativeURL.prototype, 'href');
const baseUri = getter(proto('Document'), 'baseURI');

/** `url` made absolute against the document's base, as the browser will resolve it; unparsable: as it is. */
export function resolveUrl(doc: Document, url: string): string {
  try {
    return hrefOf(new NativeURL(url, baseUri(doc) as string)) as string;
  } catch {
    return url;
  }
}

const elementTagName = getter(proto('Element'), 'tagName');
const elementLocalName = getter(proto('Element'), 'localName');
/** An element's tag and local name as the browser knows them ('' for anything not an Element). */
export const tagNameOf = (el: unknown): string => (branded(elementTagName, el) as string | undefined) ?? '';
export const localNameOf = (el: unknown): string => (branded(elementLocalName, el) as string | undefined) ?? '';
/** A node's type as the browser knows it (undefined for anything not a Node). */
export const nodeTypeOf = (n: unknown): number | undefined => branded(nodeType, n) as number | undefined;

const messageData = getter(proto('MessageEvent'), 'data');
/** A message event's data as the browser delivered it (a page may redefine the getter to say otherwise). */
export const eventData = (e: MessageEvent): unknown => messageData(e);
