import { lastAtOrBefore } from './bisect';
import { fold, foldUnit, removedUpTo } from './normalize';

/**
 * The normalised text as rules and context helpers read it: the few string methods they use. A plain
 * string is one (a test, a title, the reference scan); during a scan it is a LazyText, which
 * normalises only the lines that are read.
 */
export interface TextView {
  readonly length: number;
  slice(start?: number, end?: number): string;
  charCodeAt(index: number): number;
  /** Only single characters that normalisation never produces from another character ('\n', '\t'). */
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
}

/** String.prototype.slice's reading of its arguments. */
function clampIndex(i: number | undefined, length: number, fallback: number): number {
  if (i === undefined) return fallback;
  if (i < 0) return Math.max(0, length + i);
  return Math.min(i, length);
}

/**
 * The normalised text of `original` without building it: normalize() folds full-width forms (one
 * unit to one, so offsets do not move) and removes the characters at `removedOrig` (digit-group
 * separators; the engine's pass found every one). A line is folded when it is first read and kept;
 * a slice within a line is cut from it, so reading around a match costs what it costs in a string.
 * A 1 MB draft of prose is never copied to be scanned.
 */
export class LazyText implements TextView {
  readonly length: number;
  /** Normalised offset at which each removed character stood (normalize()'s removedAt). */
  readonly removedAt: number[];
  /** Normalised offsets of the line starts ('\n' is never folded or removed). */
  readonly lineStarts: number[];
  /** Sized at the start: lines are kept by index, read in any order, and most never. */
  private readonly lines: (string | undefined)[];
  private lastLine = 0;

  constructor(
    readonly original: string,
    /** Original offsets of the removed characters, ascending. */
    private readonly removedOrig: number[],
    /** Original offsets of the line starts. */
    originalLineStarts: readonly number[],
  ) {
    this.length = original.length - removedOrig.length;
    this.removedAt = removedOrig.map((o, k) => o - k);
    this.lineStarts = this.allToNormalised(originalLineStarts);
    this.lines = new Array<string | undefined>(this.lineStarts.length);
  }

  /** toNormalised() of ascending original offsets, in one walk beside the removed characters. */
  allToNormalised(offsets: readonly number[]): number[] {
    if (this.removedOrig.length === 0) return offsets.slice();
    return this.mapAscending(offsets, new Array<number>(offsets.length));
  }

  /** allToNormalised() written over `offsets` itself: for lists the caller made and owns. */
  allToNormalisedInPlace(offsets: number[]): number[] {
    return this.removedOrig.length === 0 ? offsets : this.mapAscending(offsets, offsets);
  }

  private mapAscending(offsets: readonly number[], out: number[]): number[] {
    const r = this.removedOrig;
    let k = 0;
    for (let i = 0; i < offsets.length; i++) {
      const o = offsets[i]!;
      while (k < r.length && r[k]! < o) k++;
      out[i] = o - k;
    }
    return out;
  }

  /** Original offset of normalised offset `n` (the character there, or the end). */
  toOriginal(n: number): number {
    return this.removedAt.length === 0 ? n : n + removedUpTo(this.removedAt, n);
  }

  /** Normalised offset of original offset `o` (of the next kept character when `o` was removed). */
  toNormalised(o: number): number {
    const r = this.removedOrig;
    if (r.length === 0) return o;
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r[mid]! < o) lo = mid + 1;
      else hi = mid;
    }
    return o - lo;
  }

  /** The line holding normalised offset `pos` (a '\n' belongs to the line it ends). */
  lineOf(pos: number): number {
    const s = this.lineStarts;
    // Reads come in runs over one line: try the last one first.
    const last = this.lastLine;
    if (s[last]! <= pos && (last + 1 >= s.length || pos < s[last + 1]!)) return last;
    // The engine walks the number runs down the text: the next read is often on the next line.
    if (last + 1 < s.length && s[last + 1]! <= pos && (last + 2 >= s.length || pos < s[last + 2]!)) return (this.lastLine = last + 1);
    return (this.lastLine = lastAtOrBefore(s, pos));
  }

  /** Offset of the '\n' ending line `i`, or the text length for the last line. */
  lineEnd(i: number): number {
    return i + 1 < this.lineStarts.length ? this.lineStarts[i + 1]! - 1 : this.length;
  }

  /** Line `i`, normalised (without its '\n'). */
  line(i: number): string {
    let t = this.lines[i];
    if (t === undefined) this.lines[i] = t = this.cut(this.lineStarts[i]!, this.lineEnd(i));
    return t;
  }

  slice(start?: number, end?: number): string {
    const a = clampIndex(start, this.length, 0);
    const b = clampIndex(end, this.length, this.length);
    if (b <= a) return '';
    const i = this.lineOf(a);
    const lineStart = this.lineStarts[i]!;
    if (b <= this.lineEnd(i)) return this.line(i).slice(a - lineStart, b - lineStart);
    return this.cut(a, b);
  }

  /** Normalised [a, b) cut from the original: removed characters left out, the rest folded. */
  private cut(a: number, b: number): string {
    if (this.removedAt.length === 0) return fold(this.original.slice(a, b));
    return fold(this.keptBetween(this.toOriginal(a), b > a ? this.toOriginal(b - 1) + 1 : this.toOriginal(a)));
  }

  /** original[oa, ob) without its removed characters. */
  private keptBetween(oa: number, ob: number): string {
    const r = this.removedOrig;
    let k = removedUpTo(r, oa - 1);
    if (k >= r.length || r[k]! >= ob) return this.original.slice(oa, ob);
    let out = '';
    let from = oa;
    for (; k < r.length && r[k]! < ob; k++) {
      out += this.original.slice(from, r[k]);
      from = r[k]! + 1;
    }
    return out + this.original.slice(from, ob);
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return NaN;
    // Rules read the characters around a number, on a line already folded to find it: read there,
    // rather than mapped back through the removed separators by a search each time.
    const i = this.lineOf(index);
    const line = this.lines[i];
    if (line !== undefined) {
      const at = index - this.lineStarts[i]!;
      return at < line.length ? line.charCodeAt(at) : 0x0a;
    }
    return foldUnit(this.original.charCodeAt(this.toOriginal(index)));
  }

  indexOf(search: string, from = 0): number {
    this.checkSearch(search);
    const o = this.original.indexOf(search, this.toOriginal(Math.max(0, from)));
    return o < 0 ? -1 : this.toNormalised(o);
  }

  lastIndexOf(search: string, from = Infinity): number {
    this.checkSearch(search);
    // As String.prototype.lastIndexOf: a negative start looks at offset 0 only.
    if (from < 0) from = 0;
    const o = this.original.lastIndexOf(search, from >= this.length ? Infinity : this.toOriginal(from));
    return o < 0 ? -1 : this.toNormalised(o);
  }

  /** Normalisation makes '|' of '｜' and drops separators: such searches would need the folded text. */
  private checkSearch(search: string): void {
    if (search === '\n') return;
    if (search.length !== 1 || foldUnit(search.charCodeAt(0)) !== search.charCodeAt(0) || /[!-~ ]/.test(search)) {
      throw new Error(`LazyText searches only for characters no other character folds to, not ${JSON.stringify(search)}`);
    }
  }

}
