/** The data contracts of design.md: other tools read these shapes. */
export type Severity = 'block' | 'warn' | 'info';

export type Kind =
  | 'cn-id'
  | 'phone'
  | 'bank-card'
  | 'classification'
  | 'internal-marker'
  | 'passport'
  | 'hk-macau-pass'
  | 'email'
  | 'uscc-individual'
  | 'word-artifact'
  /** A word the unit's policy lists as sensitive. */
  | 'custom-word';

export interface Finding {
  ruleId: string;
  kind: Kind;
  severity: Severity;
  /** UTF-16 offsets into the ORIGINAL scanned text. */
  start: number;
  end: number;
  /** Masked: never the raw value of a personal identifier. */
  excerpt: string;
  message: string;
}

export interface Localized {
  zh: string;
  en: string;
}

/** What a rule reports for one match, in normalised-text offsets. */
export interface Hit {
  start: number;
  end: number;
  severity: Severity;
  message: Localized;
}

/** Signals about the whole document, computed once and shared by all rules. */
export interface DocSignals {
  /** The text has a table or list of people (a header with 姓名, 户主, 申请人 ...). */
  peopleList: boolean;
}

export interface RuleContext {
  /** Normalised text (full-width folded, zero-width removed, digit groups joined). */
  text: string;
  doc: DocSignals;
}

export interface RuleExamples {
  /** Each string must draw at least one finding of the rule's kind at warn or block. */
  flagged: string[];
  /** Each string must draw no warn or block finding of the rule's kind. */
  quiet: string[];
}

interface RuleMeta {
  id: string;
  kind: Kind;
  defaultSeverity: Severity;
  title: Localized;
  description: Localized;
  examples: RuleExamples;
  /** How a matched value is shown: personal values are masked, markings shown as they are. */
  personal: boolean;
  /** How a personal value is masked for display, if not the default. */
  mask?: (value: string) => string;
}

/** A rule that looks at each match of its pattern (global regex over the normalised text). */
export interface PatternRule extends RuleMeta {
  pattern: RegExp;
  /**
   * Optional: a cheap necessary condition, so `pattern` runs only over the lines that can hold a
   * finding instead of over the whole text. The promise it makes: the pattern never matches across a
   * line break and treats a line start or end like the start or end of the text (no ^, $ or
   * look-arounds that accept '\n'), and every match that check() reports lies on a line holding a
   * match of `trigger` (matches check() rejects may be skipped). Rules sharing a trigger (same source
   * and flags) share its pass. Tested against a full pass in test/scan/trigger.test.ts.
   */
  trigger?: RegExp;
  check(match: RegExpExecArray, ctx: RuleContext): Hit | null;
}

/** A rule that needs the whole document at once. */
export interface DocumentRule extends RuleMeta {
  checkDocument(ctx: RuleContext): Hit[];
}

export type Rule = PatternRule | DocumentRule;

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };
