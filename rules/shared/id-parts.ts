import { headerNames } from '../../lib/scan/columns';
import { near } from '../../lib/scan/context';
import { isPlausibleBirthDate } from '../../lib/scan/checksums';
import type { RuleContext } from '../../lib/scan/types';
import { isKnownProvince, isKnownRegion } from '../data/regions';

/** Words that say "this number is an ID" — a mistyped or legacy ID is only reported next to them. */
export const ID_WORDS = ['身份证', '公民身份号码', '证件号码', '身份号码', '身份证号', '证件号', '居民身份'] as const;

export function hasIdContext(ctx: RuleContext, start: number, end: number): boolean {
  return near(ctx.text, start, end, ID_WORDS, 20, 4) || headerNames(ctx.text, start, ID_WORDS);
}

/** Region part of an 18-digit ID: mainland code of any year, permit codes, or a foreigner's 9 + province. */
export function isIdRegion(region: string): boolean {
  if (region.startsWith('9')) return isKnownProvince(region.slice(1, 3));
  return isKnownRegion(region);
}

/** YYYYMMDD (or YYMMDD of the 15-digit form, read as 19YY). */
export function isIdBirthDate(date: string): boolean {
  const n = date.length;
  // Six or eight ASCII digits, the IDs' case, are read as numbers in place; anything else as before.
  if ((n === 6 || n === 8) && allDigits(date)) {
    const y = n === 6 ? 1900 + twoDigits(date, 0) : twoDigits(date, 0) * 100 + twoDigits(date, 2);
    return isPlausibleBirthDate(y, twoDigits(date, n - 4), twoDigits(date, n - 2));
  }
  const y = n === 6 ? 1900 + Number(date.slice(0, 2)) : Number(date.slice(0, 4));
  const rest = date.slice(n - 4);
  return isPlausibleBirthDate(y, Number(rest.slice(0, 2)), Number(rest.slice(2)));
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}

const twoDigits = (s: string, at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;
