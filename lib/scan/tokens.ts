import { PLAIN, PLAIN_WHOLE } from './candidates';
import type { LineIndex } from './lines';

/**
 * A number token: a maximal run of [0-9A-Za-z] in the normalised text with at least seven digits in a
 * row, or (masked) a maximal run of [0-9A-Za-z*] holding a digit and a '*' that stands among seven
 * or more characters of number material (a masked ID or phone number is all of it: a star between
 * letters, AB*12, is no token). The number rules' look-arounds ((?<![0-9A-Za-z]) ... (?![0-9A-Za-z]))
 * make every match of theirs cover such a token.
 *
 * Seven digits in a row, or a star among number material, lie in one of the pass's runs: a token is
 * found from the runs, by reading only the characters around them, not whole lines (a paragraph with
 * one number in it is read once, by the pass; a masked row's names and banks not at all). Tokens are
 * handed over as they are found, not stored: a draft has tens of thousands of them.
 */
export type OnToken = (start: number, end: number, masked: boolean, line: number, lineText: string, lineStart: number) => void;

const MIN_DIGITS = 7;

// What a token's characters are, looked up by UTF-16 unit below 128 (anything above is none of them):
// a masked list's runs are read here character by character, and a table lookup is one load where
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
 * The maximal runs of [0-9A-Za-z*] holding a '*' and a digit that meet [from, to) of a line (a run
 * of the pass holding a star), from `done` on (the end of the last masked token handed over on this
 * line); returns the new `done`. Read character by character: the regular expression for them (a
 * look-behind and two look-aheads tried at every position of a masked table row) measured costlier
 * than this loop, and allocated a match per token. Only the runs are read, not the names and
 * amounts between them, each character once.
 */
