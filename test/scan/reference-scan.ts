import { docSignals } from '../../lib/scan/context';
import { linesOf, openLines, restoreLines } from '../../lib/scan/lines';
import { toFinding } from '../../lib/scan/engine';
import { mergeOverlapping, type Candidate } from '../../lib/scan/merge';
import { normalize, toOriginalSpan } from '../../lib/scan/normalize';
import { numberRule } from '../../lib/scan/number-rules';
import type { Finding, Hit, Match, Rule, RuleContext } from '../../lib/scan/types';
import { wrapHits } from '../../lib/scan/wraps';

/**
 * The plain way to scan, against which the engine's single pass is checked: normalise the whole
 * text, run every rule's pattern over all of it, try every line break for a split number.
 */
export function referenceScan(original: string, rules: readonly Rule[]): Finding[] {
  const norm = normalize(original);
  const text = norm.text;
  const before = openLines(text);
  try {
    const ctx: RuleContext = { text, doc: docSignals(text) };
    const found: { rule: Rule; rank: number; hit: Hit }[] = [];
    rules.forEach((rule, rank) => {
      if ('checkDocument' in rule) {
        for (const hit of rule.checkDocument(ctx)) found.push({ rule, rank, hit });
        return;
      }
      const re = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g');
      for (let m: Match | null = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) re.lastIndex++;
        const hit = rule.check(m, ctx);
        if (hit) found.push({ rule, rank, hit });
      }
    });
    const numbers = rules.flatMap((rule, rank) =>
      'pattern' in rule && rule.candidates && 'numbers' in rule.candidates ? [numberRule(rule, rank, rule.candidates.numbers)] : [],
    );
    const numberHits = found.filter((f) => numbers.some((n) => n.rule === f.rule)).map((f) => f.hit);
    const reported = (start: number, end: number) => numberHits.some((h) => h.start < end && start < h.end);
    const lines = linesOf(text);
    for (let k = 0; k + 1 < lines.count; k++) {
      for (const { nr, hit } of wrapHits(ctx, lines, numbers, k, reported)) found.push({ rule: nr.rule, rank: nr.rank, hit });
    }
    found.sort((a, b) => a.rank - b.rank || a.hit.start - b.hit.start || a.hit.end - b.hit.end);
    const cands: Candidate[] = found.map((f, order) => ({ ...f, order }));
    return mergeOverlapping(cands).map(({ rule, hit }) =>
      toFinding(rule, hit, toOriginalSpan(norm, hit.start, hit.end), hit.value ?? text.slice(hit.start, hit.end), 'zh'),
    );
  } finally {
    restoreLines(before);
  }
}
