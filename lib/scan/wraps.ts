import type { LineIndex } from './lines';
import { fitsLength, matchAtToken, type NumberRule } from './number-rules';
import type { Hit, RuleContext } from './types';

/**
 * Numbers a line break split: text copied from a PDF, or a table cell too narrow for the number,
 * puts 640205198011 on one line and 07117X on the next. A digit token A on line k and the token B
 * that opens line k+1 are read as one number when neither is a number of its own (no number rule
 * reported either) and a number rule reports the two joined:
 * - A ends line k: a wrapped line, or a cell wrapped at a <br> (warn or block);
 * - A stands inside line k before a blank (a cell of a PDF table row whose rest wrapped onto the next
 *   line) and B is alone in its cell: only a block finding, as this guess is the bolder one.
 * Two complete numbers on adjacent lines are never joined, because each is reported on its own.
 */

export interface WrapHit {
  nr: NumberRule;
  hit: Hit;
}

const BLANK = (c: number) => c === 32 || c === 9 || c === 13;
const isDigit = (c: number) => c >= 48 && c <= 57;
const alnum = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 122);

/** [start, end) of the digits (and a closing X, an ID's check character) that open `text` after blanks. */
function openingPart(text: string): [number, number] | null {
  let s = 0;
  while (s < text.length && BLANK(text.charCodeAt(s))) s++;
  let e = s;
  while (e < text.length && isDigit(text.charCodeAt(e))) e++;
  if (e === s) return null;
  if (e < text.length && (text.charCodeAt(e) | 32) === 120) e++;
  return e < text.length && alnum(text.charCodeAt(e)) ? null : [s, e];
}

/** Digit-only tokens of `text` that a wrapped number may start with, with whether each ends the line. */
function heads(text: string, inside: boolean): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  let end = text.length;
  while (end > 0 && BLANK(text.charCodeAt(end - 1))) end--;
  let p = inside ? 0 : end;
  while (p > 0 && isDigit(text.charCodeAt(p - 1))) p--;
  for (; p < end; ) {
    if (!alnum(text.charCodeAt(p)) || (p > 0 && alnum(text.charCodeAt(p - 1)))) {
      p++;
      continue;
    }
    let e = p;
    while (e < end && isDigit(text.charCodeAt(e))) e++;
    const last = e === end;
    // Inside the line only a long piece before a blank (a cell) can be the head of a wrapped number.
    if (e > p && (last || (e - p >= 7 && BLANK(text.charCodeAt(e))))) out.push([p, e, last]);
    while (e < end && alnum(text.charCodeAt(e))) e++;
    p = e;
  }
  return out;
}

/**
 * Findings for numbers split between line `k` and `k + 1`. `reported(start, end)` says whether a
 * number rule already reported something over a span (then that piece is a number of its own).
 */
export function wrapHits(
  ctx: RuleContext,
  lines: LineIndex,
  rules: readonly NumberRule[],
  k: number,
  reported: (start: number, end: number) => boolean,
): WrapHit[] {
  if (k + 1 >= lines.count) return [];
  const lower = lines.lineText(k + 1);
  const b = openingPart(lower);
  if (!b) return [];
  const upper = lines.lineText(k);
  const upperStart = lines.start(k);
  const lowerStart = lines.start(k + 1);
  const bAlone = b[1] === lower.length || BLANK(lower.charCodeAt(b[1]));
  const out: WrapHit[] = [];
  for (const [aStart, aEnd, last] of heads(upper, bAlone)) {
    const joinedLength = aEnd - aStart + b[1] - b[0];
    // Most heads join to a length no rule takes (the last digits of a masked row and the next row's
    // number): those cost no list.
    let fitting: NumberRule[] | undefined;
    for (const nr of rules) if (!nr.spec.masked && fitsLength(nr, joinedLength)) (fitting ??= []).push(nr);
    if (!fitting) continue;
    if (reported(upperStart + aStart, upperStart + aEnd) || reported(lowerStart + b[0], lowerStart + b[1])) continue;
    const joined = upper.slice(0, aEnd) + lower.slice(b[0]);
    for (const nr of fitting) {
      const m = matchAtToken(nr, joined, aStart, aStart + joinedLength);
      if (!m || m.index > aStart || m.index + m[0].length !== aStart + joinedLength) continue;
      m.index += upperStart;
      m.end = lowerStart + b[1];
      const hit = nr.rule.check(m, ctx);
      if (hit && (hit.severity === 'block' || (last && hit.severity === 'warn'))) out.push({ nr, hit: { ...hit, value: m[0] } });
    }
  }
  return out;
}
