/**
 * What a content script needs to know about the page it runs in: whether the policy covers it, the
 * site adapter for it, and the settings the scan and the sign-off use. Never the PIN records: a page's
 * content script has no business with them.
 */
import { isCoveredUrl, urlMatches } from '../policy/host-access';
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
  gate: Policy['gate'];
  /** How large an attachment may be before it is reported as not scanned. */
  attachments: Policy['attachments'];
  /** Top-level keys set by managed policy. */
  locked: PolicyKey[];
}

export function pagePolicy(policy: Policy, locked: readonly PolicyKey[], url: string): PagePolicy {
  // Exact port semantics on every browser: on Firefox the scripts also run on the host's other ports
  // (lib/policy/host-access.ts) and must stand down there.
  const covered = isCoveredUrl(url, policy.origins);
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
      gate: policy.gate,
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
    gate: policy.gate,
    attachments: policy.attachments,
    locked: [...locked],
  };
}
