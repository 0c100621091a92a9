import { docSignals } from './context';
import { maskValue } from './mask';
import { normalize, toOriginalSpan } from './normalize';
import { SEVERITY_RANK, type DocSignals, type Finding, type Hit, type Rule, type RuleContext, type Severity } from './types';

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
}

interface Candidate {
  rule: Rule;
  rank: number;
  hit: Hit;
}

function runRule(rule: Rule, ctx: RuleContext): Hit[] {
  if ('checkDocument' in rule) return rule.checkDocument(ctx);
  const hits: Hit[] = [];
  // A private copy keeps lastIndex state out of the shared rule object (scans may interleave).
  const re = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g');
  for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
    if (m[0].length === 0) re.lastIndex++;
    const hit = rule.check(m, ctx);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** Overlapping findings keep the strongest: higher severity, then the earlier rule, then the longer span. */
function mergeOverlapping(cands: Candidate[]): Candidate[] {
  const ordered = [...cands].sort(
    (a, b) =>
      SEVERITY_RANK[b.hit.severity] - SEVERITY_RANK[a.hit.severity] ||
      a.rank - b.rank ||
      b.hit.end - b.hit.start - (a.hit.end - a.hit.start),
  );
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (!kept.some((k) => k.hit.start < c.hit.end && c.hit.start < k.hit.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.hit.start - b.hit.start || a.hit.end - b.hit.end);
}

export function scan(original: string, options: ScanOptions): Finding[] {
  const norm = normalize(original);
  const ctx: RuleContext = { text: norm.text, doc: options.doc ?? docSignals(norm.text) };
  const locale = options.locale ?? 'zh';
  const cands: Candidate[] = [];
  options.rules.forEach((rule, rank) => {
    const setting = options.settings?.[rule.id];
    if (setting?.enabled === false) return;
    for (const hit of runRule(rule, ctx)) {
      cands.push({ rule, rank, hit: setting?.severity ? { ...hit, severity: setting.severity } : hit });
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
}
