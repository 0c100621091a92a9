/**
 * Keeps the browser's declarativeNetRequest session rules in line with the policy's adapter publish
 * endpoints, and opens them for one tab for a few seconds after a release there. A regex the browser
 * does not accept (RE2 has no look-around) is skipped and reported; the page-level gate still holds
 * such an endpoint.
 */
import { TICKET_TTL_MS } from '../gate/ticket';
import { ALLOW_ID_BASE, BLOCK_ID_BASE, allowRules, blockRules, freeAllowIds, type BackstopSource, type DnrRule } from '../gate/backstop-rules';
import { lockdownDomains } from '../gate/startup-rules';

export interface DnrApi {
  getSessionRules(): Promise<{ id: number; condition?: { tabIds?: number[] } }[]>;
  updateSessionRules(update: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  getDynamicRules(): Promise<{ id: number }[]>;
  updateDynamicRules(update: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  isRegexSupported?(opts: { regex: string }): Promise<{ isSupported: boolean; reason?: string }>;
}

/**
 * As long as the release ticket lives (lib/content/release.ts, 2 minutes): a publish the page's own
 * script sends is left to the editor to press again within that time. The page gate still judges every
 * request of the tab meanwhile; the allow only stops the browser's own block for that one tab.
 */
const ALLOW_MS = TICKET_TTL_MS + 10_000;

export interface Backstop {
  /** The policy's endpoints, blocked on the CMS origins Precheck covers (its registered, granted origins). */
  sync(policy: BackstopSource, covered: readonly string[]): Promise<void>;
  allowTab(tabId: number): Promise<void>;
}

export function createBackstop(dnr: DnrApi | undefined, onProblem: (message: string) => void): Backstop {
  let blocks: DnrRule[] = [];
  const timers = new Map<number, ReturnType<typeof setTimeout>>();

  async function supported(rules: DnrRule[]): Promise<DnrRule[]> {
    if (!dnr?.isRegexSupported) return rules;
    const out: DnrRule[] = [];
    for (const r of rules) {
      const check = await dnr.isRegexSupported({ regex: r.condition.regexFilter });
      if (check.isSupported) out.push(r);
      else onProblem(`发布地址规则 ${r.condition.regexFilter} 不能用作网络拦截（${check.reason ?? '不支持'}），仅由页面内检查拦截`);
    }
    return out;
  }

  async function closeTab(tabId: number): Promise<void> {
    timers.delete(tabId);
    const ids = (await dnr!.getSessionRules()).filter((r) => r.id >= ALLOW_ID_BASE && r.condition?.tabIds?.includes(tabId)).map((r) => r.id);
    if (ids.length > 0) await dnr!.updateSessionRules({ removeRuleIds: ids });
  }

  async function apply(policy: BackstopSource, covered: readonly string[]): Promise<void> {
    if (!dnr) return;
    blocks = await supported(blockRules(policy, lockdownDomains(covered)));
    // Every block and per-tab allow of the backstop goes (a stale allow never outlives a restart);
    // the startup guard's ids below BLOCK_ID_BASE are not the backstop's.
    const existing = (await dnr.getSessionRules()).map((r) => r.id).filter((id) => id >= BLOCK_ID_BASE);
    await dnr.updateSessionRules({ removeRuleIds: existing, addRules: blocks });
  }

  /** One sync at a time: two at once would each add the same rule ids. */
  let syncing: Promise<void> = Promise.resolve();

  return {
    sync(policy, covered) {
      syncing = syncing.catch(() => undefined).then(() => apply(policy, covered));
      return syncing;
    },
    async allowTab(tabId) {
      if (!dnr || blocks.length === 0) return;
      clearTimeout(timers.get(tabId));
      await closeTab(tabId);
      const used = (await dnr.getSessionRules()).map((r) => r.id);
      await dnr.updateSessionRules({ addRules: allowRules(blocks, tabId, freeAllowIds(used, blocks.length)) });
      timers.set(tabId, setTimeout(() => void closeTab(tabId), ALLOW_MS));
    },
  };
}
