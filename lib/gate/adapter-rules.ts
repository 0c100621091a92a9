/**
 * What the site adapter and the policy tell the gate: which endpoints are draft saves (a name that
 * lets a clean draft be saved), which publish (held until signed, also by the network backstop), how a
 * list-page publish names its items, and whether drafts may hold personal data on the unit's server.
 * A rule may ask for a field the request sends (EmpireCMS's `enews`): it is matched against the
 * decoded body, which the page gate has and the browser's network rules do not.
 */
import { itemIdsOf, listPublishRule } from '../policy/list-publish';
import { compileRequestRule, type RequestParts, type RequestRuleLike, type RuleReading } from '../policy/request-rule';
import type { ListPublishRule } from '../policy/schema';
import { isFileHeaderPart } from './decode';
import type { Decoded } from './types';

export type RequestRule = RequestRuleLike;

export interface PagePolicyLike {
  adapter: {
    publishRequests?: readonly RequestRule[];
    draftRequests?: readonly RequestRule[];
    withdrawRequests?: readonly RequestRule[];
    listPublish?: ListPublishRule[];
  } | null;
  gate?: { draftSaves: 'scan' | 'allow' };
}

/** Decoded text parts as the body record the adapter's id rules read (a repeated name is an array). */
export function bodyRecord(decoded: Decoded): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of [...decoded.parts, ...(decoded.scalars ?? [])]) {
    if (p.name.startsWith('?') || p.name.startsWith('(') || p.name.endsWith('{key}') || isFileHeaderPart(p.name)) continue;
    const prev = out[p.name];
    out[p.name] = prev === undefined ? p.text : Array.isArray(prev) ? [...(prev as string[]), p.text] : [prev, p.text];
  }
  return out;
}

/**
 * One RequestParts per decoded request: the verdict asks several rules about the same request, and
 * each part's spellings (lib/policy/url-spellings.ts) are made once for all of them.
 */
const parts = new WeakMap<Decoded, RequestParts>();
function partsOf(method: string, url: string, decoded: Decoded): RequestParts {
  const known = parts.get(decoded);
  if (known && known.method === method && known.url === url) return known;
  const made = { method, url, body: known?.body ?? bodyRecord(decoded) };
  parts.set(decoded, made);
  return made;
}

type RequestTest = (method: string, url: string, decoded: Decoded) => boolean;

/** `address: 'raw'`: the address as sent only — a draft save is never read from a spelling (that would let more out, not hold more). */
function matcher(rules: readonly RequestRule[], reading: RuleReading): RequestTest {
  const tests = rules.map((r) => compileRequestRule(r, reading));
  return (method, url, decoded) => {
    const req = partsOf(method, url, decoded);
    return tests.some((t) => t(req));
  };
}

export function gatePolicyOf(page: PagePolicyLike) {
  const adapter = page.adapter;
  const lists = adapter?.listPublish ?? [];
  const publishes = [...(adapter?.publishRequests ?? []), ...lists];
  const blockedTests = publishes.filter((r) => !r.field).map((r) => compileRequestRule(r, { address: 'raw' }));
  return {
    draftSaves: page.gate?.draftSaves ?? ('scan' as const),
    // a draft save only when every value of its field says so; a publish when any does
    declaredDraftSave: matcher(adapter?.draftRequests ?? [], { quantifier: 'every', address: 'raw' }),
    // like a draft save, read on the address as sent: a withdrawal lets more out, never holds more
    declaredWithdraw: matcher(adapter?.withdrawRequests ?? [], { quantifier: 'every', address: 'raw' }),
    declaredPublish: matcher(publishes, { quantifier: 'some' }),
    /**
     * The request meets the browser's network block (lib/gate/backstop-rules.ts): a publish rule without
     * a field condition. A rule with one is no network rule, so nothing needs lifting for it.
     */
    networkBlocked: (method: string, url: string): boolean => blockedTests.some((t) => t({ method, url })),
    /** The ids a request names when it is one of the adapter's list-page publish actions, else null. */
    listIds: (method: string, url: string, decoded: Decoded): string[] | null => {
      if (lists.length === 0) return null;
      const req = partsOf(method, url, decoded);
      const rule = listPublishRule({ listPublish: lists }, req);
      return rule ? itemIdsOf(rule.ids, req) : null;
    },
  };
}
