/**
 * Text normalisation with an exact map back to the original offsets.
 *
 * - Full-width forms (U+FF01–U+FF5E) and the ideographic space fold to ASCII, as NFKC does. They map
 *   one UTF-16 unit to one, so offsets do not move.
 * - Zero-width and format characters are removed, and so is a single space or hyphen between two
 *   short digit groups (139 1234 5678, 6228-4809-0636-9142): a number typed with separators, or with
 *   invisible characters pasted inside it, is seen as the one number it is.
 *
 * Only removals shift offsets, so the map is the sorted list of removal points: memory grows with the
 * number of edits, not with the text, and untouched text is never copied character by character.
 */
export interface Normalized {
  text: string;
  /** removedAt[k]: normalised offset at which the k-th removed character stood (non-decreasing). */
  removedAt: number[];
}

const DIGIT_GROUP_MAX = 8;
const GROUP_CHAR = /[0-9０-９*＊XxＸｘ]/;
// A separator is a candidate only before a digit or mask; what stands before it (a group, perhaps
// with invisible characters pasted in) and the group lengths are checked by hand below.
const EDIT = /[\u00AD\u200B-\u200D\u2060\uFEFF]|[ \-\u2010-\u2015\u2212\u3000－](?=[0-9０-９*＊])|[\u3000\uFF01-\uFF5E]/g;
const SEPARATOR = /^[ \-\u2010-\u2015\u2212\u3000－]$/;
const ZERO_WIDTH = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/;
const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;

function isGroupChar(c: string | undefined): boolean {
  return c !== undefined && GROUP_CHAR.test(c);
}

/** Length of the digit group ending just before `i` (skipping invisible characters), capped. */
function groupLengthBefore(s: string, i: number): number {
  let n = 0;
  for (let k = i - 1; k >= 0 && n <= DIGIT_GROUP_MAX; k--) {
    const c = s[k]!;
    if (isGroupChar(c)) n++;
    else if (!IGNORABLE.test(c)) break;
  }
  return n;
}

function groupLengthAfter(s: string, i: number): number {
  let n = 0;
  for (let k = i + 1; k < s.length && n <= DIGIT_GROUP_MAX; k++) {
    const c = s[k]!;
    if (isGroupChar(c)) n++;
    else if (!IGNORABLE.test(c)) break;
  }
  return n;
}

function fold(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x3000) return ' ';
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return c;
}

export function normalize(original: string): Normalized {
  const pieces: string[] = [];
  const removedAt: number[] = [];
  let from = 0;
  let outLen = 0;
  EDIT.lastIndex = 0;
  for (let m = EDIT.exec(original); m; m = EDIT.exec(original)) {
    const i = m.index;
    const c = m[0];
    const isSeparator = SEPARATOR.test(c) && groupLengthBefore(original, i) > 0 && /[0-9０-９*＊]/.test(original[i + 1] ?? '');
    const remove =
      ZERO_WIDTH.test(c) ||
      (isSeparator &&
        groupLengthBefore(original, i) <= DIGIT_GROUP_MAX &&
        groupLengthAfter(original, i) <= DIGIT_GROUP_MAX);
    if (!remove && fold(c) === c) continue;
    pieces.push(original.slice(from, i));
    outLen += i - from;
    if (remove) {
      removedAt.push(outLen);
    } else {
      pieces.push(fold(c));
      outLen += 1;
    }
    from = i + 1;
  }
  if (from === 0) return { text: original, removedAt };
  pieces.push(original.slice(from));
  return { text: pieces.join(''), removedAt };
}

/** Number of removals at normalised positions <= pos. */
function removedUpTo(removedAt: number[], pos: number): number {
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
