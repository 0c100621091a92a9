import { candidatePass, wordTable, type WordTable } from './candidates';
import { docSignals } from './context';
import { linesOf, openLines, restoreLines } from './lines';
import { maskValue } from './mask';
import { mergeOverlapping, type Candidate } from './merge';
import { normalize, removedUpTo } from './normalize';
import { fittingOf, numberHits, spanIndex, wrapPairs } from './number-hits';
import { numberRule, type NumberRule } from './number-rules';
import { LazyText, type TextView } from './text-view';
import type { NumberRuns } from './tokens';
import type { DocSignals, Finding, Hit, Kind, PatternRule, Rule, RuleContext, Severity } from './types';
import { addWordRule, runPattern, wordRuleHits, type Triggers, type WordRules } from './word-rules';
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

/**
 * A rule's hit, with the rule's place in the pack: made in the merge's shape (its `order` set when
 * the hit goes to the merge), so that each hit of a scan is one object, not one per step.
 */
type Found = Candidate;

interface Ranked<R> {
  rule: R;
  rank: number;
}

/** How a rule pack is run: one pass pattern for all of it, and each rule sorted by what it is handed. */
interface Plan {
  /** Every word rule's trigger words, for the pass. */
  words: WordTable;
  numbers: NumberRule[];
  wordRules: WordRules;
  whole: (Ranked<PatternRule> & { re: RegExp })[];
  documents: Ranked<Extract<Rule, { checkDocument: unknown }>>[];
}

/** A private copy keeps lastIndex state out of the shared rule object (scans may interleave). */
function globalCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
}

const plans = new WeakMap<readonly Rule[], Plan>();

function planOf(rules: readonly Rule[]): Plan {
  let plan = plans.get(rules);
  if (plan) return plan;
  plan = { words: wordTable([]), numbers: [], wordRules: { list: [], byFirst: new Map() }, whole: [], documents: [] };
  const words: string[] = [];
  rules.forEach((rule, rank) => {
    if ('checkDocument' in rule) plan.documents.push({ rule, rank });
    else if (!rule.candidates) plan.whole.push({ rule, rank, re: globalCopy(rule.pattern) });
    else if ('numbers' in rule.candidates) plan.numbers.push(numberRule(rule, rank, rule.candidates.numbers));
    else {
      words.push(...rule.candidates.words);
      addWordRule(plan.wordRules, rule, rank, rule.candidates, globalCopy(rule.pattern));
    }
  });
  plan.words = wordTable(words);
  plans.set(rules, plan);
  return plan;
}

/** The text rules read, and what the single pass found in it, in normalised offsets. */
interface Prepared extends Triggers, NumberRuns {
  view: TextView;
  /** The original offset of a normalised one (of the character there, or the end). */
  original(pos: number): number;
  edges: number[];
}

function prepare(original: string, words: WordTable): Prepared {
  const pass = candidatePass(original, words);
  if (!pass.invisible) {
    const view = new LazyText(original, pass.removed, pass.lineStarts);
    // Each list is ascending: mapped in one walk, not a search per offset. The runs and edges are
    // this scan's own, mapped where they stand; the words' original offsets are read too.
    return {
      view,
      original: (p) => view.toOriginal(p),
      runs: pass.removed.length === 0 ? pass.runs : view.allToNormalised(pass.runs),
      runsRead: pass.runs,
      digitRows: pass.digitRows,
      starRuns: pass.starRuns,
      plainStars: pass.plainStars,
      words: pass.removed.length === 0 ? pass.words : view.allToNormalised(pass.words),
      edges: view.allToNormalisedInPlace(pass.edges),
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
    original: (p) => p + removedUpTo(n.removedAt, p),
    runs: again.runs,
    runsRead: again.runs,
    digitRows: again.digitRows,
    starRuns: again.starRuns,
    plainStars: again.plainStars,
    words: again.words,
    edges: again.edges,
    read: n.text,
    wordsRead: again.words,
    readSpan: (s, e) => n.text.slice(s, e),
  };
}

const NO_RUNS: NumberRuns = { runs: [], digitRows: [], starRuns: [], plainStars: [], read: '', runsRead: [] };

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
    const headLines = numberHits(lines, numbers.length > 0 ? prepared : NO_RUNS, fittingOf(plan.numbers, numbers), ctx, (nr, hit) => {
      found.push({ rule: nr.rule, rank: nr.rank, hit, order: 0 });
      numberFound.push(hit);
      return unbeatable(nr.rule, hit, options);
    });
    const pairs = numbers.length > 0 ? wrapPairs(lines, prepared.edges, headLines) : [];
    if (pairs.length > 0) {
      // Built only for a draft where a number may be split: most have no such line break.
      const reported = spanIndex(numberFound);
      for (const k of pairs) {
        for (const { nr, hit } of wrapHits(ctx, lines, numbers, k, reported)) found.push({ rule: nr.rule, rank: nr.rank, hit, order: 0 });
      }
    }

    wordRuleHits(plan.wordRules, prepared, lines, ctx, enabled, (w, hit) => found.push({ rule: w.rule, rank: w.rank, hit, order: 0 }));

    if (plan.whole.some((w) => enabled(w.rule))) {
      const full = typeof view === 'string' ? view : view.slice();
      for (const w of plan.whole) {
        if (!enabled(w.rule)) continue;
        const hits: Hit[] = [];
        runPattern(w.rule, ctx, w.re, full, 0, hits);
        for (const hit of hits) found.push({ rule: w.rule, rank: w.rank, hit, order: 0 });
      }
    }
    for (const d of plan.documents) if (enabled(d.rule)) for (const hit of d.rule.checkDocument(ctx)) found.push({ rule: d.rule, rank: d.rank, hit, order: 0 });

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
  for (const f of inRunOrder(found)) {
    const { rule, hit } = f;
    if (options.allow?.(rule.kind, hit.value ?? prepared.view.slice(hit.start, hit.end))) continue;
    const severity = options.settings?.[rule.id]?.severity;
    if (severity) f.hit = { ...hit, severity };
    f.order = cands.length;
    cands.push(f);
  }
  const kept = mergeOverlapping(cands);
  const out: Finding[] = [];
  for (const { rule, hit } of kept) {
    // normalize.toOriginalSpan(), without an object per finding.
    const start = prepared.original(hit.start);
    const end = hit.end > hit.start ? prepared.original(hit.end - 1) + 1 : start;
    out.push(findingAt(rule, hit, start, end, hit.value ?? prepared.view.slice(hit.start, hit.end), locale));
  }
  return out;
}

/** The Finding contract (design.md): offsets into the original text, personal values masked. */
export function toFinding(rule: Rule, hit: Hit, span: { start: number; end: number }, value: string, locale: 'zh' | 'en'): Finding {
  return findingAt(rule, hit, span.start, span.end, value, locale);
}

function findingAt(rule: Rule, hit: Hit, start: number, end: number, value: string, locale: 'zh' | 'en'): Finding {
  return {
    ruleId: rule.id,
    kind: rule.kind,
    severity: hit.severity,
    start,
    end,
    excerpt: rule.personal ? (rule.mask ?? maskValue)(value) : value.slice(0, 40),
    message: hit.message[locale],
  };
}
