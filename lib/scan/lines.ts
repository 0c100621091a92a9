/**
 * A per-document index of line starts. Context helpers ask "which line holds this match" and "what
 * do the rows above it say" once per match; answering from the text itself costs a scan back through
 * the text each time (rows × rows on a long table). With the index a line is a binary search away,
 * and helpers keep what they derive from a line (is it a table row, its cells) in memos here, so
 * each line is looked at once per document.
 *
 * Lines are split at '\n' only, exactly as lineAt() and split('\n') see them ('\r' stays in the line).
 */
import { lastAtOrBefore } from './bisect';
import { LazyText, type TextView } from './text-view';

const UNKNOWN = -2;

export class LineIndex {
  /** starts[i]: offset of line i. */
  private readonly starts: readonly number[];
  private readonly lazy: LazyText | undefined;
  private readonly texts: (string | undefined)[] = [];
  private readonly memos = new Map<unknown, unknown>();

  constructor(readonly text: TextView) {
    // A LazyText knows its lines (the engine's pass found them) and keeps their folded text.
    if (text instanceof LazyText) {
      this.lazy = text;
      this.starts = text.lineStarts;
      return;
    }
    const starts = [0];
    for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) starts.push(p + 1);
    this.starts = starts;
  }

  get count(): number {
    return this.starts.length;
  }

  /** The line holding `pos`; a '\n' belongs to the line it ends. */
  lineOf(pos: number): number {
    if (this.lazy) return this.lazy.lineOf(pos);
    const s = this.starts;
    return lastAtOrBefore(s, pos);
  }

  start(line: number): number {
    return this.starts[line]!;
  }

  /** Offset of the '\n' ending the line, or the text length for the last line. */
  end(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
  }

  lineText(line: number): string {
    if (this.lazy) return this.lazy.line(line);
    let t = this.texts[line];
    if (t === undefined) this.texts[line] = t = this.text.slice(this.start(line), this.end(line));
    return t;
  }

  /**
   * The nearest line at or above `line` where `stops(line)` holds, or -1. For walks up a table to its
   * header: the answer is remembered for every line passed on the way (keyed by `key`, which must
   * always come with the same `stops`), so the rows of a long table find their header in one step
   * each, and lines above the first stop are never looked at. `stops` is handed this index, so a
   * caller can pass a function made once rather than a closure per call.
   */
  nearestAbove(key: unknown, line: number, stops: (line: number, lines: LineIndex) => boolean): number {
    const found = this.memo(key, unknownAbove);
    let j = line;
    while (j >= 0 && found[j] === UNKNOWN && !stops(j, this)) j--;
    let answer = -1;
    if (j >= 0) answer = found[j] === UNKNOWN ? (found[j] = j) : found[j]!;
    for (let k = line; k > j; k--) found[k] = answer;
    return answer;
  }

  /**
   * A helper's own per-document cache, made on first use (keyed by something the helper owns).
   * `make` is handed this index: helpers ask for their cache once per match or line, and a
   * function made once costs nothing per ask, where a closure over the index is an allocation.
   */
  memo<T>(key: unknown, make: (lines: LineIndex) => T): T {
    let v = this.memos.get(key) as T | undefined;
    if (v === undefined) this.memos.set(key, (v = make(this)));
    return v;
  }
}

const unknownAbove = (lines: LineIndex) => new Int32Array(lines.count).fill(UNKNOWN);

// The index of the document being scanned. Helpers receive the text, not the scan's context (their
// signatures are shared with tests and with rules/shared), so the engine opens the index for its text
// and every helper called with that very string finds it; a helper called with any other string
// (a test, a sub-string) gets a throwaway index and the same answer. Built on first use: a draft
// without a single match never needs it.
interface Open {
  text: TextView;
  index?: LineIndex;
}
let active: Open | undefined;

/** Called by the engine around a scan; returns what was open before, to restore. */
export function openLines(text: TextView): unknown {
  const before = active;
  active = { text };
  return before;
}

export function restoreLines(before: unknown): void {
  active = before as Open | undefined;
}

/** The open index when `text` is the scanned document, for helpers that have a cheap fallback. */
export function openLinesFor(text: TextView): LineIndex | undefined {
  if (active === undefined || active.text !== text) return undefined;
  return (active.index ??= new LineIndex(text));
}

/** The index of `text`: the open one when it is this document, else a fresh one. */
export function linesOf(text: TextView): LineIndex {
  return openLinesFor(text) ?? new LineIndex(text);
}
