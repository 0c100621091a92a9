import { describe, expect, it } from 'vitest';
import { scan } from '../../lib/scan/engine';
import type { Finding, Rule, Severity } from '../../lib/scan/types';

export interface FlaggedCase {
  text: string;
  severity: Severity;
  /** The part of `text` the finding must cover; the whole text if omitted. */
  value?: string;
}

export interface RuleTable {
  /** Texts where the rule must report `value` at exactly `severity`. */
  flagged: FlaggedCase[];
  /** Texts where the rule must report nothing at warn or block (info is allowed). */
  quiet: string[];
}

function findingsOf(rule: Rule, text: string): Finding[] {
  return scan(text, { rules: [rule] }).filter((f) => f.ruleId === rule.id);
}

/** The table test every rule has beside it, in the style of ESLint's RuleTester. */
export function runRuleTable(rule: Rule, table: RuleTable): void {
  describe(`rule ${rule.id}`, () => {
    it.each(table.flagged)('flags %j', ({ text, severity, value }) => {
      const findings = findingsOf(rule, text);
      const wanted = value ?? text;
      const at = text.indexOf(wanted);
      expect(at, `value ${wanted} must occur in the text`).toBeGreaterThanOrEqual(0);
      const hit = findings.find((f) => f.start < at + wanted.length && at < f.end);
      expect(hit, `no finding over ${wanted}; got ${JSON.stringify(findings)}`).toBeDefined();
      expect(hit!.severity).toBe(severity);
      expect(hit!.kind).toBe(rule.kind);
      if (rule.personal && wanted.length >= 6) expect(hit!.excerpt).not.toContain(wanted);
    });
    it.each(table.quiet.map((t) => [t]))('stays quiet on %j', (text) => {
      const loud = findingsOf(rule, text).filter((f) => f.severity !== 'info');
      expect(loud).toEqual([]);
    });
  });
}
