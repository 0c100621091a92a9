/**
 * URLs the browser fetches by itself for an API the page calls, read from the call's options: a
 * FedCM identity provider's config URL (`navigator.credentials.get({ identity })`,
 * `IdentityCredential.disconnect`, `IdentityProvider.getUserInfo`) and a URL-based payment method's
 * manifest (`new PaymentRequest([{ supportedMethods: url }])`, fetched at `canMakePayment()`), and a
 * Background Fetch's requests and icons (`registration.backgroundFetch.fetch(id, requests, { icons })`:
 * the browser downloads them itself, past every request hook of the page).
 * Pure: no DOM; anything that is not the expected shape gives no URL (the browser refuses it too).
 * The page's guard asks these: the guard's own lists go through the kept built-ins
 * (lib/realm/intrinsics.ts); the page's options are read as the browser reads them, inherited
 * members and the list's own iterator included.
 */
import { add, bare, isArray, listOf, matches, ownIterator, sequence, toText, trim } from '../realm/intrinsics';

const isUrl = (v: unknown): v is string => typeof v === 'string' && matches(/^https?:/i, trim(v));

/** The items of a list the page passed: an array's by index, another iterable's from its iterator; undefined for anything else. */
const itemsOf = (v: unknown): unknown[] | undefined => (isArray(v) ? listOf(v) : sequence(v));
const list = (v: unknown): unknown[] => itemsOf(v) ?? [];

/** `each` of every item of `items`, added to one list. */
function flatten<T>(items: readonly unknown[], each: (item: unknown) => readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const some = each(items[i]);
    for (let j = 0; j < some.length; j++) add(out, some[j]!);
  }
  return out;
}

const configUrlOf = (provider: unknown): string[] => {
  const url = (provider as { configURL?: unknown } | null)?.configURL;
  return isUrl(url) ? [url] : [];
};

/** The config URLs of `credentials.get({ identity: { providers } })`. */
export function identityConfigUrls(options: unknown): string[] {
  const identity = (options as { identity?: { providers?: unknown } } | null | undefined)?.identity;
  return flatten(list(identity?.providers), configUrlOf);
}

/** The config URL of `IdentityCredential.disconnect(options)` / `IdentityProvider.getUserInfo(options)`. */
export const providerConfigUrls = (options: unknown): string[] => configUrlOf(options);

/** The payment method identifiers of a PaymentRequest that are URLs (their manifests are fetched). */
export function paymentMethodUrls(methods: unknown): string[] {
  return flatten(list(methods), (m) => {
    const id = (m as { supportedMethods?: unknown } | null)?.supportedMethods;
    return flatten(typeof id === 'string' ? [id] : list(id), (v) => (isUrl(v) ? [v] : []));
  });
}

/**
 * The arguments `backgroundFetch.fetch(id, requests, options)` is handed, each read once here: a
 * request that is no Request (`isRequest`, a brand check of the page's realm: a look-alike with a
 * `url` is no Request) is made the string the browser would make of it (String(), its toString called
 * once), a list is copied once (an iterable may give other values the second time), and each icon's
 * src is a string. The browser gets these, so what it downloads is what was judged.
 */
export interface BackgroundFetchArgs {
  requests: unknown;
  options: unknown;
  /** what the browser downloads: each request's URL (relative ones too, resolved by the judge) and each icon's src */
  urls: string[];
}

const asString = (v: unknown): string => (typeof v === 'string' ? v : toText(v));

/**
 * The dictionary members `keys` of `from`, each read once as the browser reads them (a getter on a
 * prototype too), into an object without a prototype: the browser reads the copy in turn, and must
 * find no member the page put on Object.prototype (nor call a setter it put there as the copy is made).
 */
function picked(from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = bare({});
  for (let i = 0; i < keys.length; i++) {
    const v = from[keys[i]!];
    if (v !== undefined) out[keys[i]!] = v;
  }
  return out;
}

/** A list handed on to the browser: iterated by its own iterator, never the page's array iterator. */
const handedOn = <T>(items: readonly unknown[], each: (item: unknown) => T): T[] => {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) add(out, each(items[i]));
  return ownIterator(out);
};

export function backgroundFetchArgs(requests: unknown, options: unknown, isRequest: (v: unknown) => v is { url: string }): BackgroundFetchArgs {
  const fixed = (r: unknown): unknown => (isRequest(r) ? r : asString(r));
  // one request, or a list of them (a string is one, though it is iterable)
  const listed = typeof requests === 'object' && requests !== null && !isRequest(requests) ? itemsOf(requests) : undefined;
  const reqs = listed ? handedOn(listed, fixed) : [fixed(requests)];
  const urls: string[] = [];
  for (let i = 0; i < reqs.length; i++) {
    const r = reqs[i];
    add(urls, typeof r === 'string' ? r : (r as { url: string }).url);
  }
  const handed = listed ? reqs : reqs[0];
  if (options === null || typeof options !== 'object') return { requests: handed, options, urls };
  const given = options as Record<string, unknown>;
  const rest = picked(given, ['title', 'downloadTotal']);
  const iconList = given.icons;
  if (iconList === undefined) return { requests: handed, options: rest, urls };
  rest.icons = handedOn(list(iconList), (i) => {
    if (i === null || typeof i !== 'object') return i;
    const icon = picked(i as Record<string, unknown>, ['src', 'sizes', 'type', 'label']);
    if (icon.src !== undefined) icon.src = asString(icon.src);
    if (typeof icon.src === 'string') add(urls, icon.src);
    return icon;
  });
  return { requests: handed, options: rest, urls };
}
