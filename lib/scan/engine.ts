import { candidatePass, wordTable, type WordTable } from './candidates';
import { docSignals } from './context';
import { linesOf, openLines, restoreLines, type LineIndex } from './lines';
import { maskValue } from './mask';
import { mergeOverlapping, type Candidate } from './merge';
import { normalize, toOriginalSpan } from './normalize';
import { fitsLength, matchAtToken, numberRule, type NumberRule } from './number-rules';
import { LazyText, type TextView } from './text-view';
import { numberTokens } from './tokens';
import { matchEnd, type DocSignals, type Finding, type Hit, type Kind, type Match, type PatternRule, type Rule, type RuleContext, type Severity } from './types';
import { wrapHits } from './wraps';

export interface RuleSetting {
  enabled?: boolean;
  /** Replaces the severity the rule would give (a policy can soften or harden a rule). */
  severity?: Severity;
}

export interface ScanOptions {
  rules: readonly Rule[];
  settings?: Readonly<Record<string, RuleSetting>>;
  locale?: 'zh' | 'en';
  /** Signals of the whole document, when `original` is one piece of it (chunked scanning). */
  doc?: DocSignals;
  /** Values the unit publishes on purpose (its own office numbers and mailboxes): never reported. */
  allow?: (kind: Kind, value: string) => boolean;
}

/** A rule's hit, with the rule's place in the pack. */
interface Found {
  rule: Rule;
  rank: number;
  hit: Hit;
}

interface Ranked<R> {
  rule: R;
  rank: number;
}

/** How a rule pack is run: one pass pattern for all of it, and each rule sorted by what it is handed. */
interface Plan {
  /** Every word rule's trigger words, for the pass. */
  words: WordTable;
  numbers: NumberRule[];
  wordRules: WordRule[];
  /** The word rules (index into wordRules) with a trigger word starting with each character. */
  wordRulesByFirst: Map<number, number[]>;
  whole: (Ranked<PatternRule> & { re: RegExp })[];
  documents: Ranked<Extract<Rule, { checkDocument: unknown }>>[];
}

interface WordRule extends Ranked<PatternRule> {
  re: RegExp;
  reach: number;
  words: readonly string[];
  lineTest?: (line: string) => boolean;
}

/** A private copy keeps lastIndex state out of the shared rule object (scans may interleave). */
function globalCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
}

const plans = new WeakMap<readonly Rule[], Plan>();

function planOf(rules: readonly Rule[]): Plan {
  let plan = plans.get(rules);
  if (plan) return plan;
  plan = { words: wordTable([]), numbers: [], wordRules: [], wordRulesByFirst: new Map(), whole: [], documents: [] };
  const words: string[] = [];
  rules.forEach((rule, rank) => {
    if ('checkDocument' in rule) plan.documents.push({ rule, rank });
    else if (!rule.candidates) plan.whole.push({ rule, rank, re: globalCopy(rule.pattern) });
    else if ('numbers' in rule.candidates) plan.numbers.push(numberRule(rule, rank, rule.candidates.numbers));
    else {
      const c = rule.candidates;
      words.push(...c.words);
      for (const first of new Set(c.words.map((w) => w.charCodeAt(0)))) {
        plan.wordRulesByFirst.set(first, [...(plan.wordRulesByFirst.get(first) ?? []), plan.wordRules.length]);
      }
      plan.wordRules.push({ rule, rank, re: globalCopy(rule.pattern), reach: c.reach ?? 0, words: c.words, lineTest: c.lineTest });
    }
  });
  plan.words = wordTable(words);
  plans.set(rules, plan);
  return plan;
}

/** The text rules read, and what the single pass found in it, in normalised offsets. */
interface Prepared {
  view: TextView;
  span(start: number, end: number): { start: number; end: number };
  runs: number[];
  words: number[];
  edges: number[];
  /** The text the pass read (the original, or its normalisation) and the trigger words' offsets in it. */
  read: string;
  wordsRead: number[];
  /** The normalised [start, end) of `read`, as it stands there. */
  readSpan(start: number, end: number): string;
}

function prepare(original: string, words: WordTable): Prepared {
  const pass = candidatePass(original, words);
  if (!pass.invisible) {
    const view = new LazyText(original, pass.removed, pass.lineStarts);
    // Each list is ascending: mapped in one walk, not a search per offset.
    const norm = (offsets: number[]) => (pass.removed.length === 0 ? offsets : view.allToNormalised(offsets));
    return {
      view,
      span: (s, e) => view.toOriginalSpan(s, e),
      runs: norm(pass.runs),
      words: norm(pass.words),
      edges: norm(pass.edges),
      read: original,
      wordsRead: pass.words,
      readSpan: (s, e) => original.slice(view.toOriginal(s), view.toOriginal(e)),
    };
  }
  // Invisible characters can stand anywhere, inside a word too: the text is normalised whole first.
  const n = normalize(original);
  const again = candidatePass(n.text, words);
  return {
    view: n.text,
    span: (s, e) => toOriginalSpan(n, s, e),
    runs: again.runs,
    words: again.words,
    edges: again.edges,
    read: n.text,
    wordsRead: again.words,
    readSpan: (s, e) => n.text.slice(s, e),
  };
}

