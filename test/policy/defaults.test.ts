import { describe, expect, it } from 'vitest';
import { ARTICLE_7_CATALOGUE } from '../../lib/policy/catalogue';
import { DEFAULT_CMS_MATCHES } from '../../lib/policy/default-origins';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { effectiveRuleSetting, RULE_IDS } from '../../lib/policy/rule-ids';
import { parsePolicy } from '../../lib/policy/validate';
import { rules } from '../../rules';

describe('the default policy', () => {
  it('validates as it is', () => {
    const result = parsePolicy(DEFAULT_POLICY);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.policy).toEqual(DEFAULT_POLICY);
    expect(result.ok && result.migratedFrom).toBeUndefined();
  });

  it('runs on the default CMS origins and has no adapters or reviewers yet', () => {
    expect(DEFAULT_POLICY.origins).toEqual([...DEFAULT_CMS_MATCHES]);
    expect(DEFAULT_POLICY.adapters).toEqual([]);
    expect(DEFAULT_POLICY.reviewers).toEqual([]);
    expect(DEFAULT_POLICY.signoff.validMinutes).toBe(30);
    expect(DEFAULT_POLICY.audit.retentionDays).toBe(365);
  });

  it('enables every registered rule at its own severity; only block rules are hard stops', () => {
    expect(Object.keys(DEFAULT_POLICY.rules).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of rules) {
      expect(DEFAULT_POLICY.rules[rule.id]).toEqual({
        enabled: true,
        severity: rule.defaultSeverity,
        overridable: rule.defaultSeverity !== 'block',
      });
    }
  });

  it('requires all five form fields', () => {
    expect(DEFAULT_POLICY.requiredFields).toEqual(['title', 'channel', 'category', 'disclosure', 'reviewer']);
  });

  it('has the 15 categories of article 7 with ids 01–15, short enough for a select box', () => {
    expect(DEFAULT_POLICY.catalogue.map((c) => c.id)).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(DEFAULT_POLICY.catalogue).toEqual(ARTICLE_7_CATALOGUE);
    for (const c of DEFAULT_POLICY.catalogue) expect(c.name.length).toBeLessThanOrEqual(30);
    expect(DEFAULT_POLICY.catalogue.find((c) => c.id === '06')?.name).toBe('财政预算、决算报告');
  });

  it('marks 规范性文件, 规划 and 财政预决算 as important, all in the catalogue', () => {
    expect(DEFAULT_POLICY.importantCategories).toEqual(['02', '04', '06']);
  });
});

describe('effectiveRuleSetting', () => {
  it('fills what a policy leaves out from the rule, and makes a raised block a hard stop', () => {
    expect(effectiveRuleSetting({}, 'cn-id')).toEqual({ enabled: true, severity: 'block', overridable: false });
    expect(effectiveRuleSetting({ mobile: { severity: 'block' } }, 'mobile')).toEqual({ enabled: true, severity: 'block', overridable: false });
    expect(effectiveRuleSetting({ mobile: { enabled: false } }, 'mobile')).toEqual({ enabled: false, severity: 'warn', overridable: true });
  });
});
