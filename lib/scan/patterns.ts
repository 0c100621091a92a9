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
  // Asked of every number: the first character after the blanks (a tab, a comma) nearly always says no.
  const limit = Math.min(text.length, end + AMOUNT_WINDOW);
  let p = end;
  while (p < limit && isJsSpace(text.charCodeAt(p))) p++;
  if (p >= limit || !AMOUNT_STARTS.has(text.charCodeAt(p))) return false;
  return AMOUNT_UNIT.test(text.slice(end, end + AMOUNT_WINDOW));
}

/**
 * Does a currency sign (¥ or ￥), then only blanks, stand in the `width` characters before `start`?
 * What /[¥￥]\s*$/ says of that window, read in place: asked of every card and mobile number.
 */
export function precededByCurrency(text: TextView, start: number, width: number): boolean {
  const from = Math.max(0, start - width);
  let p = start - 1;
  while (p >= from && isJsSpace(text.charCodeAt(p))) p--;
  if (p < from) return false;
  const c = text.charCodeAt(p);
  return c === 0xa5 || c === 0xffe5;
}

/**
 * Can a number rule's match cover the token text[start, ...)? Only when the token opens with one of
 * `first` or one of the rule's lead characters `lead` stands up to `max` characters before it (the
 * engine tries the pattern there, lib/scan/number-rules.ts). For a `quiet` test: most tokens of a
 * draft are tried by the phone rules, and a pattern that fails still costs a call into the engine.
 */
export function mayOpenAt(text: string, start: number, first: string, lead: string, max: number): boolean {
  if (oneOf(first, text.charCodeAt(start))) return true;
  for (let p = Math.max(0, start - max); p < start; p++) if (oneOf(lead, text.charCodeAt(p))) return true;
  return false;
}

function oneOf(chars: string, c: number): boolean {
  for (let i = 0; i < chars.length; i++) if (chars.charCodeAt(i) === c) return true;
  return false;
}

const AMOUNT_WINDOW = 8;
const AMOUNT_UNIT = /^\s*(?:(?:\.\d+)?\s*(?:元|万元|亿元|万|亿|美元)|\.\d+\s*[角分])/;
/** What AMOUNT_UNIT can find first after its blanks: a decimal point or a unit's first character. */
const AMOUNT_STARTS = new Set(['.', '元', '万', '亿', '美'].map((c) => c.charCodeAt(0)));

/** Is `c` matched by a regular expression's \s (ECMAScript WhiteSpace and LineTerminator)? */
export function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Words for a rule's `words` trigger (looked for in the original text), each as typed and in full
 * width (ＭＥＲＧＥＦＯＲＭＡＴ). A word typed half in one width and half in the other is not looked for.
 */
export function wordsInBothWidths(words: readonly string[]): string[] {
  const full = (w: string) => w.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return words.flatMap((w) => (full(w) === w ? [w] : [w, full(w)]));
}