function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}

/**
 * For each word rule, the lines where one of its own words stands and its lineTest holds, ascending.
 * Rules do not read each other's trigger lines: 密 stands on a tenth of a government draft's prose
 * lines, which the other word rules have no business reading.
 */
function wordLinesByRule(plan: Plan, prepared: Prepared, lines: LineIndex): number[][] {
  const out: number[][] = plan.wordRules.map(() => []);
  const seen = new Int32Array(plan.wordRules.length).fill(-1);
  const { read, wordsRead, words } = prepared;
  for (let k = 0; k < words.length; k++) {
    const at = wordsRead[k]!;
    const indices = plan.wordRulesByFirst.get(read.charCodeAt(at));
    if (!indices) continue;
    const line = lines.lineOf(words[k]!);
    for (const i of indices) {
      if (seen[i] === line) continue;
      const w = plan.wordRules[i]!;
      if (!startsWithAny(read, at, w.words)) continue;
      seen[i] = line;
      if (!w.lineTest || w.lineTest(prepared.readSpan(lines.start(line), lines.end(line)))) out[i]!.push(line);
    }
  }
  return out;
}

function runPattern(rule: PatternRule, ctx: RuleContext, re: RegExp, text: string, offset: number, hits: Hit[]): void {
  re.lastIndex = 0;
  for (let m: Match | null = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    // check() sees offsets into the whole text; it reads the text through ctx, never m.input.
    if (offset !== 0) m.index += offset;
    const hit = rule.check(m, ctx);
    if (hit) hits.push(hit);
  }
}

/** Runs of whole lines [start, end): each word line and the `reach` lines after it, adjacent ones merged. */
function wordSegments(lines: LineIndex, wordLines: readonly number[], reach: number): [number, number][] {
  const out: [number, number][] = [];
  let from = -1;
  let to = -2;
  for (const i of wordLines) {
    if (i > to + 1) {
      if (from >= 0) out.push([lines.start(from), lines.end(to)]);
      from = i;
    }
    to = Math.max(to, Math.min(lines.count - 1, i + reach));
  }
  if (from >= 0) out.push([lines.start(from), lines.end(to)]);
  return out;
}

/** The text of whole lines [start, end): their (kept) line texts, joined. */
function linesBetween(lines: LineIndex, start: number, end: number): string {
  const first = lines.lineOf(start);
  const last = lines.lineOf(end);
  if (first === last) return lines.lineText(first);
  const parts: string[] = [];
  for (let i = first; i <= last; i++) parts.push(lines.lineText(i));
  return parts.join('\n');
}

const MAX_TOKEN = 64;

/** The number rules that fit a token of each length, masked or not: [masked][length]. */
function byLength(numbers: readonly NumberRule[]): NumberRule[][][] {
  return [false, true].map((masked) =>
    Array.from({ length: MAX_TOKEN + 1 }, (_, n) => numbers.filter((nr) => !nr.spec.masked === !masked && fitsLength(nr, n))),
  );
}

// byLength() of a pack's enabled number rules, kept per pack and set of rules: a scan of a short
// draft spent as long building the table as reading its numbers.
const fittingTables = new WeakMap<Plan, Map<string, NumberRule[][][]>>();

function fittingOf(plan: Plan, numbers: readonly NumberRule[]): NumberRule[][][] {
  let tables = fittingTables.get(plan);
  if (!tables) fittingTables.set(plan, (tables = new Map<string, NumberRule[][][]>()));
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
function numberHits(lines: LineIndex, runs: readonly number[], fitting: readonly NumberRule[][][], ctx: RuleContext, on: (nr: NumberRule, hit: Hit) => boolean): number[] {
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
  }, anyMasked);
  return headLines;
}

/** Is text[from, to) all digits? Asked of every token no rule reported, so read in place, not sliced. */
function digitsOnly(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (!isDigit(text.charCodeAt(p))) return false;
  return to > from;
}

const MIN_JOINED = 7;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isBlank = (c: number) => c === 32 || c === 9 || c === 13;

/**
 * Line pairs (k, k + 1) where a split number may stand: digits ending line k and opening line k + 1
 * that add up to a number's length, or a line with an unreported digit token (`headLines`) followed
 * by a line that opens with a digit. A superset of where wrapHits() can find something. Read from
 * the line texts, which the tokens' checks have mostly cut already: a character of the view is
 * looked up through the removed separators each time.
 */
