/**
 * Text normalisation with an exact map back to the original offsets.
 *
 * - Full-width forms (U+FF01–U+FF5E) and the ideographic space fold to ASCII, as NFKC does. They map
 *   one UTF-16 unit to one, so offsets do not move.
 * - Zero-width and format characters are removed, and so is a single space or hyphen between two
 *   short digit groups (139 1234 5678, 6228-4809-0636-9142) in a run of at least seven characters
 *   of number material: a number typed with separators, or with invisible characters pasted inside
 *   it, is seen as the one number it is. Shorter runs ("第 1 2 组") hold nothing a rule reports and
 *   keep their separators, so the engine's pass need look at long runs only (lib/scan/candidates.ts).
 *
 * Only removals shift offsets, so the map is the sorted list of removal points: memory grows with the
 * number of edits, not with the text. A text without a character that could be folded or removed is
 * returned as it is, not copied.
 */
export interface Normalized {
  text: string;
  /** removedAt[k]: normalised offset at which the k-th removed character stood (non-decreasing). */
  removedAt: number[];
}

const DIGIT_GROUP_MAX = 8;

// What the separator checks ask of a character, by UTF-16 unit: the pass calls them for every
// separator inside a number run (a masked list's columns are runs of digits, stars and spaces), and a
// one-character regex test per unit read cost an eighth of the pass.
/** Digit-group characters, separators between groups and invisible characters, as UTF-16 units (the pass, lib/scan/candidates.ts, classes them alike). */
export const GROUP_UNITS: readonly number[] = Array.from('0123456789０１２３４５６７８９*＊XxＸｘ', (c) => c.charCodeAt(0));
export const SEPARATOR_UNITS: readonly number[] = [0x20, 0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x3000, 0xff0d];
export const INVISIBLE_UNITS: readonly number[] = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
const OTHER = 0;
/** [0-9０-９*＊XxＸｘ]: a character of a digit group. */
const GROUP = 1;
/** Zero-width and format characters: skipped wherever groups are counted. */
const IGNORABLE = 2;
/** [ \-\u2010-\u2015\u2212\u3000\uFF0D]: what may stand between two groups. */
const GAP = 3;
const KIND = new Uint8Array(0x10000);
for (const c of GROUP_UNITS) KIND[c] = GROUP;
for (const c of INVISIBLE_UNITS) KIND[c] = IGNORABLE;
for (const c of SEPARATOR_UNITS) KIND[c] = GAP;

/** Length of the digit group ending just before `i` (skipping invisible characters), capped. */
function groupLengthBefore(s: string, i: number): number {
  let n = 0;
  for (let k = i - 1; k >= 0 && n <= DIGIT_GROUP_MAX; k--) {
    const kind = KIND[s.charCodeAt(k)];
    if (kind === GROUP) n++;
    else if (kind !== IGNORABLE) break;
  }
  return n;
}

function groupLengthAfter(s: string, i: number): number {
  let n = 0;
  for (let k = i + 1; k < s.length && n <= DIGIT_GROUP_MAX; k++) {
    const kind = KIND[s.charCodeAt(k)];
    if (kind === GROUP) n++;
    else if (kind !== IGNORABLE) break;
  }
  return n;
}

const MIN_RUN = 7;

/**
 * Is the separator at `i` in a run of at least MIN_RUN characters of number material (group
 * characters and separators), counted from the run's first group character? Reads at most
 * MIN_RUN characters each way.
 */
function inLongRun(s: string, i: number): boolean {
  let right = 0;
  for (let k = i; k < s.length && right < MIN_RUN; k++) {
    const kind = KIND[s.charCodeAt(k)];
    if (kind === IGNORABLE) continue;
    if (kind === OTHER) break;
    right++;
  }
  // Separators count only once a group character stands before them.
  let left = 0;
  let pending = 0;
  for (let k = i - 1; k >= 0 && left + right < MIN_RUN; k--) {
    const kind = KIND[s.charCodeAt(k)];
    if (kind === IGNORABLE) continue;
    if (kind === GROUP) {
      left += pending + 1;
      pending = 0;
    } else if (kind === GAP) pending++;
    else break;
  }
  return left + right >= MIN_RUN;
}

/** Cheap test for "nothing to do": no character that could be folded or removed (see normalize()). */
const MAY_EDIT = /[\u00AD\u200B-\u200D\u2060\uFEFF\u3000\uFF01-\uFF5E]|[0-9*Xx][ \-\u2010-\u2015\u2212][0-9*]/;

// What normalize() does with each UTF-16 unit, looked up in tables: the loop runs over every
// character of every draft, and a lookup is cheaper than a chain of range tests.
/** The unit each unit becomes when kept: full-width forms fold to ASCII, the ideographic space to a space. */
const FOLDED = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLDED[c] = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
FOLDED[0x3000] = 0x20;
/** Units that may be removed: always (zero-width), or between two digit groups (separators). */
const REMOVABLE = new Uint8Array(0x10000);
const KEEP = 0;
const ZERO_WIDTH = 1;
const SEPARATOR = 2;
for (const c of INVISIBLE_UNITS) REMOVABLE[c] = ZERO_WIDTH;
for (const c of SEPARATOR_UNITS) REMOVABLE[c] = SEPARATOR;

