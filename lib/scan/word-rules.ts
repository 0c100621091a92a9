import type { LineIndex } from './lines';
import type { Candidates, Hit, Match, PatternRule, RuleContext } from './types';

/**
 * Word rules as the engine runs them: each rule's pattern over the lines where one of its own
 * trigger words stands (and the `reach` lines after each), the lines its `lineTest` lets through.
 */

export interface WordRule {
  rule: PatternRule;
  rank: number;
  /** A private copy of the pattern: its lastIndex is the engine's own. */
  re: RegExp;
  reach: number;
  words: readonly string[];
  lineTest?: (line: string) => boolean;
}

/** A pack's word rules, and for each first character of a trigger word the rules (indices) it opens a word of. */
export interface WordRules {
  list: WordRule[];
  byFirst: Map<number, number[]>;
}

export function addWordRule(rules: WordRules, rule: PatternRule, rank: number, candidates: Extract<Candidates, { words: unknown }>, re: RegExp): void {
  for (const first of new Set(candidates.words.map((w) => w.charCodeAt(0)))) {
    rules.byFirst.set(first, [...(rules.byFirst.get(first) ?? []), rules.list.length]);
  }
  rules.list.push({ rule, rank, re, reach: candidates.reach ?? 0, words: candidates.words, lineTest: candidates.lineTest });
}

/** Where the engine's pass found trigger words: offsets into the text it read, and into the normalised text. */
export interface Triggers {
  /** The text the pass read (the original, or its normalisation) and the trigger words' offsets in it. */
  read: string;
  wordsRead: number[];
  /** The same words' offsets in the normalised text. */
  words: number[];
  /** The normalised [start, end) of `read`, as it stands there. */
  readSpan(start: number, end: number): string;
}

/** Each enabled word rule's hits (`on`), in the order of the rules. */
export function wordRuleHits(
  rules: WordRules,
  triggers: Triggers,
  lines: LineIndex,
  ctx: RuleContext,
  enabled: (rule: PatternRule) => boolean,
  on: (w: WordRule, hit: Hit) => void,
): void {
  const wordLines = wordLinesByRule(rules, triggers, lines);
  rules.list.forEach((w, i) => {
    if (!enabled(w.rule)) return;
    const hits: Hit[] = [];
    for (const [s, e] of wordSegments(lines, wordLines[i]!, w.reach)) runPattern(w.rule, ctx, w.re, linesBetween(lines, s, e), s, hits);
    for (const hit of hits) on(w, hit);
  });
}

function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}

/**
 * For each word rule, the lines where one of its own words stands and its lineTest holds, ascending.
 * Rules do not read each other's trigger lines: 密 stands on many prose lines of a government draft
 * (国家秘密、保密审查), which the other word rules have no business reading.
 */
function wordLinesByRule(rules: WordRules, triggers: Triggers, lines: LineIndex): number[][] {
  const out: number[][] = rules.list.map(() => []);
  const seen = new Int32Array(rules.list.length).fill(-1);
  const { read, wordsRead, words } = triggers;
  for (let k = 0; k < words.length; k++) {
    const at = wordsRead[k]!;
    const indices = rules.byFirst.get(read.charCodeAt(at));
    if (!indices) continue;
    const line = lines.lineOf(words[k]!);
    for (const i of indices) {
      if (seen[i] === line) continue;
      const w = rules.list[i]!;
      if (!startsWithAny(read, at, w.words)) continue;
      seen[i] = line;
      if (!w.lineTest || w.lineTest(triggers.readSpan(lines.start(line), lines.end(line)))) out[i]!.push(line);
    }
  }
  return out;
}

/** Each match of `re` over `text`, which stands at `offset` in the scanned text, through the rule's check. */
export function runPattern(rule: PatternRule, ctx: RuleContext, re: RegExp, text: string, offset: number, hits: Hit[]): void {
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
