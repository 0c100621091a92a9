import type { LineIndex } from './lines';

/**
 * A number token: a maximal run of [0-9A-Za-z] in the normalised text with at least seven digits in a
 * row, or (masked) a maximal run of [0-9A-Za-z*] holding a '*' and a digit. The number rules'
 * look-arounds ((?<![0-9A-Za-z]) ... (?![0-9A-Za-z])) make every match of theirs cover such a token.
 *
 * Seven digits in a row are number material, so they lie in one of the pass's runs: a token is found
 * from the runs, by reading only the characters around them, not whole lines (a paragraph with one
 * number in it is read once, by the pass). Masked tokens are read from the lines holding a '*',
 * character by character. Tokens are handed over as they are found, not stored: a draft has tens
 * of thousands of them.
 */
export type OnToken = (start: number, end: number, masked: boolean, line: number, lineText: string, lineStart: number) => void;

const MIN_DIGITS = 7;

// What a token's characters are, looked up by UTF-16 unit below 128 (anything above is none of them):
// a masked list's lines are read here character by character, and a table lookup is one load where
// the range tests were a chain of compares.
const DIGIT = 1;
const LETTER = 2;
const STAR = 4;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = CLASS[c + 32] = LETTER;
CLASS[42] = STAR;
const classOf = (c: number) => (c < 128 ? CLASS[c]! : 0);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => (classOf(c) & (DIGIT | LETTER)) !== 0;

/**
 * The maximal runs of [0-9A-Za-z*] holding a '*' and a digit, read character by character: the
 * regular expression for them (a look-behind and two look-aheads tried at every position of a
 * masked table row) measured costlier than this loop, and allocated a match per token. The line is
 * read once from the token of its first '*' on, not searched for each '*' again: a masked row holds
 * a star in nearly every token, and a search is a call that costs more than the characters it skips.
 */
function maskedTokens(text: string, line: number, base: number, on: OnToken): void {
  const first = text.indexOf('*');
  if (first < 0) return;
  let start = first;
  while (start > 0 && classOf(text.charCodeAt(start - 1)) !== 0) start--;
  const n = text.length;
  let seen = 0;
  for (let p = start; p <= n; p++) {
    const k = p < n ? classOf(text.charCodeAt(p)) : 0;
    if (k !== 0) {
      if (seen === 0) start = p;
      seen |= k;
      continue;
    }
    if ((seen & (STAR | DIGIT)) === (STAR | DIGIT)) on(base + start, base + p, true, line, text, base);
    seen = 0;
  }
}

/**
 * The unmasked tokens that hold seven digits in a row inside [from, to) of a line, from `done` on
 * (the end of the last token handed over on this line). Returns the new `done`.
 */
function tokensIn(text: string, from: number, to: number, done: number, line: number, base: number, on: OnToken): number {
  let digits = 0;
  for (let p = Math.max(from, done); p < to; p++) {
    if (!isDigit(text.charCodeAt(p))) {
      digits = 0;
      continue;
    }
    if (++digits < MIN_DIGITS) continue;
    let start = p + 1 - MIN_DIGITS;
    while (start > 0 && isAlnum(text.charCodeAt(start - 1))) start--;
    let end = p + 1;
    while (end < text.length && isAlnum(text.charCodeAt(end))) end++;
    on(base + start, base + end, false, line, text, base);
    done = p = end;
    digits = 0;
  }
  return done;
}

/**
 * The tokens of the lines holding the pass's number runs (normalised [start, end) pairs, flat,
 * ascending); masked ones only when `masked` (no rule that reads them is on: they are not looked for).
 * A run whose `digitRows` entry is 0 cannot hold seven digits in a row: it is not read for unmasked
 * tokens, only its line for masked ones.
 */
export function numberTokens(lines: LineIndex, runs: readonly number[], digitRows: readonly number[], on: OnToken, masked = true): void {
  let last = -1;
  let text = '';
  let base = 0;
  let done = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const line = lines.lineOf(runs[r]!);
    if (line !== last) {
      if (masked && last >= 0) maskedTokens(text, last, base, on);
      last = line;
      text = lines.lineText(line);
      base = lines.start(line);
      done = 0;
    }
    if (digitRows[r >> 1] === 1) done = tokensIn(text, runs[r]! - base, Math.min(text.length, runs[r + 1]! - base), done, line, base, on);
  }
  if (masked && last >= 0) maskedTokens(text, last, base, on);
}
