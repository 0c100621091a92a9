import type { PagePolicy } from '../messaging/page-policy';
import type { RuleSetting, ScanOptions } from '../scan/engine';
import type { Kind, Rule } from '../scan/types';
import { normalizeEmail, normalizePhone } from './allow-list';
import { customWordRule } from './custom-word-rule';

/** Strips an extension (转123, 分机123, ext.123) so an office line matches with or without it. */
const withoutExtension = (phone: string) => phone.replace(/(?:转|分机|ext\.?|-)\d{1,6}$/i, '');

/**
 * What a page's policy means for the scanner. A severity set in the policy replaces the rule's own
 * only when it differs from the rule's default: rules such as `mobile` report block in a list of
 * people and warn elsewhere, and a policy that merely restates the default must not flatten that.
 */
export function scanOptionsFromPolicy(page: Pick<PagePolicy, 'rules' | 'allowList' | 'customWords'>, pack: readonly Rule[]): ScanOptions {
  const settings: Record<string, RuleSetting> = {};
  for (const rule of pack) {
    const s = page.rules[rule.id];
    if (!s) continue;
    settings[rule.id] = { enabled: s.enabled, ...(s.severity !== rule.defaultSeverity && { severity: s.severity }) };
  }
  const phones = new Set(page.allowList.phones);
  const emails = new Set(page.allowList.emails);
  // Asked of every finding (thousands in a 1 MB list): an empty list is not asked at all.
  const allow = (kind: Kind, value: string) =>
    (kind === 'phone' && phones.size > 0 && (phones.has(normalizePhone(value)) || phones.has(withoutExtension(normalizePhone(value))))) ||
    (kind === 'email' && emails.size > 0 && emails.has(normalizeEmail(value)));
  const custom = customWordRule(page.customWords);
  return { rules: custom ? [...pack, custom] : pack, settings, ...((phones.size > 0 || emails.size > 0) && { allow }) };
}
