/**
 * What "全部打码" writes into the draft in place of a personal value: the mask a 公示 may publish
 * (the county's practice and the checks in rules/cn-id-masked.ts), not the display mask of an excerpt.
 * An ID keeps its region and its last four, hiding the birth date; a mobile keeps 3 + 4; a card its
 * first and last four. Separators and a country prefix stay where they were, so the text reads the same.
 * Pure data and one small function: the content script and the MAIN-world editor bridge both use it.
 */
import { maskEmail } from '../scan/mask';
import type { Kind } from '../scan/types';

/** How many informative characters stay visible at each end. */
interface Keep {
  first: number;
  last: number;
}

type Rule = (length: number) => Keep;

/**
 * Per kind of personal finding: what stays visible, by the value's length in informative characters.
 * Kinds not listed (markings, internal markers, Word leftovers, custom words) are not masked: they are
 * removed or rewritten by the editor, not hidden.
 */
const KEEP: Partial<Record<Kind, Rule>> = {
  // 18 digits: region (6) + birth date (8, hidden) + sequence and check (4): 640221********1234.
  // 15 digits (pre-1999): region (6) + YYMMDD (6, hidden) + sequence (3).
  'cn-id': (n) => (n === 18 ? { first: 6, last: 4 } : n === 15 ? { first: 6, last: 3 } : { first: 3, last: 2 }),
  // 139****5678; a landline keeps its last four and the first three of its area code.
  phone: () => ({ first: 3, last: 4 }),
  'bank-card': () => ({ first: 4, last: 4 }),
  passport: () => ({ first: 2, last: 2 }),
  'hk-macau-pass': () => ({ first: 2, last: 2 }),
  'uscc-individual': () => ({ first: 3, last: 2 }),
};

/** Kinds "全部打码" can fix. */
export function isMaskable(kind: Kind): boolean {
  return kind === 'email' || KEEP[kind] !== undefined;
}

/** [0-9A-Za-z] and an earlier mask's '*': the characters a mask counts and hides. */
function informative(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 42;
}

/** +86 / 0086 / (86) before a mobile is not part of the number. */
const COUNTRY_PREFIX = /^(?:\+86|0086|\(86\))[ -]?/;

function keepEnds(raw: string, keep: Rule): string {
  let total = 0;
  for (let i = 0; i < raw.length; i++) if (informative(raw.charCodeAt(i))) total++;
  const { first, last } = keep(total);
  // Too short to keep both ends and still hide something: hide everything.
  const hideAll = first + last >= total;
  let seen = 0;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!informative(c)) {
      out += raw[i];
      continue;
    }
    seen++;
    out += !hideAll && (seen <= first || seen > total - last) ? raw[i] : '*';
  }
  return out;
}

/** The masked value to publish, or null when this kind is not masked but removed. */
export function publishMask(kind: Kind, raw: string): string | null {
  if (kind === 'email') return maskEmail(raw);
  const keep = KEEP[kind];
  if (!keep) return null;
  if (kind === 'phone') {
    const prefix = COUNTRY_PREFIX.exec(raw)?.[0] ?? '';
    return prefix + keepEnds(raw.slice(prefix.length), keep);
  }
  return keepEnds(raw, keep);
}
