import { docSignals } from './context';
import { openLines, restoreLines } from './lines';
import { maskValue } from './mask';
import { normalize, toOriginalSpan } from './normalize';
import { SEVERITY_RANK, type DocSignals, type Finding, type Kind, type Hit, type PatternRule, type Rule, type RuleContext, type Severity } from './types';

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

interface Candidate {
  rule: Rule;
  rank: number;
  hit: Hit;
  /** Position in the candidate list: the tie-break the stable sorts of mergeOverlapping rely on. */
  order: number;
}

/** A run of whole lines [start, end), end at a '\n' or the end of the text. */
type Segment = readonly [start: number, end: number];

/**
 * The lines where `trigger` matches, merged into runs of adjacent lines. After a hit the search jumps
 * to the next line: one hit is enough to take the line, and most lines with one have several.
 */
export function triggerSegments(text: string, trigger: RegExp): Segment[] {
  const re = new RegExp(trigger.source, trigger.flags.includes('g') ? trigger.flags : trigger.flags + 'g');
  const segments: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // A trigger never matches across a line break, but if one did, every line it touches is taken.
    const start = m.index === 0 ? 0 : text.lastIndexOf('\n', m.index - 1) + 1;
    let end = text.indexOf('\n', m.index + Math.max(0, m[0].length - 1));
    if (end < 0) end = text.length;
    const last = segments[segments.length - 1];
    if (last && start <= last[1] + 1) last[1] = end;
    else segments.push([start, end]);
    if (end >= text.length) break;
    re.lastIndex = end + 1;
  }
  return segments;
}

/** A private copy keeps lastIndex state out of the shared rule object (scans may interleave). */
function globalCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
}

function runPattern(rule: PatternRule, ctx: RuleContext, re: RegExp, text: string, offset: number, hits: Hit[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    // check() sees offsets into the whole text; it reads the text through ctx, never m.input.
    if (offset !== 0) m.index += offset;
    const hit = rule.check(m, ctx);
    if (hit) hits.push(hit);
  }
}

function runRule(rule: Rule, ctx: RuleContext, segmentsOf: (trigger: RegExp) => Segment[]): Hit[] {
  if ('checkDocument' in rule) return rule.checkDocument(ctx);
  const hits: Hit[] = [];
  const re = globalCopy(rule.pattern);
  if (!rule.trigger) {
    runPattern(rule, ctx, re, ctx.text, 0, hits);
    return hits;
  }
  // Only the lines the trigger found can hold a finding. Each segment starts at a line start and ends
  // at a line end, where the pattern's look-arounds see the same as at a line break.
  for (const [start, end] of segmentsOf(rule.trigger)) runPattern(rule, ctx, re, ctx.text.slice(start, end), start, hits);
  return hits;
}

const byStrength = (a: Candidate, b: Candidate) =>
  SEVERITY_RANK[b.hit.severity] - SEVERITY_RANK[a.hit.severity] ||
  a.rank - b.rank ||
  b.hit.end - b.hit.start - (a.hit.end - a.hit.start) ||
  a.order - b.order;

/**
 * Overlapping findings keep the strongest: higher severity, then the earlier rule, then the longer span.
 * Candidates are taken strongest first, each kept unless it overlaps one already kept. Only candidates
 * in one chain of overlaps can affect each other, so the choice is made per chain: linear in the
 * number of findings instead of comparing each with all kept so far.
 */
function mergeOverlapping(cands: Candidate[]): Candidate[] {
  const byStart = [...cands].sort((a, b) => a.hit.start - b.hit.start || a.order - b.order);
  const kept: Candidate[] = [];
  for (let i = 0; i < byStart.length; ) {
    let j = i + 1;
    let reach = byStart[i]!.hit.end;
    while (j < byStart.length && byStart[j]!.hit.start < reach) reach = Math.max(reach, byStart[j++]!.hit.end);
    if (j === i + 1) kept.push(byStart[i]!);
    else {
      const chainKept: Candidate[] = [];
      for (const c of byStart.slice(i, j).sort(byStrength)) {
        if (!chainKept.some((k) => k.hit.start < c.hit.end && c.hit.start < k.hit.end)) chainKept.push(c);
      }
      kept.push(...chainKept);
    }
    i = j;
  }
  return kept.sort((a, b) => a.hit.start - b.hit.start || a.hit.end - b.hit.end || byStrength(a, b));
}

export function scan(original: string, options: ScanOptions): Finding[] {
  const norm = normalize(original);
  const before = openLines(norm.text);
  try {
    const ctx: RuleContext = { text: norm.text, doc: options.doc ?? docSignals(norm.text) };
    const locale = options.locale ?? 'zh';
    // Rules that share a trigger share its segments.
    const segments = new Map<string, Segment[]>();
    const segmentsOf = (trigger: RegExp) => {
      const key = `${trigger.flags}/${trigger.source}`;
      let s = segments.get(key);
      if (!s) segments.set(key, (s = triggerSegments(norm.text, trigger)));
      return s;
    };
    const cands: Candidate[] = [];
    options.rules.forEach((rule, rank) => {
      const setting = options.settings?.[rule.id];
      if (setting?.enabled === false) return;
      for (const hit of runRule(rule, ctx, segmentsOf)) {
        if (options.allow?.(rule.kind, norm.text.slice(hit.start, hit.end))) continue;
        cands.push({ rule, rank, hit: setting?.severity ? { ...hit, severity: setting.severity } : hit, order: cands.length });
      }
    });
    return mergeOverlapping(cands).map(({ rule, hit }) => {
      const span = toOriginalSpan(norm, hit.start, hit.end);
      const value = norm.text.slice(hit.start, hit.end);
      return {
        ruleId: rule.id,
        kind: rule.kind,
        severity: hit.severity,
        start: span.start,
        end: span.end,
        excerpt: rule.personal ? (rule.mask ?? maskValue)(value) : value.slice(0, 40),
        message: hit.message[locale],
      };
    });
  } finally {
    restoreLines(before);
  }
}