/** [0-9０-９*＊]: what may follow a separator that is removed. */
function startsGroup(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || c === 0x2a || c === 0xff0a;
}

/**
 * A separator is removed only before a digit or mask; what stands before it (a group, perhaps with
 * invisible characters pasted in) and the group lengths are checked by hand. Kept out of the loop
 * in normalize(): it is the rare path, and the loop stays small for the optimiser. Exported for the
 * engine's single pass, which decides the same for the separators it meets in number runs.
 */
export function separatorRemoved(s: string, i: number): boolean {
  // Invisible characters between the separator and the next group are skipped, as everywhere else.
  let next = i + 1;
  while (next < s.length && KIND[s.charCodeAt(next)] === IGNORABLE) next++;
  if (next >= s.length || !startsGroup(s.charCodeAt(next))) return false;
  const before = groupLengthBefore(s, i);
  return before > 0 && before <= DIGIT_GROUP_MAX && groupLengthAfter(s, i) <= DIGIT_GROUP_MAX && inLongRun(s, i);
}

// The output is written as UTF-16 units into a buffer that is reused between calls and decoded into
// a string once: one allocation of the result, instead of a piece per folded comma (Chinese text has
// a full-width comma every dozen characters). Very long texts get a buffer of their own, so a 10 MB
// paste does not stay in memory after it has been scanned.
const KEEP_BUFFER_UNITS = 1 << 20;
let scratch = new Uint16Array(1 << 16);
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** String.prototype.isWellFormed() where the browser has it (Chrome 111, Firefox 119), else a regex. */
function noLoneSurrogate(s: string): boolean {
  return typeof s.isWellFormed === 'function' ? s.isWellFormed() : !LONE_SURROGATE.test(s);
}

function unitsToString(units: Uint16Array, wellFormed: boolean): string {
  // The decoder would replace a lone surrogate with U+FFFD; such text is copied unit by unit.
  if (wellFormed) return utf16.decode(units);
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  return parts.join('');
}

/**
 * Writes the normalised units of `original` to `out`, the removal points to `removedAt`; returns the
 * number of units written. Nothing but the return follows the loop: the optimiser compiles a long
 * loop while it runs, before the code after it has ever run, and any operation there would throw the
 * compiled loop away on every call.
 */
function rewrite(original: string, out: Uint16Array, removedAt: number[]): number {
  const n = original.length;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    // One table lookup decides for every unit; a test for Chinese first would cost more (measured):
    // Chinese and ASCII alternate too often for the branch to be predicted.
    const removable = REMOVABLE[c];
    if (removable !== KEEP && (removable === ZERO_WIDTH || separatorRemoved(original, i))) {
      removedAt.push(o);
      continue;
    }
    out[o++] = FOLDED[c]!;
  }
  return o;
}

export function normalize(original: string): Normalized {
  const removedAt: number[] = [];
  // Text with nothing that could be folded or removed is returned as it is, without a copy.
  if (!MAY_EDIT.test(original)) return { text: original, removedAt };
  const n = original.length;
  const out = n <= scratch.length ? scratch : new Uint16Array(n);
  if (n > scratch.length && n <= KEEP_BUFFER_UNITS) scratch = out;
  const length = rewrite(original, out, removedAt);
  return { text: unitsToString(out.subarray(0, length), noLoneSurrogate(original)), removedAt };
}

/** Number of removals at normalised positions <= pos. */
export function removedUpTo(removedAt: number[], pos: number): number {
  let lo = 0;
  let hi = removedAt.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (removedAt[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Maps a normalised span [start, end) back to the original text. */
export function toOriginalSpan(n: Normalized, start: number, end: number): { start: number; end: number } {
  if (n.removedAt.length === 0) return { start, end };
  const s = start + removedUpTo(n.removedAt, start);
  const e = end > start ? end - 1 + removedUpTo(n.removedAt, end - 1) + 1 : s;
  return { start: s, end: e };
}

/**
 * The folding half of normalize() alone (full-width forms to ASCII): one unit to one, offsets kept.
 * Written to normalize()'s buffer and decoded once, like normalize(): Chinese lines hold a full-width
 * comma every dozen characters, and joining pieces (or a replace callback) made a string per comma
 * and a copy to flatten them; a scan folds most lines it reads, so that was a tenth of what it
 * allocated.
 */
const FOLDABLE = /[\u3000\uFF01-\uFF5E]/;

export function fold(s: string): string {
  if (!FOLDABLE.test(s)) return s;
  const n = s.length;
  const out = n <= scratch.length ? scratch : new Uint16Array(n);
  // A line without surrogates (nearly every Chinese line) is not read a second time for lone ones.
  let surrogates = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    surrogates |= +((c & 0xf800) === 0xd800);
    out[i] = FOLDED[c]!;
  }
  return unitsToString(out.subarray(0, n), surrogates === 0 || noLoneSurrogate(s));
}

/** fold() of one UTF-16 unit. */
export function foldUnit(c: number): number {
  return FOLDED[c]!;
}
