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
  /**
   * Where in a structured source the finding stands, when the text was extracted from one (an
   * attachment's sheet and cell, a document's header, a PDF page, an HTML table row). Offsets stay
   * offsets into the scanned text; this says where a person finds the value in the original.
   */
  location?: FindingLocation;
}

/** A finding's place in the original file or page; every field is optional except the summary. */
export interface FindingLocation {
  /** Attachment file name (低保名单.xlsx), when the finding is in an attachment. */
  file?: string;
  /** Spreadsheet: sheet name, cell reference (C7), and whether the sheet, row or column is hidden. */
  sheet?: string;
  cell?: string;
  hidden?: 'sheet' | 'row' | 'column';
  /** Document part: body, header, footer, comment (cell or Word comment), textbox, footnote, properties. */
  part?: 'body' | 'header' | 'footer' | 'comment' | 'textbox' | 'footnote' | 'properties';
  /** 1-based paragraph, table, row and column numbers; the table column's header text. */
  paragraph?: number;
  table?: number;
  row?: number;
  column?: number;
  columnHeader?: string;
  /** 1-based PDF page. */
  page?: number;
  /** How a person reads it, in Chinese: 隐藏工作表「原始」C7, 页眉, 第 3 页, 表格第 3 行「身份证号」. */
  text: string;
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
