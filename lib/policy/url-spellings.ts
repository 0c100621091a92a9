/**
 * The ways one request to a CMS can be spelled that its router reads alike. An adapter's address rule
 * is written for the spelling the CMS's own pages use; page code may send the same action spelled
 * otherwise, and the CMS does it all the same (the seventeenth probe published unsigned items so):
 * - percent-encoded (`p=%2FContent%2Fmod…`, `m%6Fd`, `checkArchive%73`): every router decodes first;
 * - with path parameters (`check;jsessionid=…`): servlet containers strip them before routing;
 * - with its parameters in the body (`a=pass` posted): PHP's `$_REQUEST`/`$_GPC` and Spring's
 *   `@RequestParam` read the body like the query;
 * - with ThinkPHP/PbootCMS path pairs (`/Content/mod/id/43/field/status/value/1`) reordered, or given
 *   as query parameters instead: the router turns the pairs into the same parameters.
 * Pure string work; an address that does not parse has its own spelling only.
 */

/** A body value longer than this is content, not a routing parameter: never put into a spelling. */
const PARAM_CHARS = 256;

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

type Pair = [key: string, value: string];

function queryPairs(search: string): Pair[] {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const at = p.indexOf('=');
      return at < 0 ? [decode(p), ''] : [decode(p.slice(0, at)), decode(p.slice(at + 1))];
    });
}

function bodyPairs(body: Record<string, unknown> | undefined): Pair[] {
  const out: Pair[] = [];
  for (const [key, raw] of Object.entries(body ?? {})) {
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      if ((typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && String(v).length <= PARAM_CHARS) out.push([key, String(v)]);
    }
  }
  return out;
}

const joined = (pairs: readonly Pair[]): string => pairs.map(([k, v]) => `${k}=${v}`).join('&');
const withQuery = (base: string, pairs: readonly Pair[]): string => (pairs.length > 0 ? `${base}?${joined(pairs)}` : base);

/**
 * A route of path pairs, `/Controller/action/k1/v1/k2/v2`: its head and its pairs, or null when the
 * text is not one (fewer than two segments).
 */
function routePairs(route: string): { head: string; pairs: Pair[] } | null {
  const segments = route.split('/').filter((s) => s !== '');
  if (segments.length < 2) return null;
  const pairs: Pair[] = [];
  for (let i = 2; i + 1 < segments.length; i += 2) pairs.push([segments[i]!, segments[i + 1]!]);
  return { head: `/${segments[0]}/${segments[1]}`, pairs };
}

const byKey = (a: Pair, b: Pair): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The route's pairs folded in with the other parameters, sorted by name: the spelling every order and
 * every split between route and query share. The route is a query value starting with `/` (PbootCMS's
 * `p`, ThinkPHP's `s`) or the path after a script (`admin.php/Content/mod/…`).
 */
function foldedSpelling(origin: string, path: string, query: readonly Pair[], body: readonly Pair[]): string | null {
  const routeAt = query.findIndex(([, v]) => v.startsWith('/'));
  if (routeAt >= 0) {
    const route = routePairs(query[routeAt]![1]);
    if (!route) return null;
    const rest = [...query.filter((_, i) => i !== routeAt), ...body, ...route.pairs].sort(byKey);
    return `${origin}${path}?${query[routeAt]![0]}=${route.head}${rest.length > 0 ? `&${joined(rest)}` : ''}`;
  }
  const script = /^(.*?\.php)(\/.*)$/.exec(path);
  const route = script ? routePairs(script[2]!) : null;
  if (!script || !route) return null;
  return withQuery(`${origin}${script[1]}${route.head}`, [...query, ...body, ...route.pairs].sort(byKey));
}

export function urlSpellings(url: string, body?: Record<string, unknown>): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [url];
  const origin = parsed.origin;
  const path = parsed.pathname
    .split('/')
    .map((segment) => decode(segment.replace(/;.*$/, '')))
    .join('/');
  const query = queryPairs(parsed.search);
  const posted = bodyPairs(body);
  const spellings = new Set([url, withQuery(`${origin}${path}`, query)]);
  if (posted.length > 0) spellings.add(withQuery(`${origin}${path}`, [...query, ...posted]));
  const folded = foldedSpelling(origin, path, query, posted);
  if (folded) spellings.add(folded);
  return [...spellings];
}
