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

const asString = (v: unknown): string => (typeof v === 'string' ? v : String(v as { toString(): string })); // eslint-disable-line @typescript-eslint/no-unnecessary-type-assertion

export function backgroundFetchArgs(requests: unknown, options: unknown, isRequest: (v: unknown) => v is { url: string }): BackgroundFetchArgs {
  const fixed = (r: unknown): unknown => (isRequest(r) ? r : asString(r));
  // one request, or a list of them (a string is one, though it is iterable)
  const many = typeof requests === 'object' && requests !== null && !isRequest(requests) && Symbol.iterator in requests;
  const reqs = many ? list(requests).map(fixed) : [fixed(requests)];
  const urls = reqs.map((r) => (typeof r === 'string' ? r : (r as { url: string }).url));
  if (options === null || typeof options !== 'object') return { requests: many ? reqs : reqs[0], options, urls };
  // the dictionary's members read once each, as the browser reads them (a getter on a prototype too)
  const given = options as Record<string, unknown>;
  const picked = (from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = from[k];
      if (v !== undefined) out[k] = v;
    }
    return out;
  };
  const rest = picked(given, ['title', 'downloadTotal']);
  const iconList = given.icons;
  const icons =
    iconList === undefined
      ? undefined
      : list(iconList).map((i) => {
          if (i === null || typeof i !== 'object') return i;
          const icon = picked(i as Record<string, unknown>, ['src', 'sizes', 'type', 'label']);
          if (icon.src !== undefined) icon.src = asString(icon.src);
          if (typeof icon.src === 'string') urls.push(icon.src);
          return icon;
        });
  return { requests: many ? reqs : reqs[0], options: icons === undefined ? rest : { ...rest, icons }, urls };
}
