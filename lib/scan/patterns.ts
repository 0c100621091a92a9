/**
 * Boundaries for numbers in Chinese text. `\b` does not separate 号 from 6, so digit look-arounds are
 * used instead, and a number is never matched inside a longer run of digits or letters.
 */
export const NOT_AFTER_ALNUM = '(?<![0-9A-Za-z])';
export const NOT_BEFORE_ALNUM = '(?![0-9A-Za-z])';

/**
 * A number followed by a unit of money is an amount, not an identifier. 角 and 分 count only after a
 * decimal part: right after a whole number they start words (13912345678分别…, 转123分机).
 */
export function followedByAmountUnit(text: string, end: number): boolean {
  return /^\s*(?:(?:\.\d+)?\s*(?:元|万元|亿元|万|亿|美元)|\.\d+\s*[角分])/.test(text.slice(end, end + 8));
}

/**
 * Trigger of the number rules (see PatternRule.trigger): each of their patterns needs a run of at
 * least seven digits. Shared, so one pass finds the lines for all of them.
 */
export const DIGIT_RUN_TRIGGER = /\d{7}/;

/**
 * Trigger of the masked-ID rule: only a match with a star in it is reported, and a star is found far
 * faster than a run of digits and stars. Kept apart from DIGIT_RUN_TRIGGER: lists of masked values
 * are long, and the other number rules need not read them.
 */
export const MASKED_TRIGGER = /\*/;
