/**
 * What the site adapter and the policy tell the gate: which endpoints are draft saves (a name that
 * lets a clean draft be saved), which publish (held until signed, also by the network backstop), how a
 * list-page publish names its items, and whether drafts may hold personal data on the unit's server.
 */
import { itemIdsOf, listPublishRule } from '../policy/list-publish';
import type { ListPublishRule } from '../policy/schema';
import type { Decoded } from './types';

export interface RequestRule {
  method?: string;
  urlPattern: string;
}

export interface PagePolicyLike {
  adapter: { publishRequests?: readonly RequestRule[]; draftRequests?: readonly RequestRule[]; listPublish?: ListPublishRule[] } | null;
  gate?: { draftSaves: 'scan' | 'allow' };
}

function matcher(rules: readonly RequestRule[]): (method: string, url: string) => boolean {
  const compiled = rules.flatMap((r) => {
    try {
      return [{ method: r.method?.toUpperCase(), re: new RegExp(r.urlPattern) }];
    } catch {
      return [];
    }
  });
  return (method, url) => compiled.some((r) => (!r.method || r.method === method.toUpperCase()) && r.re.test(url));
}

/** Decoded text parts as the body record the adapter's id rules read (a repeated name is an array). */
export function bodyRecord(decoded: Decoded): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of decoded.parts) {
    if (p.name.startsWith('?') || p.name.startsWith('(') || p.name.endsWith('{key}')) continue;
    const prev = out[p.name];
    out[p.name] = prev === undefined ? p.text : Array.isArray(prev) ? [...(prev as string[]), p.text] : [prev, p.text];
  }
  return out;
}

export function gatePolicyOf(page: PagePolicyLike) {
  const adapter = page.adapter;
  const lists = adapter?.listPublish ?? [];
  return {
    draftSaves: page.gate?.draftSaves ?? ('scan' as const),
    declaredDraftSave: matcher(adapter?.draftRequests ?? []),
    declaredPublish: matcher([...(adapter?.publishRequests ?? []), ...lists]),
    /** The ids a request names when it is one of the adapter's list-page publish actions, else null. */
    listIds: (method: string, url: string, decoded: Decoded): string[] | null => {
      const rule = lists.length > 0 ? listPublishRule({ listPublish: lists }, { url, method }) : undefined;
      return rule ? itemIdsOf(rule.ids, { url, body: bodyRecord(decoded) }) : null;
    },
  };
}
