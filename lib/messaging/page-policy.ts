/**
 * What a content script needs to know about the page it runs in: whether the policy covers it, the
 * site adapter for it, and the settings the scan and the sign-off use. Never the PIN records: a page's
 * content script has no business with them.
 */
import { parseMatchPattern } from '../policy/match-pattern';
import { effectiveRuleSetting, RULE_IDS, type FullRuleSetting } from '../policy/rule-ids';
import type { Policy, PolicyKey, Reviewer, SiteAdapter } from '../policy/schema';

export interface PagePolicy {
  /** The URL lies inside one of the policy's origins. When false, everything else is empty. */
  covered: boolean;
  /** The first adapter whose `match` covers the URL, or null (the built-in editor detection applies). */
  adapter: SiteAdapter | null;
  /** Every known rule with its setting in force (policy entry over the built-in default). */
  rules: Record<string, FullRuleSetting>;
  allowList: Policy['allowList'];
  customWords: Policy['customWords'];
  requiredFields: Policy['requiredFields'];
  catalogue: Policy['catalogue'];
  importantCategories: Policy['importantCategories'];
  /** The roster without PIN records. */
  reviewers: Omit<Reviewer, 'pin'>[];
  signoff: Policy['signoff'];
  /** How large an attachment may be before it is reported as not scanned. */
  attachments: Policy['attachments'];
  /** Top-level keys set by managed policy. */
  locked: PolicyKey[];
}

function globToRegExp(path: string): RegExp {
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Does the match pattern (the manifest's syntax, http(s) only) match this URL? */
export function urlMatches(patternText: string, url: string): boolean {
  const parsed = parseMatchPattern(patternText, false);
  if (!parsed.ok) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const { scheme, host, port, path } = parsed.pattern;
  const urlScheme = u.protocol.slice(0, -1);
  if (urlScheme !== 'http' && urlScheme !== 'https') return false;
  if (scheme !== '*' && scheme !== urlScheme) return false;
  const urlHost = u.hostname.toLowerCase();
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    if (urlHost !== base && !urlHost.endsWith(`.${base}`)) return false;
  } else if (urlHost !== host) {
    return false;
  }
  if (port !== undefined) {
    const urlPort = u.port === '' ? (urlScheme === 'https' ? 443 : 80) : Number(u.port);
    if (urlPort !== port) return false;
  }
  return globToRegExp(path).test(u.pathname + u.search);
}

export function isCovered(policy: Policy, url: string): boolean {
  return policy.origins.some((o) => urlMatches(o, url));
}

export function pagePolicy(policy: Policy, locked: readonly PolicyKey[], url: string): PagePolicy {
  const covered = isCovered(policy, url);
  const rules = Object.fromEntries(RULE_IDS.map((id) => [id, effectiveRuleSetting(policy.rules, id)]));
  if (!covered) {
    return {
      covered,
      adapter: null,
      rules,
      allowList: { phones: [], emails: [] },
      customWords: [],
      requiredFields: [],
      catalogue: [],
      importantCategories: [],
      reviewers: [],
      signoff: policy.signoff,
      attachments: policy.attachments,
      locked: [...locked],
    };
  }
  return {
    covered,
    adapter: policy.adapters.find((a) => a.match.some((m) => urlMatches(m, url))) ?? null,
    rules,
    allowList: policy.allowList,
    customWords: policy.customWords,
    requiredFields: policy.requiredFields,
    catalogue: policy.catalogue,
    importantCategories: policy.importantCategories,
    reviewers: policy.reviewers.map(({ pin: _pin, ...rest }) => rest),
    signoff: policy.signoff,
    attachments: policy.attachments,
    locked: [...locked],
  };
}
