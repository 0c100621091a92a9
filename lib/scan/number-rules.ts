import type { Candidates, Match, PatternRule } from './types';

type NumberSpec = Extract<Candidates, { numbers: unknown }>['numbers'];

/** A number rule as the engine runs it: its pattern made sticky, to be tried at a token's start. */
export interface NumberRule {
  rule: PatternRule;
  rank: number;
  spec: NumberSpec;
  sticky: RegExp;
  /** The UTF-16 units of `spec.lead.chars`: text[p] of a Chinese character is a new string each time. */
  leadUnits: number[];
}

export function numberRule(rule: PatternRule, rank: number, spec: NumberSpec): NumberRule {
  const flags = rule.pattern.flags.replace(/[gy]/g, '') + 'y';
  const chars = spec.lead?.chars ?? '';
  const leadUnits = Array.from({ length: chars.length }, (_, k) => chars.charCodeAt(k));
  return { rule, rank, spec, sticky: new RegExp(rule.pattern.source, flags), leadUnits };
}

export function fitsLength(nr: NumberRule, length: number): boolean {
  return length >= nr.spec.length[0] && length <= nr.spec.length[1];
}

function stickyAt(re: RegExp, text: string, at: number): Match | null {
  re.lastIndex = at;
  return re.exec(text);
}

/**
 * The match of `nr` that covers the token text[start, end): the leftmost one beginning at one of the
 * rule's lead characters before the token, or at the token itself. Offsets are into `text`.
 */
export function matchAtToken(nr: NumberRule, text: string, start: number, end: number): Match | null {
  const lead = nr.spec.lead;
  if (lead) {
    for (let p = Math.max(0, start - lead.max); p < start; p++) {
      if (!nr.leadUnits.includes(text.charCodeAt(p))) continue;
      const m = stickyAt(nr.sticky, text, p);
      if (m && m.index + m[0].length > start) return m;
    }
  }
  const m = stickyAt(nr.sticky, text, start);
  return m && m[0].length > 0 && m.index + m[0].length >= end ? m : null;
}
