/**
 * URLs the browser fetches by itself for an API the page calls, read from the call's options: a
 * FedCM identity provider's config URL (`navigator.credentials.get({ identity })`,
 * `IdentityCredential.disconnect`, `IdentityProvider.getUserInfo`) and a URL-based payment method's
 * manifest (`new PaymentRequest([{ supportedMethods: url }])`, fetched at `canMakePayment()`), and a
 * Background Fetch's requests and icons (`registration.backgroundFetch.fetch(id, requests, { icons })`:
 * the browser downloads them itself, past every request hook of the page).
 * Pure: no DOM; anything that is not the expected shape gives no URL (the browser refuses it too).
 */

const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:/i.test(v.trim());

function list(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object' && Symbol.iterator in v) return Array.from(v as Iterable<unknown>);
  return [];
}

const configUrlOf = (provider: unknown): string[] => {
  const url = (provider as { configURL?: unknown } | null)?.configURL;
  return isUrl(url) ? [url] : [];
};

/** The config URLs of `credentials.get({ identity: { providers } })`. */
export function identityConfigUrls(options: unknown): string[] {
  const identity = (options as { identity?: { providers?: unknown } } | null | undefined)?.identity;
  return list(identity?.providers).flatMap(configUrlOf);
}

/** The config URL of `IdentityCredential.disconnect(options)` / `IdentityProvider.getUserInfo(options)`. */
export const providerConfigUrls = (options: unknown): string[] => configUrlOf(options);

/** The payment method identifiers of a PaymentRequest that are URLs (their manifests are fetched). */
export function paymentMethodUrls(methods: unknown): string[] {
  return list(methods).flatMap((m) => {
    const id = (m as { supportedMethods?: unknown } | null)?.supportedMethods;
    return list(typeof id === 'string' ? [id] : id).filter(isUrl);
  });
}

/**
 * A request as the browser reads it: a Request's url, anything else as a string (a URL object's href,
 * an object's own toString).
 */
const requestUrl = (r: unknown): string[] => {
  if (typeof r === 'string') return [r];
  if (!r || typeof r !== 'object') return [];
  const url = (r as { url?: unknown }).url;
  // the browser stringifies it as String() does: a URL object's href, an object's own toString
  return [typeof url === 'string' ? url : String(r as { toString(): string })]; // eslint-disable-line @typescript-eslint/no-unnecessary-type-assertion
};

/**
 * What `backgroundFetch.fetch(id, requests, options)` downloads: each request (one or a list; relative
 * URLs too, resolved by the judge) and each icon's src.
 */
export function backgroundFetchUrls(requests: unknown, options?: unknown): string[] {
  // one request, or a list of them (a string is one, though it is iterable)
  const reqs = typeof requests === 'object' && requests !== null && Symbol.iterator in requests ? list(requests) : [requests];
  const icons = list((options as { icons?: unknown } | null | undefined)?.icons).flatMap((i) => {
    const src = (i as { src?: unknown } | null)?.src;
    return typeof src === 'string' ? [src] : [];
  });
  return [...reqs.flatMap(requestUrl), ...icons];
}
