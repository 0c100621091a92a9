/**
 * Page values read once. A hook judges what the page hands in and then hands it to the browser, which
 * reads it again: an object whose toString or getter answers differently the second time, or a body,
 * URL or Headers the page changes after the call (fetch and XHR wait for their verdict), showed the
 * judge one text and sent another (a probe got the draft past nearly every hook so). What is judged is
 * read once here, and that copy — not the page's object — is what the browser gets.
 */

import { apply, isArray, toText } from '../../../realm/intrinsics';
import { dictionaryOnce } from './copies';
import { blobFacts, bytesView, cloneDocument, copyBytes, formDataEntries, isDocument, isReadableStream, isTrustedValue, NativeFormData, NativeHeaders, NativeParams, paramsText } from '../natives';


/**
 * An object as the string the browser would make of it, once; a primitive converts the same way every
 * time and is left. A Trusted Types value cannot change and is handed on as it is (a string would fail
 * an enforcing page) — a real one, not an object that only calls itself so.
 */
export function once(value: unknown): unknown {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return value;
  return isTrustedValue(value) ? value : toText(value);
}

/** Which arguments a hook reads once: these indices, or every one from `from` on (document.write, Typed OM's set). */
export type Indices = readonly number[] | { readonly from: number };

export const argsFrom = (from: number): Indices => ({ from });

/** once() of the arguments at `indices`, in place. */
export function onceAt(args: unknown[], indices: Indices): void {
  if (!isArray(indices)) {
    for (let i = (indices as { from: number }).from; i < args.length; i++) args[i] = once(args[i]);
    return;
  }
  const at = indices as readonly number[];
  for (let k = 0; k < at.length; k++) if (at[k]! < args.length) args[at[k]!] = once(args[at[k]!]);
}

/**
 * A request body as it is now, in a copy the page holds no reference to: FormData, URLSearchParams
 * and bytes copied, a Document cloned, Blobs (immutable) and streams (never read) kept; anything else
 * is sent as its string, as fetch and XHR would make it. What it is, is asked of the browser
 * (../natives.ts), not of the object's tag.
 */
export function bodyOnce(body: unknown): unknown {
  if (body === null || body === undefined || typeof body === 'string') return body;
  const entries = formDataEntries(body);
  if (entries) return formDataOf(entries);
  const params = paramsText(body);
  if (params !== undefined) return new NativeParams(params);
  const bytes = bytesView(body);
  if (bytes) return copyBytes(bytes);
  if (blobFacts(body) || isReadableStream(body)) return body;
  if (isDocument(body)) return cloneDocument(body);
  return toText(body);
}

// eslint-disable-next-line @typescript-eslint/unbound-method -- applied to its own FormData
const appendEntry = NativeFormData.prototype.append;

/**
 * A FormData of these entries. Each file value is a File already, which FormData keeps as it is when
 * no name is given: the same object, its name, and what hooks/blobs.ts knows of it (the piece of a
 * file it was cut from) with it.
 */
function formDataOf(entries: [string, FormDataEntryValue][]): FormData {
  const copy = new NativeFormData();
  for (let i = 0; i < entries.length; i++) apply(appendEntry, copy, entries[i]!);
  return copy;
}

/**
 * A fetch's init as it is now: every property the browser would read (own or inherited, each getter
 * asked once), the body copied, the headers taken into a Headers kept at document_start. Read for the judge
 * and handed to the browser in place of the page's.
 */
export function initOnce(init: RequestInit | undefined): RequestInit | undefined {
  if (init === undefined || init === null || typeof init !== 'object') return init;
  // Without a prototype, each member read once (./copies.ts): a member it lacks must not be found on
  // the page's Object.prototype, whose getter could answer the browser otherwise.
  const copy = dictionaryOnce(init, INIT_KEYS);
  if (copy.body !== undefined) copy.body = bodyOnce(copy.body);
  if (copy.headers !== undefined && copy.headers !== null) copy.headers = new NativeHeaders(copy.headers as HeadersInit);
  if (copy.method !== undefined) copy.method = once(copy.method);
  if (copy.referrer !== undefined) copy.referrer = once(copy.referrer);
  return copy;
}

/** RequestInit's members (non-enumerable ones too: the browser reads them by name). */
const INIT_KEYS = ['method', 'headers', 'body', 'referrer', 'referrerPolicy', 'mode', 'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'signal', 'duplex', 'priority', 'window', 'attributionReporting', 'browsingTopics', 'privateToken', 'targetAddressSpace', 'activateAfter'];
