/**
 * What the policy knows about rules, taken from the registry so that adding a rule file is enough:
 * its id becomes a valid policy key and its default severity the default setting.
 */
import { rules } from '../../rules';
import type { Localized, Severity } from '../scan/types';

export const RULE_IDS: readonly string[] = rules.map((r) => r.id);

const byId = new Map(rules.map((r) => [r.id, r]));

export function isRuleId(id: string): boolean {
  return byId.has(id);
}

export function ruleTitle(id: string): Localized | undefined {
  return byId.get(id)?.title;
}

export interface FullRuleSetting {
  enabled: boolean;
  severity: Severity;
  /** May an editor publish past a finding of this rule by giving a reason (instead of fixing it)? */
  overridable: boolean;
}

/** A rule's built-in setting: on, at its default severity; only block findings cannot be overridden. */
export function defaultRuleSetting(id: string): FullRuleSetting {
  const severity = byId.get(id)?.defaultSeverity ?? 'warn';
  return { enabled: true, severity, overridable: severity !== 'block' };
}

/**
 * The setting in force for a rule: the policy's entry over the built-in default, field by field, so
 * a policy written before a rule existed (or one that only changes a severity) still means something.
 */
export function effectiveRuleSetting(
  policyRules: Readonly<Record<string, Partial<FullRuleSetting> | undefined>>,
  id: string,
): FullRuleSetting {
  const own = policyRules[id] ?? {};
  const severity = own.severity ?? defaultRuleSetting(id).severity;
  // A severity raised to block without a word on overriding becomes a hard stop, like a built-in block.
  return { enabled: own.enabled ?? true, severity, overridable: own.overridable ?? severity !== 'block' };
}
