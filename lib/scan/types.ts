import type { TextView } from './text-view';

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
  /** The value, when the span holds more than it: a number split by a line break, read joined. */
  value?: string;
}

/** Signals about the whole document, computed once (when first read) and shared by all rules. */
export interface DocSignals {
  /** The text has a table or list of people (a header with 姓名, 户主, 申请人 ...). */
  peopleList: boolean;
  /** The document's head calls it a list of people (公示, 名单, 花名册 ...). */
  listTitle: boolean;
}

export interface RuleContext {
  /**
   * Normalised text (full-width folded, zero-width removed, digit groups joined), read through the
   * few string methods of TextView: during a scan it is normalised piece by piece as it is read.
   */
  text: TextView;
  doc: DocSignals;
}

/**
 * A match handed to check(): `index` is an offset into the whole normalised text. `end` is set when
 * the match is not one piece of that text — a number a line break split, matched joined — and is
 * then where its last piece ends; read it through matchEnd().
 */
export interface Match extends RegExpExecArray {
  end?: number;
}

export function matchEnd(m: Match): number {
  return m.end ?? m.index + m[0].length;
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

/**
 * Which pieces of a draft the engine's single pass (lib/scan/candidates.ts) hands a rule.
 * - numbers: tokens, i.e. maximal runs of [0-9A-Za-z] in the normalised text holding at least seven
 *   digits in a row (with `masked`: runs of [0-9A-Za-z*] holding a digit and a '*' that stands among
 *   seven or more characters of number material, lib/scan/tokens.ts), whose length lies in
 *   `length`. The pattern is tried at the token's start, and at the characters of `lead.chars`
 *   up to `lead.max` before it (the '(' of "(0952)6995536"). Every match check() reports must start
 *   there and cover the token, and its hit spans the match exactly: the engine does not run a
 *   rule's check on a span an earlier rule took with a block, which would win the merge anyway
 *   (test/scan/number-spans.test.ts). Line breaks a number was split by are tried too
 *   (lib/scan/wraps.ts).
 * - words: lines where one of `words` stands in the ORIGINAL text (list full-width forms too, see
 *   wordsInBothWidths(); a word never starts with a digit, '*', X or a separator). The pattern runs
 *   over those lines and the `reach` lines after each; every match check() reports must start on
 *   a line where one of the rule's own words stands. `lineTest`, when given, is asked of each such
 *   line as typed (full-width forms not folded, digit-group separators kept) and must hold for
 *   every line a reported match starts on: a cheap look that spares most lines a trigger stands on
 *   (密 in 国家秘密) being normalised and read by the pattern.
 * Tested against a full pass of every pattern over the whole text in test/scan/single-pass.test.ts.
 */
export type Candidates =
  | {
      numbers: {
        length: readonly [min: number, max: number];
        lead?: { chars: string; max: number };
        masked?: true;
        /**
         * A cheap look at the token text[start, end): true when check() would report nothing there.
         * It reads nothing outside the token but the `lead.max` characters before it: for a rule
         * without lead characters the engine may hand it the text as typed, where the token is
         * plain ASCII (a masked list's rows are let go without normalising their lines).
         */
        quiet?: (text: string, start: number, end: number) => boolean;
      };
    }
  | { words: readonly string[]; reach?: number; lineTest?: (line: string) => boolean };

/** A rule that looks at each match of its pattern (global regex over the normalised text). */
export interface PatternRule extends RuleMeta {
  pattern: RegExp;
  /** Without it the pattern runs over the whole normalised text, which is then built in one piece. */
  candidates?: Candidates;
  check(match: Match, ctx: RuleContext): Hit | null;
}

/** A rule that needs the whole document at once. */
export interface DocumentRule extends RuleMeta {
  checkDocument(ctx: RuleContext): Hit[];
}

export type Rule = PatternRule | DocumentRule;

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };
