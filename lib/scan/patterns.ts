/**
 * Boundaries for numbers in Chinese text. `\b` does not separate 号 from 6, so digit look-arounds are
 * used instead, and a number is never matched inside a longer run of digits or letters.
 */
export const NOT_AFTER_ALNUM = '(?<![0-9A-Za-z])';
export const NOT_BEFORE_ALNUM = '(?![0-9A-Za-z])';

/** A number followed by a unit of money is an amount, not an identifier. */
export function followedByAmountUnit(text: string, end: number): boolean {
  return /^\s*(?:\.\d+)?\s*(?:元|万元|亿元|万|亿|美元|角|分)/.test(text.slice(end, end + 6));
}
