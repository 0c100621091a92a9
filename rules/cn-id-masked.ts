import { NOT_BEFORE_ALNUM } from '../lib/scan/patterns';
import { matchEnd, type PatternRule } from '../lib/scan/types';
import { isIdBirthDate } from './shared/id-parts';
import { isKnownProvince, isKnownRegion } from './data/regions';

// Positions 10–13 hold the birth month and day: hiding them is what makes a published ID safe.
const MONTH_DAY = [10, 11, 12, 13];
const MIN_HIDDEN = 8;

const STAR = 42;

/** text[start, end) hides at least MIN_HIDDEN characters, the birth month and day among them. */
function maskedEnough(text: string, start: number, end: number): boolean {
  for (const i of MONTH_DAY) if (text.charCodeAt(start + i) !== STAR) return false;
  let hidden = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === STAR) hidden++;
  return hidden >= MIN_HIDDEN;
}

/**
 * A masked ID is compliant only when at least eight characters are hidden and the birth month and
 * day are among them. With fewer hidden, one or two digits can be recovered from the check character.
 */
export default {
  id: 'cn-id-masked',
  kind: 'cn-id',
  defaultSeverity: 'warn',
  personal: true,
  title: { zh: '打码不足的身份证号码', en: 'Insufficiently masked ID number' },
  description: {
    zh: '已部分打码的 18 位身份证号：隐去不少于 8 位且包含出生月日（如 640221********1234）为合规，不报告；隐去位数不足或出生日期仍可见（如 44132219771202**33）时提示，少量隐去的数字可由校验码推算恢复。',
    en: 'A partly masked 18-digit ID: at least 8 hidden characters covering the birth month and day (640221********1234) is compliant; fewer, or a visible birth date (44132219771202**33), is reported — a few hidden digits can be recovered from the check character.',
  },
  examples: {
    flagged: ['44132219771202**33', '身份证号 6402211990010112*4'],
    quiet: ['640221********1234', '6402**********123X', '********'],
  },
  pattern: new RegExp(`(?<![0-9A-Za-z*])[0-9*]{17}[0-9Xx*]${NOT_BEFORE_ALNUM}(?!\\*)`, 'g'),
  // Most masked IDs in a published list are masked as they should be: those are not even matched.
  candidates: { numbers: { length: [18, 18], masked: true, quiet: maskedEnough } },
  check(m) {
    const id = m[0];
    if (!id.includes('*') || maskedEnough(id, 0, id.length)) return null;
    // Serial numbers with stars are common; require what is visible to look like an ID.
    const region = id.slice(0, 6);
    if (!region.includes('*') ? !isKnownRegion(region) : !isKnownProvince(region.slice(0, 2))) return null;
    const date = id.slice(6, 14);
    if (!date.includes('*') && !isIdBirthDate(date)) return null;
    return {
      start: m.index,
      end: matchEnd(m),
      severity: 'warn',
      message: {
        zh: '身份证号打码不足：应至少隐去 8 位并包含出生月日（如 640221********1234）',
        en: 'ID not masked enough: hide at least 8 characters including the birth month and day',
      },
    };
  },
} satisfies PatternRule;
