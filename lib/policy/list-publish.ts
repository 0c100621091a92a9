/**
 * List-page publishing by item id (issue 11): which of an adapter's `listPublish` rules a request
 * is, which item ids it names, and which id an edit page / save response gives its item. Pure: the
 * gate hands in the URL, method and decoded body; no DOM, no extension APIs.
 */
import { matchesRequestRule, regex, scalars, type RequestParts } from './request-rule';
import type { ItemIdRule, ItemIdsRule, ListPublishRule, SiteAdapter } from './schema';

export type { RequestParts } from './request-rule';

/**
 * The adapter's list-publish rule this request matches, or undefined. A rule with a `field` condition
 * needs the request's body fields (`req.body`): without them it does not match.
 */
export function listPublishRule(adapter: Pick<SiteAdapter, 'listPublish'>, req: RequestParts): ListPublishRule | undefined {
  return adapter.listPublish?.find((rule) => matchesRequestRule(rule, req));
}

/** The ids a request names, as the rule says where they are. Empty when it names none. */
export function itemIdsOf(ids: ItemIdsRule, req: Pick<RequestParts, 'url' | 'body'>): string[] {
  const query = ids.from === 'body' ? [] : new URL(req.url).searchParams.getAll(ids.name);
  const raw = ids.from === 'query' ? query : [...query, ...scalars(req.body?.[ids.name])];
  const split = ids.separator ? raw.flatMap((v) => v.split(ids.separator!)) : raw;
  const trimmed = split.map((v) => v.trim()).filter((v) => v !== '');
  if (!ids.pattern) return trimmed;
  const re = regex(ids.pattern);
  return trimmed.flatMap((v) => {
    const m = re?.exec(v);
    return m?.[1] ? [m[1]] : [];
  });
}

function atPath(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** The item id a save response gives (JSON path first, then the text pattern), or null. */
export function itemIdFromResponse(rule: ItemIdRule, responseText: string): string | null {
  if (rule.responsePath) {
    try {
      const v = atPath(JSON.parse(responseText), rule.responsePath);
      if ((typeof v === 'string' && v !== '') || typeof v === 'number') return String(v);
    } catch {
      /* not JSON: try the pattern */
    }
  }
  if (rule.responsePattern) return regex(rule.responsePattern)?.exec(responseText)?.[1] ?? null;
  return null;
}

/** The item id the page a released form post led to names, in its address, links or text (adapter's resultPattern), or null. */
export function itemIdFromResultPage(rule: ItemIdRule, page: { url: string; links: readonly string[]; text: string }): string | null {
  const re = rule.resultPattern ? regex(rule.resultPattern) : null;
  if (!re) return null;
  for (const place of [page.url, ...page.links, page.text]) {
    const id = re.exec(place)?.[1];
    if (id) return id;
  }
  return null;
}

/** The item id the edit page's URL names (`?id=42`), or null. */
export function itemIdFromUrl(rule: ItemIdRule, pageUrl: string): string | null {
  if (!rule.urlParam) return null;
  const v = new URL(pageUrl).searchParams.get(rule.urlParam);
  return v && /^\w+$/.test(v) ? v : null;
}
