import { GROUP_UNITS, INVISIBLE_UNITS, SEPARATOR_UNITS, separatorRemoved } from './normalize';
import type { TextView } from './text-view';

/**
 * The engine's single pass over a draft, shared by every rule: one loop over the characters finds
 * where a finding can be — runs of number material for the number rules, trigger words for the
 * others —, the characters normalisation removes, and the line starts. Everything after it reads
 * only around what it found, so most of a draft (prose) is read once, here.
 *
 * A loop over a table of character classes, rather than regular expressions: one expression with
 * all candidates as alternatives measured five times slower, and separate expressions for numbers,
 * words and invisible characters twice as slow, as V8 skips ahead fast only through patterns whose
 * first characters form a small set (see `npm run bench`).
 */

/** A group character that is no digit: a star or an X. */
const GROUP = 1;
const SEPARATOR = 2;
const NEWLINE = 3;
const INVISIBLE = 4;
const WORD = 5;
/** A digit, of a digit group: a class of its own so that a run's digits in a row are counted from one lookup. */
const DIGIT_GROUP = 6;

/** The class of each UTF-16 unit, as normalize() sees it. */
const BASE_CLASSES = new Uint8Array(0x10000);
const isDigitUnit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
for (const c of GROUP_UNITS) BASE_CLASSES[c] = isDigitUnit(c) ? DIGIT_GROUP : GROUP;
for (const c of SEPARATOR_UNITS) BASE_CLASSES[c] = SEPARATOR;
BASE_CLASSES[0x0a] = NEWLINE;
for (const c of INVISIBLE_UNITS) BASE_CLASSES[c] = INVISIBLE;

/** PassResult.plainStars. */
export const PLAIN = 1;
export const PLAIN_WHOLE = 2;

const isStar = (c: number) => c === 0x2a || c === 0xff0a;

/** At least this many characters of number material (from a group character on) make a run. */
export const MIN_RUN = 7;
/** The digits in a row an unmasked token holds (lib/scan/tokens.ts). */
const MIN_DIGIT_ROW = 7;

/** The rules' trigger words, looked up by their first character. */
export interface WordTable {
  classes: Uint8Array;
  byFirst: Map<number, string[]>;
  /**
   * For a first character, the second character all its words share, or ANY_SECOND: 本, 内 and 外
   * open a word of the pack's (本件, 内部资料, 外传) and a great many that are not. ONLY_ALONE when
   * each of the character's words is the character by itself (密, @), ALONE when one of them is:
   * 密 stands on thousands of prose lines, each a word, not a search.
   */
  second: Uint16Array;
}

const ANY_SECOND = 0xffff;
/** In `second`: each word of the character is the character by itself (密, @): its first on a line is enough. */
const ONLY_ALONE = 0xfffd;
/** In `second`: the character is a word by itself and opens longer words too: a word wherever it stands. */
const ALONE = 0xfffe;

const tables = new Map<string, WordTable>();

/** The table for a set of trigger words (kept: a rule pack built per scan reuses its table). */
export function wordTable(words: readonly string[]): WordTable {
  const key = [...new Set(words)].sort().join('\u0000');
  let table = tables.get(key);
  if (!table) tables.set(key, (table = buildTable(words)));
  return table;
}

function buildTable(words: readonly string[]): WordTable {
  const classes = BASE_CLASSES.slice();
  const byFirst = new Map<number, string[]>();
  for (const w of new Set(words)) {
    const c = w.charCodeAt(0);
    if (w.length === 0 || (BASE_CLASSES[c] !== 0 && BASE_CLASSES[c] !== WORD)) {
      throw new Error(`a trigger word must not be empty or start with a digit, '*', X, a separator or a line break: ${JSON.stringify(w)}`);
    }
    classes[c] = WORD;
    byFirst.set(c, [...(byFirst.get(c) ?? []), w]);
  }
  const second = new Uint16Array(0x10000);
  for (const [c, ws] of byFirst) {
    const seconds = new Set(ws.map((w) => (w.length > 1 ? w.charCodeAt(1) : ANY_SECOND)));
    const alone = ws.filter((w) => w.length === 1).length;
    second[c] = alone === ws.length ? ONLY_ALONE : alone > 0 ? ALONE : seconds.size === 1 ? [...seconds][0]! : ANY_SECOND;
  }
  return { classes, byFirst, second };
}