function maskedTokensIn(text: string, from: number, to: number, done: number, line: number, base: number, on: OnToken): number {
  let p = Math.max(from, done);
  // The token the run starts in may open before it, with letters (no number material).
  while (p > done && classOf(text.charCodeAt(p - 1)) !== 0) p--;
  const n = text.length;
  let start = p;
  let seen = 0;
  for (; p <= n; p++) {
    const k = p < n ? classOf(text.charCodeAt(p)) : 0;
    if (k !== 0) {
      if (seen === 0) start = p;
      seen |= k;
      continue;
    }
    if ((seen & (STAR | DIGIT)) === (STAR | DIGIT)) on(base + start, base + p, true, line, text, base);
    seen = 0;
    if (p >= to) break;
  }
  return p;
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

/** The pass's number runs (lib/scan/candidates.ts, PassResult). */
export interface NumberRuns {
  /** [start, end) pairs, flat, ascending, in normalised offsets. */
  runs: readonly number[];
  /** Per run, 1 when it may hold seven digits in a row. */
  digitRows: readonly number[];
  /** The runs holding a star, by index, ascending. */
  starRuns: readonly number[];
  /** Per entry of starRuns, whether that run may be typed plain (PassResult.plainStars). */
  plainStars: readonly number[];
  /** The text the pass read, and the runs' [start, end) pairs in it. */
  read: string;
  runsRead: readonly number[];
}

/** Whether a masked token can be let go unseen: no rule reports anything there. */
export interface LetGo {
  /** Does a rule read masked tokens of this length? */
  fits(length: number): boolean;
  /**
   * Does every rule that fits the token read[start, end) say it reports nothing there? The token is
   * typed plain (ASCII, as the normalised text has it).
   */
  quiet(read: string, start: number, end: number): boolean;
}

/**
 * The tokens of the lines holding the pass's number runs; masked ones only when `masked` (no rule
 * that reads them is on: they are not looked for). A run whose `digitRows` entry is 0 cannot hold
 * seven digits in a row: it is not read for unmasked tokens. A line's masked tokens are handed over
 * after its unmasked ones, read from its runs that hold a star; a plain run's tokens that `letGo`
 * lets go are not handed over at all. A line is normalised only when a token is read from it: most
 * rows of a masked list hold none but masked ones, all let go.
 */
export function numberTokens(lines: LineIndex, runs: NumberRuns, on: OnToken, masked = true, letGo?: LetGo): void {
  const at: LineAt = { lines, line: -1, text: undefined };
  let done = 0;
  // The next run holding a star, as an index into starRuns.
  let star = 0;
  for (let r = 0; r < runs.runs.length; r += 2) {
    const line = lines.lineOf(runs.runs[r]!);
    if (line !== at.line) {
      if (at.line >= 0 && masked) star = maskedOfLine(at, runs, star, r >> 1, on, letGo);
      at.line = line;
      at.text = undefined;
      done = 0;
    }
    if (runs.digitRows[r >> 1] !== 1) continue;
    const text = textOf(at);
    const base = lines.start(line);
    done = tokensIn(text, runs.runs[r]! - base, Math.min(text.length, runs.runs[r + 1]! - base), done, line, base, on);
  }
  if (at.line >= 0 && masked) maskedOfLine(at, runs, star, runs.runs.length >> 1, on, letGo);
}

/** The line being read, and its normalised text once something needed it. */
interface LineAt {
  lines: LineIndex;
  line: number;
  text: string | undefined;
}

const textOf = (at: LineAt) => (at.text ??= at.lines.lineText(at.line));

/** The masked tokens of a line, read from its runs holding a star (starRuns[star], up to run `upTo`); returns the next `star`. */
function maskedOfLine(at: LineAt, runs: NumberRuns, star: number, upTo: number, on: OnToken, letGo: LetGo | undefined): number {
  const { starRuns, runsRead } = runs;
  const base = at.lines.start(at.line);
  let done = 0;
  for (; star < starRuns.length && starRuns[star]! < upTo; star++) {
    const r = starRuns[star]! * 2;
    // A plain run ends at a character that is no token's (no letter, digit or star): a run read
    // after one let go starts its tokens where it would have.
    const plain = letGo ? runs.plainStars[star]! : 0;
    if (plain === PLAIN_WHOLE && wholeLetGo(runs.read, runsRead[r]!, runsRead[r + 1]!, letGo!)) continue;
    if (plain === PLAIN && plainTokensLetGo(runs.read, runsRead[r]!, runsRead[r + 1]!, letGo!)) continue;
    const text = textOf(at);
    done = maskedTokensIn(text, runs.runs[r]! - base, Math.min(text.length, runs.runs[r + 1]! - base), done, at.line, base, on);
  }
  return star;
}

/**
 * Does `letGo` let go the plain run read[from, to) that holds no separator? Its one masked token, if
 * it holds a digit, is the run itself: a length no rule reads is let go unread (a masked phone or
 * card number in a table cell).
 */
function wholeLetGo(read: string, from: number, to: number, letGo: LetGo): boolean {
  if (!letGo.fits(to - from)) return true;
  let units = 0;
  for (let p = from; p < to; p++) units |= read.charCodeAt(p);
  return units < 0x80 && letGo.quiet(read, from, to);
}

/**
 * Does `letGo` let go every masked token of the plain run read[from, to)? When it is typed in ASCII,
 * its tokens are its stretches between separators that hold a star and a digit, as typed; a run
 * with a full-width character (folded in the normalised text) is read the normal way.
 */
function plainTokensLetGo(read: string, from: number, to: number, letGo: LetGo): boolean {
  let start = from;
  let seen = 0;
  for (let p = from; p <= to; p++) {
    const c = p < to ? read.charCodeAt(p) : 0;
    if (c >= 0x80) return false;
    const k = CLASS[c]!;
    if (k !== 0) {
      if (seen === 0) start = p;
      seen |= k;
      continue;
    }
    if ((seen & (STAR | DIGIT)) === (STAR | DIGIT) && letGo.fits(p - start) && !letGo.quiet(read, start, p)) return false;
    seen = 0;
  }
  return true;
}
