import { MIN_JOINED } from './candidates';
import type { LineIndex } from './lines';
import { fitsLength, matchAtToken, type NumberRule } from './number-rules';
import { numberTokens, type NumberRuns } from './tokens';
import { matchEnd, type Hit, type RuleContext } from './types';

/**
 * Number rules as the engine runs them: each rule tried at the tokens of the lengths it matches, and
 * the line pairs where a number a line break split may stand (lib/scan/wraps.ts).
 */

const MAX_TOKEN = 64;

/** The number rules that fit a token of each length, masked or not: [masked][length]. */
function byLength(numbers: readonly NumberRule[]): NumberRule[][][] {
  return [false, true].map((masked) =>
    Array.from({ length: MAX_TOKEN + 1 }, (_, n) => numbers.filter((nr) => !nr.spec.masked === !masked && fitsLength(nr, n))),
  );
}

// byLength() of a pack's enabled number rules, kept per pack and set of rules: a scan of a short
// draft spent as long building the table as reading its numbers.
const fittingTables = new WeakMap<readonly NumberRule[], Map<string, NumberRule[][][]>>();

/** byLength() of `numbers`, the enabled ones of a pack's number rules `all`. */
export function fittingOf(all: readonly NumberRule[], numbers: readonly NumberRule[]): NumberRule[][][] {
  let tables = fittingTables.get(all);
  if (!tables) fittingTables.set(all, (tables = new Map<string, NumberRule[][][]>()));
  const key = numbers.map((nr) => nr.rank).join(',');
  let table = tables.get(key);
  if (!table) tables.set(key, (table = byLength(numbers)));
  return table;
}

/**
 * Hits of the number rules at each token that fits them. Returns the lines where a digit token no
 * rule reported stands: the head of a number split at a line break may be there (lib/scan/wraps.ts).
 * `on` takes each hit and says whether it is unbeatable: kept by the merge over any later rule's hit
 * on the same span (findings() and lib/scan/merge.ts).
 */
export function numberHits(lines: LineIndex, runs: NumberRuns, fitting: readonly NumberRule[][][], ctx: RuleContext, on: (nr: NumberRule, hit: Hit) => boolean): number[] {
  const headLines: number[] = [];
  const anyMasked = fitting[1]!.some((rs) => rs.length > 0);
  numberTokens(lines, runs, (start, end, masked, line, text, base) => {
    let reported = false;
    let wonStart = -1;
    let wonEnd = -1;
    for (const nr of fitting[+masked]![Math.min(MAX_TOKEN, end - start)]!) {
      // Without lead characters a rule matches the token itself (test/scan/number-spans.test.ts):
      // once an unbeatable hit took the token, its pattern need not even be tried.
      if (start === wonStart && end === wonEnd && !nr.spec.lead) continue;
      if (nr.spec.quiet?.(text, start - base, end - base)) continue;
      const m = matchAtToken(nr, text, start - base, end - base);
      if (!m) continue;
      m.index += base;
      // A number rule's hit spans its match (types.ts), so a later rule matching the very span an
      // unbeatable hit took can only report what the merge drops: an ID is not checked as a card.
      if (m.index === wonStart && matchEnd(m) === wonEnd) continue;
      const hit = nr.rule.check(m, ctx);
      if (!hit) continue;
      reported = true;
      if (on(nr, hit)) {
        wonStart = hit.start;
        wonEnd = hit.end;
      }
    }
    if (!masked && !reported && headLines[headLines.length - 1] !== line && digitsOnly(text, start - base, end - base)) headLines.push(line);
  }, anyMasked, {
    fits: (length) => fitting[1]![Math.min(MAX_TOKEN, length)]!.length > 0,
    quiet: (read, start, end) => quietEverywhere(fitting[1]![Math.min(MAX_TOKEN, end - start)]!, read, start, end),
  });
  return headLines;
}

/**
 * Does every rule that fits a masked token say it reports nothing there (`quiet`)? The token is
 * read[start, end) of the text the pass read, typed as normalised; a rule with lead characters
 * reads before the token, so it is always handed the token itself.
 */
function quietEverywhere(fitting: readonly NumberRule[], read: string, start: number, end: number): boolean {
  for (const nr of fitting) if (nr.spec.lead || !nr.spec.quiet?.(read, start, end)) return false;
  return true;
}

/** Is text[from, to) all digits? Asked of every token no rule reported, so read in place, not sliced. */
function digitsOnly(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (!isDigit(text.charCodeAt(p))) return false;
  return to > from;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isBlank = (c: number) => c === 32 || c === 9 || c === 13;

/**
 * Line pairs (k, k + 1) where a split number may stand: digits ending line k and opening line k + 1
 * that add up to a number's length, or a line with an unreported digit token (`headLines`) followed
 * by a line that opens with a digit. A superset of where wrapHits() can find something. Read from
 * the line texts, which the tokens' checks have mostly cut already: a character of the view is
 * looked up through the removed separators each time.
 */
export function wrapPairs(lines: LineIndex, edges: readonly number[], headLines: readonly number[]): number[] {
  const pairs: number[] = [];
  for (const nl of edges) {
    const k = lines.lineOf(nl);
    const upper = lines.lineText(k);
    let a = upper.length;
    while (a > 0 && isBlank(upper.charCodeAt(a - 1))) a--;
    let digits = 0;
    while (a > 0 && isDigit(upper.charCodeAt(--a))) digits++;
    if (digits + openingDigits(lines.lineText(k + 1)) + 1 >= MIN_JOINED) pairs.push(k);
  }
  for (const line of headLines) {
    if (line + 1 < lines.count && openingDigits(lines.lineText(line + 1)) > 0) pairs.push(line);
  }
  return [...new Set(pairs)].sort((a, b) => a - b);
}

/** How many digits open `line`, after blanks. */
function openingDigits(line: string): number {
  let b = 0;
  while (isBlank(line.charCodeAt(b))) b++;
  const from = b;
  while (isDigit(line.charCodeAt(b))) b++;
  return b - from;
}

/** [start, end) spans, sorted by start, as a question "does anything here overlap this span?". */
export function spanIndex(spans: readonly Hit[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let longest = 0;
  for (const s of sorted) longest = Math.max(longest, s.end - s.start);
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && sorted[i]!.start > start - longest; i--) if (sorted[i]!.end > start) return true;
    return false;
  };
}
