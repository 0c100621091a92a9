/**
 * What the site adapter and the policy tell the gate: which endpoints are draft saves (a name that
 * lets a clean draft be saved), which publish (held until signed, also by the network backstop), and
 * whether drafts may hold personal data on the unit's own server.
 */
export interface RequestRule {
  method?: string;
  urlPattern: string;
}

export interface PagePolicyLike {
  adapter: { publishRequests?: readonly RequestRule[]; draftRequests?: readonly RequestRule[]; listPublish?: readonly { urlPattern: string; method?: string; idParams?: readonly string[] }[] } | null;
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

export function gatePolicyOf(page: PagePolicyLike) {
  const adapter = page.adapter;
  const lists = adapter?.listPublish ?? [];
  return {
    draftSaves: page.gate?.draftSaves ?? ('scan' as const),
    declaredDraftSave: matcher(adapter?.draftRequests ?? []),
    declaredPublish: matcher([...(adapter?.publishRequests ?? []), ...lists]),
    itemIdNames: lists.flatMap((l) => l.idParams ?? []),
  };
}
