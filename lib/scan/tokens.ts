import type { LineIndex } from './lines';
import type { TextView } from './text-view';

/**
 * A number token: a maximal run of [0-9A-Za-z] in the normalised text with at least seven digits in a
 * row, or (masked) a maximal run of [0-9A-Za-z*] holding a '*' and a digit. The number rules'
 * look-arounds ((?<![0-9A-Za-z]) ... (?![0-9A-Za-z])) make every match of theirs cover such a token.
 *
 * Tokens are read from a window of normalised text around each run of the pass, not from the whole
 * line: a line is folded only when a rule's context needs it (a table of masked values never is).
 * They are handed over as they are found, not stored: a draft has tens of thousands of them.
 */
export type OnToken = (start: number, end: number, masked: boolean, line: number, window: string, windowStart: number) => void;

/** Characters read on each side of a run: more than any match reaches beyond its token. */
export const WINDOW_MARGIN = 24;
/** Lines up to this long are read whole (and kept for the rules' context): table rows, list items. */
const SHORT_LINE = 256;

const STAR = 42;

/** 1: digit, 2: letter, 3: star, 0: anything else. */
function classOf(c: number): number {
  if (c >= 48 && c <= 57) return 1;
  const l = c | 32;
  if (l >= 97 && l <= 122) return 2;
  return c === STAR ? 3 : 0;
}

/** Appends the alnum tokens of w[s, e) (a span without stars) that hold seven digits in a row. */
function numericTokens(w: string, s: number, e: number, base: number, line: number, on: OnToken): void {
  let run = 0;
  let long = false;
  let from = s;
  for (let i = s; i <= e; i++) {
    const k = i < e ? classOf(w.charCodeAt(i)) : 0;
    if (k === 1) {
      if (++run >= 7) long = true;
    } else run = 0;
    if (k === 1 || k === 2) continue;
    if (long) on(base + from, base + i, false, line, w, base);
    long = false;
    from = i + 1;
  }
}

/**
 * The tokens of the pass's number runs (normalised [start, end) pairs, flat, ascending). A token
 * reaches beyond its run where letters continue it (the MA76BU4X22 of a credit code).
 */
export function numberTokens(view: TextView, lines: LineIndex, runs: readonly number[], on: OnToken): void {
  let seenTo = -1;
  for (let r = 0; r < runs.length; r += 2) {
    const line = lines.lineOf(runs[r]!);
    const lineStart = lines.start(line);
    const lineEnd = lines.end(line);
    const whole = lineEnd - lineStart <= SHORT_LINE;
    const base = whole ? lineStart : Math.max(lineStart, runs[r]! - WINDOW_MARGIN);
    const limit = whole ? lineEnd : Math.min(lineEnd, runs[r + 1]! + WINDOW_MARGIN);
    const w = whole ? lines.lineText(line) : view.slice(base, limit);
    // A span reaching the window's edge inside the line is longer than any number a rule knows.
    const cut = (s: number, e: number) => (s === 0 && base > lineStart) || (e === w.length && limit < lineEnd);
    const to = runs[r + 1]! - base;
    for (let p = runs[r]! - base; p < to; p++) {
      if (classOf(w.charCodeAt(p)) === 0 || base + p < seenTo) continue;
      // The maximal [0-9A-Za-z*] span around p; stars split it into the alnum tokens.
      let s = p;
      while (s > 0 && classOf(w.charCodeAt(s - 1)) !== 0) s--;
      let e = p;
      let stars = 0;
      let digits = 0;
      for (; e < w.length; e++) {
        const k = classOf(w.charCodeAt(e));
        if (k === 0) break;
        if (k === 3) stars++;
        else if (k === 1) digits++;
      }
      seenTo = base + e;
      p = e;
      if (cut(s, e)) continue;
      if (stars > 0 && digits > 0) on(base + s, base + e, true, line, w, base);
      if (digits < 7) continue;
      let from = s;
      for (let i = s; i <= e; i++) {
        if (i < e && w.charCodeAt(i) !== STAR) continue;
        numericTokens(w, from, i, base, line, on);
        from = i + 1;
      }
    }
  }
}
