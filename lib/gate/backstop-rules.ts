/**
 * The network backstop: publish endpoints a site adapter names are blocked by the browser itself
 * (declarativeNetRequest) for every tab, frame, worker and beacon — whatever route page code takes,
 * including ones no page hook sees. After a sign-off the background adds a higher-priority allow for
 * that one tab, for a few seconds.
 */
import type { RequestRule } from './adapter-rules';

/** declarativeNetRequest's rule shape (the parts used here). */
export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'block' | 'allow' | 'modifyHeaders'; responseHeaders?: DnrHeader[] };
  condition: { regexFilter: string; isUrlFilterCaseSensitive?: boolean; requestMethods?: string[]; resourceTypes: string[]; tabIds?: number[]; initiatorDomains?: string[]; requestDomains?: string[] };
}

/** A response header a modifyHeaders rule adds (only ever appended: lib/gate/data-frame-rules.ts). */
export interface DnrHeader {
  header: string;
  operation: 'append';
  value: string;
}

export const RESOURCE_TYPES = ['main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'csp_report', 'media', 'websocket', 'other'];
/**
 * What the backstop blocks: everything but navigations. A form post or a link is judged, cancelably,
 * by the Navigation API's navigate event in the page; a list-page publish of signed items by a link
 * (PbootCMS's status switch) could not wait for the tab's allow to be in place before it leaves.
 */
const BACKSTOP_TYPES = RESOURCE_TYPES.filter((t) => t !== 'main_frame' && t !== 'sub_frame');
export const BLOCK_ID_BASE = 1000;
export const ALLOW_ID_BASE = 100_000;
/** Above the startup lift's allow (priority 6): see lib/gate/startup-rules.ts. */
export const BLOCK_PRIORITY = 7;
export const ALLOW_PRIORITY = 8;

export interface BackstopSource {
  adapters: readonly { publishRequests?: readonly RequestRule[]; listPublish?: readonly RequestRule[] }[];
}

/**
 * The block rules for the policy: one per distinct endpoint rule, for requests from and to the CMS
 * hosts Precheck covers (`hosts`, lib/gate/startup-rules.ts lockdownDomains). Precheck's plain
 * `declarativeNetRequest` permission lets a block act on any site, and an adapter's endpoint pattern
 * (`/admin/publish\.do`) names a path, not a host: another site's requests, or a CMS Precheck does
 * not run on (where no sign-off could release it), are not the backstop's. A rule with a `field`
 * condition is left out: the browser's rules see the URL and method, never the body, and the address
 * it names is shared by the CMS's other actions (EmpireCMS posts 删除, 推荐 and 审核 alike to
 * ecmsinfo.php, WordPress 发布 and 保存草稿 to post.php) — a network block would refuse them all. The
 * page gate, which reads the body, holds such a publish on its own.
 */
export function blockRules(policy: BackstopSource, hosts: readonly string[]): DnrRule[] {
  if (hosts.length === 0) return [];
  const seen = new Set<string>();
  const rules: DnrRule[] = [];
  for (const adapter of policy.adapters) {
    for (const r of [...(adapter.publishRequests ?? []), ...(adapter.listPublish ?? [])]) {
      if (r.field) continue;
      const key = `${r.method ?? ''} ${r.urlPattern}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rules.push({
        id: BLOCK_ID_BASE + rules.length,
        priority: BLOCK_PRIORITY,
        action: { type: 'block' },
        condition: {
          regexFilter: r.urlPattern,
          ...(r.method && { requestMethods: [r.method.toLowerCase()] }),
          resourceTypes: BACKSTOP_TYPES,
          initiatorDomains: [...hosts],
          requestDomains: [...hosts],
        },
      });
    }
  }
  return rules;
}

/**
 * The lowest `n` allow ids not in `used`. Rule ids are 32-bit: an id derived from the tab id would
 * overflow for the large tab ids a long-running browser hands out.
 */
export function freeAllowIds(used: Iterable<number>, n: number): number[] {
  const taken = new Set(used);
  const out: number[] = [];
  for (let id = ALLOW_ID_BASE; out.length < n; id++) if (!taken.has(id)) out.push(id);
  return out;
}

/** The one-tab allows that lift the block rules for a released publish, with ids from freeAllowIds. */
export function allowRules(blocks: readonly DnrRule[], tabId: number, ids: readonly number[]): DnrRule[] {
  return blocks.map((b, i) => ({
    id: ids[i]!,
    priority: ALLOW_PRIORITY,
    action: { type: 'allow' },
    condition: { ...b.condition, tabIds: [tabId] },
  }));
}