function wrapPairs(lines: LineIndex, edges: readonly number[], headLines: readonly number[]): number[] {
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
function spanIndex(spans: readonly Hit[]): (start: number, end: number) => boolean {
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

export function scan(original: string, options: ScanOptions): Finding[] {
  const plan = planOf(options.rules);
  const prepared = prepare(original, plan.words);
  const { view } = prepared;
  const before = openLines(view);
  try {
    const ctx: RuleContext = { text: view, doc: options.doc ?? docSignals(view) };
    const lines = linesOf(view);
    const enabled = (rule: Rule) => options.settings?.[rule.id]?.enabled !== false;
    const found: Found[] = [];

    const numbers = plan.numbers.filter((nr) => enabled(nr.rule));
    const numberFound: Hit[] = [];
    const headLines = numberHits(lines, numbers.length > 0 ? prepared.runs : [], fittingOf(plan, numbers), ctx, (nr, hit) => {
      found.push({ rule: nr.rule, rank: nr.rank, hit });
      numberFound.push(hit);
      return unbeatable(nr.rule, hit, options);
    });
    if (numbers.length > 0) {
      const reported = spanIndex(numberFound);
      for (const k of wrapPairs(lines, prepared.edges, headLines)) {
        for (const { nr, hit } of wrapHits(ctx, lines, numbers, k, reported)) found.push({ rule: nr.rule, rank: nr.rank, hit });
      }
    }

    const wordLines = wordLinesByRule(plan, prepared, lines);
    plan.wordRules.forEach((w, i) => {
      if (!enabled(w.rule)) return;
      const hits: Hit[] = [];
      for (const [s, e] of wordSegments(lines, wordLines[i]!, w.reach)) runPattern(w.rule, ctx, w.re, linesBetween(lines, s, e), s, hits);
      for (const hit of hits) found.push({ rule: w.rule, rank: w.rank, hit });
    });

    if (plan.whole.some((w) => enabled(w.rule))) {
      const full = typeof view === 'string' ? view : view.slice();
      for (const w of plan.whole) {
        if (!enabled(w.rule)) continue;
        const hits: Hit[] = [];
        runPattern(w.rule, ctx, w.re, full, 0, hits);
        for (const hit of hits) found.push({ rule: w.rule, rank: w.rank, hit });
      }
    }
    for (const d of plan.documents) if (enabled(d.rule)) for (const hit of d.rule.checkDocument(ctx)) found.push({ rule: d.rule, rank: d.rank, hit });

    return findings(found, prepared, options);
  } finally {
    restoreLines(before);
  }
}

const byPlace = (a: Found, b: Found) => a.hit.start - b.hit.start || a.hit.end - b.hit.end;

/**
 * `found` in the order rules ran in before the single pass (rule by rule, each in text order), which
 * breaks ties later: what a stable sort by rank, start and end gives. Taken rule by rule, as the
 * pass hands over each token's hits for several rules in turn: each rule's hits then come nearly
 * in text order, which the sort runs through in one go, where the whole list is thousands of
 * short runs.
 */
function inRunOrder(found: readonly Found[]): Found[] {
  const byRank: Found[][] = [];
  for (const f of found) (byRank[f.rank] ??= []).push(f);
  const out: Found[] = [];
  for (const hits of byRank) if (hits) for (const f of hits.sort(byPlace)) out.push(f);
  return out;
}

/**
 * Is `hit` kept by the merge over any hit of a later rule on the same span? A block (as the settings
 * leave it) wins every tie against a later rule, and loses only to something that overlaps the span
 * itself; but with an allow-list it may be dropped before the merge, and the other then kept.
 */
function unbeatable(rule: Rule, hit: Hit, options: ScanOptions): boolean {
  return options.allow === undefined && (options.settings?.[rule.id]?.severity ?? hit.severity) === 'block';
}

/** Settings and allow-list applied, overlaps merged, offsets mapped back, values masked. */
function findings(found: Found[], prepared: Prepared, options: ScanOptions): Finding[] {
  const locale = options.locale ?? 'zh';
  const cands: Candidate[] = [];
  for (const { rule, rank, hit } of inRunOrder(found)) {
    if (options.allow?.(rule.kind, hit.value ?? prepared.view.slice(hit.start, hit.end))) continue;
    const severity = options.settings?.[rule.id]?.severity;
    cands.push({ rule, rank, hit: severity ? { ...hit, severity } : hit, order: cands.length });
  }
  return mergeOverlapping(cands).map(({ rule, hit }) =>
    toFinding(rule, hit, prepared.span(hit.start, hit.end), hit.value ?? prepared.view.slice(hit.start, hit.end), locale),
  );
}

/** The Finding contract (design.md): offsets into the original text, personal values masked. */
export function toFinding(rule: Rule, hit: Hit, span: { start: number; end: number }, value: string, locale: 'zh' | 'en'): Finding {
  return {
    ruleId: rule.id,
    kind: rule.kind,
    severity: hit.severity,
    start: span.start,
    end: span.end,
    excerpt: rule.personal ? (rule.mask ?? maskValue)(value) : value.slice(0, 40),
    message: hit.message[locale],
  };
}
