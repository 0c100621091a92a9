import type { TextView } from './text-view';

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
export function followedByAmountUnit(text: TextView, end: number): boolean {
  return /^\s*(?:(?:\.\d+)?\s*(?:元|万元|亿元|万|亿|美元)|\.\d+\s*[角分])/.test(text.slice(end, end + 8));
}

/**
 * Words for a rule's `words` trigger (looked for in the original text), each as typed and in full
 * width (ＭＥＲＧＥＦＯＲＭＡＴ). A word typed half in one width and half in the other is not looked for.
 */
export function wordsInBothWidths(words: readonly string[]): string[] {
  const full = (w: string) => w.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return words.flatMap((w) => (full(w) === w ? [w] : [w, full(w)]));
}
