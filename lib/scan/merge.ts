import { SEVERITY_RANK, type Hit, type Rule } from './types';

export interface Candidate {
  rule: Rule;
  /** The rule's place in the pack: the earlier rule wins a tie. */
  rank: number;
  hit: Hit;
  /** Position in the candidate list: the tie-break the stable sorts of mergeOverlapping rely on. */
  order: number;
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
export function mergeOverlapping(cands: Candidate[]): Candidate[] {
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