export interface PassResult {
  /** The text holds invisible characters: scan its full normalisation instead. */
  invisible: boolean;
  /** Offsets of the characters normalisation removes between digit groups, ascending. */
  removed: number[];
  /** Number runs as [start, end) pairs, flat. */
  runs: number[];
  /**
   * For each run, 1 when it may hold seven digits in a row once normalised (digit groups joined by a
   * single separator count as one row; a star, an X or two separators end it), else 0: such a run
   * holds no unmasked token (lib/scan/tokens.ts), only masked ones — a masked list's rows are runs of
   * that kind, and reading them for tokens was a tenth of the scan.
   */
  digitRows: number[];
  /**
   * The runs (their index, as in `digitRows`) holding a '*' or '＊': a masked token's star stands in
   * one (lib/scan/tokens.ts), so only these are read for masked tokens.
   */
  starRuns: number[];
  /**
   * For each entry of `starRuns`, PLAIN when the run may be typed plain: no separator in it removed,
   * and no letter (ASCII or full-width) right before or after it; PLAIN_WHOLE when it is that and
   * holds no separator at all. Typed in ASCII too, its masked tokens are its stretches between
   * separators as typed (PLAIN_WHOLE: the run itself), read without normalising its line; else 0.
   */
  plainStars: number[];
  /**
   * Offsets of trigger words; of a character that is each of its words by itself (密), only the
   * first on each line: word rules read the lines words stand on, and 密 stands a dozen times on a
   * line of prose (国家秘密、商业秘密).
   */
  words: number[];
  /** Offsets of the line starts ('\n' ends a line). */
  lineStarts: number[];
  /**
   * Offsets of the line breaks with a digit on each side (blanks aside) where the digits around may
   * add up to a number (MIN_JOINED): a number may be split there (lib/scan/number-hits.ts).
   */
  edges: number[];
}

/**
 * A list of offsets written over from the start at each pass: its array is kept from one scan to the
 * next and copied out at its length. Grown by push from empty, each of the pass's lists was copied
 * at every doubling, a quarter of what a scan allocated. (Setting an array's length to 0 would give
 * its storage back, hence the count.)
 */
class Offsets {
  private a: number[] = [];
  private n = 0;

  clear(): void {
    this.n = 0;
  }

  get length(): number {
    return this.n;
  }

  /** The last offset pushed, or -1. */
  last(): number {
    return this.n > 0 ? this.a[this.n - 1]! : -1;
  }

  push(v: number): void {
    this.a[this.n++] = v;
  }

  /** The list, copied; the kept array is let go when a very long text made it large. */
  take(): number[] {
    const out = this.a.slice(0, this.n);
    if (this.n > KEEP_ENTRIES) this.a = [];
    return out;
  }
}

const KEEP_ENTRIES = 1 << 16;

type Lists = Record<Exclude<keyof PassResult, 'invisible'>, Offsets>;
const kept: Lists = {
  removed: new Offsets(),
  runs: new Offsets(),
  digitRows: new Offsets(),
  starRuns: new Offsets(),
  plainStars: new Offsets(),
  words: new Offsets(),
  lineStarts: new Offsets(),
  edges: new Offsets(),
};

export function candidatePass(text: string, table: WordTable): PassResult {
  for (const list of Object.values(kept)) list.clear();
  kept.lineStarts.push(0);
  const invisible = passInto(text, table, kept);
  return {
    invisible,
    removed: kept.removed.take(),
    runs: kept.runs.take(),
    digitRows: kept.digitRows.take(),
    starRuns: kept.starRuns.take(),
    plainStars: kept.plainStars.take(),
    words: kept.words.take(),
    lineStarts: kept.lineStarts.take(),
    edges: kept.edges.take(),
  };
}

/**
 * The pass itself, into `out`; true when it met an invisible character (and stopped there). Nothing
 * follows the loop but the return: the optimiser compiles a long loop while it runs, and code after
 * it that has never run would throw the compiled loop away on every call (see normalize.ts).
 */
function passInto(text: string, table: WordTable, out: Lists): boolean {
  const classes = table.classes;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const k = classes[text.charCodeAt(i)]!;
    if (k === 0 || k === SEPARATOR) continue;
    if (k === DIGIT_GROUP || k === GROUP) {
      let e = i + 1;
      // Most runs (an ID in a table cell) hold no separator: those are not read a second time.
      let separators = false;
      let afterSeparator = false;
      let row = k === DIGIT_GROUP ? 1 : 0;
      let longest = row;
      let star = isStar(text.charCodeAt(i));
      for (; e < n; e++) {
        const c = text.charCodeAt(e);
        const ke = classes[c];
        if (ke === DIGIT_GROUP) {
          if (++row > longest) longest = row;
          afterSeparator = false;
        } else if (ke === SEPARATOR) {
          separators = true;
          if (afterSeparator) row = 0;
          afterSeparator = true;
        } else if (ke === GROUP) {
          row = 0;
          star ||= isStar(c);
          afterSeparator = false;
        } else break;
      }
      if (e - i >= MIN_RUN) {
        if (star) out.starRuns.push(out.digitRows.length);
        out.runs.push(i);
        out.runs.push(e);
        out.digitRows.push(longest >= MIN_DIGIT_ROW ? 1 : 0);
        const removed = out.removed.length;
        if (separators) for (let j = i + 1; j < e; j++) if (classes[text.charCodeAt(j)] === SEPARATOR && separatorRemoved(text, j)) out.removed.push(j);
        if (star) out.plainStars.push(plainRun(text, i, e, out.removed.length === removed, separators));
      }
      i = e - 1;
    } else if (k === NEWLINE) {
      out.lineStarts.push(i + 1);
      if (digitsAround(text, i) && mayJoinAcross(text, i)) out.edges.push(i);
    } else if (k === WORD) {
      wordAt(text, i, table, out);
    } else return true;
  }
  return false;
}

