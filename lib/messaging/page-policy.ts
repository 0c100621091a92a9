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

/**
 * Asked for by an opaque-origin document that cannot name the page that made it (lib/content/gate/policy-url.ts):
 * answered for its tab's page when the policy covers that, else as covered without an adapter. The
 * browser put the script there only because the maker's origin is registered, so it is a covered page's
 * — or, in Firefox, which registers hosts without ports, a page's on another port of a granted host,
 * whose hidden frame is then guarded too (fail closed).
 */
export const OPAQUE_UNNAMED = 'precheck:opaque-unnamed';

export function pagePolicy(policy: Policy, locked: readonly PolicyKey[], pageUrl: string, tabUrl?: string): PagePolicy {
  const opaque = pageUrl === OPAQUE_UNNAMED;
  const tab = opaque && tabUrl && isCoveredUrl(tabUrl, policy.origins) ? originPage(tabUrl) : null;
  const url = tab ?? pageUrl;
  // Exact port semantics on every browser: on Firefox the scripts also run on the host's other ports
  // (lib/policy/host-access.ts) and must stand down there.
  const covered = opaque || isCoveredUrl(url, policy.origins);
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
    adapter: opaque && !tab ? null : (policy.adapters.find((a) => a.match.some((m) => urlMatches(m, url))) ?? null),
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

/** The origin's root, as an opaque frame with a named maker asks (`http://host:port/`). */
function originPage(url: string): string | null {
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return null;
  }
}