/**
 * PassResult.plainStars of the run text[i, e), given whether normalisation keeps all of it and
 * whether it holds a separator. Whether it is typed in ASCII is asked by its reader
 * (lib/scan/tokens.ts), which often need not read it at all.
 */
function plainRun(text: string, i: number, e: number, whole: boolean, separators: boolean): number {
  if (!whole || isLetter(text.charCodeAt(i - 1)) || isLetter(text.charCodeAt(e))) return 0;
  return separators ? PLAIN : PLAIN_WHOLE;
}

/** [A-Za-z] and their full-width forms, which fold to them: a token goes on through them (NaN: no). */
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);

/** Records the trigger word at text[i], if one starts there (the class of text[i] is WORD). */
function wordAt(text: string, i: number, table: WordTable, out: Lists): void {
  const c = text.charCodeAt(i);
  const s2 = table.second[c];
  if (s2 === ONLY_ALONE) {
    const last = out.words.last();
    if (last < out.lineStarts.last() || text.charCodeAt(last) !== c) out.words.push(i);
    return;
  }
  if (s2 === ALONE) {
    out.words.push(i);
    return;
  }
  if (s2 !== ANY_SECOND && text.charCodeAt(i + 1) !== s2) return;
  for (const w of table.byFirst.get(c)!) {
    if (text.startsWith(w, i)) {
      out.words.push(i);
      return;
    }
  }
}

const DIGIT = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const BLANK = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000;

/**
 * The fewest characters a number split by a line break has once joined (the shortest number rule
 * takes seven: a token holds seven digits in a row).
 */
export const MIN_JOINED = 7;

/**
 * Can the digits that end the line before `nl` and the digits (and an ID's closing X) that open the
 * line after it, blanks aside, add up to MIN_JOINED in the normalised text (wrapHits() joins exactly
 * those)? Asked by the pass, so that the many line breaks between table rows (an amount or a masked
 * phone's last four, then a row number) are never looked at again. Counted in the original up to the
 * last digit each way, with the separators among the digits, which normalisation may remove: never
 * fewer than the normalised digits (folding keeps a digit a digit), so no break where wrapHits()
 * could find something is left out. Separators after the last digit are not counted: normalisation
 * removes a separator only before a digit or a star, so they never join.
 */
function mayJoinAcross(text: string, nl: number): boolean {
  let a = nl - 1;
  while (a >= 0 && isBlankUnit(text.charCodeAt(a))) a--;
  let upper = 0;
  for (let n = 1; a >= 0 && isNumberMaterial(text.charCodeAt(a)); a--, n++) if (DIGIT(text.charCodeAt(a))) upper = n;
  let b = nl + 1;
  while (b < text.length && isBlankUnit(text.charCodeAt(b))) b++;
  let lower = 0;
  let afterDigits = b;
  for (let n = 1; b < text.length && isNumberMaterial(text.charCodeAt(b)); b++, n++) {
    if (DIGIT(text.charCodeAt(b))) {
      lower = n;
      afterDigits = b + 1;
    }
  }
  const x = lower > 0 && isX(text.charCodeAt(afterDigits)) ? 1 : 0;
  return upper + lower + x >= MIN_JOINED;
}

const isX = (c: number) => c === 0x58 || c === 0x78 || c === 0xff38 || c === 0xff58;

/** Blank in the normalised text (a space, a tab, a '\r'), or the ideographic space that becomes one. */
const isBlankUnit = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x3000;
const isNumberMaterial = (c: number) => DIGIT(c) || BASE_CLASSES[c] === SEPARATOR;

/**
 * Is there a digit on each side of the line break at `nl` (blanks and a '\r' aside)? Such a break may
 * split a number (lib/scan/wraps.ts).
 */
export function digitsAround(text: TextView | string, nl: number): boolean {
  let a = nl - 1;
  while (a >= 0 && (BLANK(text.charCodeAt(a)) || text.charCodeAt(a) === 0x0d)) a--;
  if (a < 0 || !DIGIT(text.charCodeAt(a))) return false;
  let b = nl + 1;
  while (b < text.length && BLANK(text.charCodeAt(b))) b++;
  return b < text.length && DIGIT(text.charCodeAt(b));
}
