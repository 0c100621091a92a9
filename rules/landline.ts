import { columnHeader } from '../lib/scan/columns';
import { inPeopleRow, lineAt } from '../lib/scan/context';
import { followedByAmountUnit, mayOpenAt } from '../lib/scan/patterns';
import type { TextView } from '../lib/scan/text-view';
import { matchEnd, type PatternRule, type RuleContext } from '../lib/scan/types';
import { AREA_CODES } from './data/area-codes';

/**
 * Normalisation joins "0952-6995536" into one run, and also a "-123" extension behind it, so a run is
 * area code + 7–8 digit number + up to 4 glued extension digits. The "(0952)" form keeps its brackets.
 * Every match starts with 0, so 12345, 110, 95xxx and 400/800 numbers never reach check().
 */
const PATTERN = new RegExp(
  '(?<![0-9A-Za-z*+]|\\d\\.)' +
    '(?:\\((0\\d{2,3})\\)[ -]?(\\d{7,12})|(0\\d{9,15}))' +
    '(?:[ ]?(?:转|分机号?|[Ee][Xx][Tt]\\.?)[ :]?\\d{1,6})?' +
    '(?![0-9A-Za-z*]|\\.\\d)',
  'g',
);

/** Labels of numbers the measures want published: office, enquiry and complaint lines. */
const OFFICE_WORDS = ['办公', '咨询', '监督', '举报', '投诉', '传真', '热线', '服务电话', '值班'] as const;
const GENERIC_PHONE_WORDS = ['联系电话', '电话', '联系方式'] as const;
/** Labels of one person's home line. */
const HOME_WORDS = ['住宅', '家庭电话', '家庭座机', '宅电', '户主', '家中电话'] as const;

/** Splits "0952" + "6995536…" using the table; the codes are prefix-free, so at most one split fits. */
export function splitAreaCode(digits: string): { area: string; rest: string } | null {
  for (const len of [3, 4]) {
    const area = digits.slice(0, len);
    if (AREA_CODES.has(area)) return { area, rest: digits.slice(len) };
  }
  return null;
}

/** Subscriber number (7–8 digits, first digit 2–9) plus at most 4 extension digits glued on. */
function isSubscriber(rest: string): boolean {
  return /^[2-9]\d{6,11}$/.test(rest);
}

function onLineWindow(text: TextView, start: number, end: number, before: number, after: number): string {
  const line = lineAt(text, start);
  return text.slice(Math.max(line.start, start - before), start) + '\u0000' + text.slice(end, Math.min(line.end, end + after));
}

const includesAny = (s: string | undefined, words: readonly string[]) => s !== undefined && words.some((w) => s.includes(w));

type Use = 'home' | 'office' | 'unknown';

function useOf(ctx: RuleContext, start: number, end: number): Use {
  const label = onLineWindow(ctx.text, start, end, 16, 8);
  if (includesAny(label, HOME_WORDS)) return 'home';
  if (includesAny(label, OFFICE_WORDS)) return 'office';
  const found = columnHeader(ctx.text, start);
  const header = found ? (found.cell ?? found.rows) : undefined;
  if (includesAny(header, HOME_WORDS)) return 'home';
  if (includesAny(header, OFFICE_WORDS)) return 'office';
  // A phone column of a people list (联系电话) holds the people's own numbers.
  if (inPeopleRow(ctx.text, start, ctx.doc)) return 'home';
  if (includesAny(label, GENERIC_PHONE_WORDS)) return 'office';
  return 'unknown';
}

/** Chinese landline numbers with a real area code. */
export default {
  id: 'landline',
  kind: 'phone',
  defaultSeverity: 'info',
  personal: true,
  title: { zh: '固定电话号码', en: 'Landline number' },
  description: {
    zh: '带区号的固定电话（区号按真实区号表核对，号码 7–8 位，可带“转”“分机”“-”“ext.”分机号）。办公、咨询、监督、举报、投诉电话和传真、热线是《办法》要求公开的，只作提示；出现在人员名单的行中或标明为住宅、家庭电话、户主电话时报告警告。12345、12380、110、95xxx、400/800 等服务号码不报告。',
    en: 'Landline numbers with a real area code (checked against the area-code table), 7–8 digits, optional extension (转, 分机, -, ext.). Office, enquiry, supervision, complaint, fax and hotline numbers are meant to be published and only noted; a number in a row of a list of people or labelled as a home phone (住宅, 家庭电话, 户主) is a warning. Service numbers (12345, 12380, 110, 95xxx, 400/800) are not reported.',
  },
  examples: {
    flagged: ['序号\t姓名\t住址\t联系电话\n1\t张三\t和平村\t0952-6995536', '户主张三，住宅电话(0952)6995536'],
    quiet: ['监督电话：0952-6995536  政务服务便民热线：12345', '咨询电话：（0952）6995536转123', '客服热线 400-810-8888', '编号 0260 1234567'],
  },
  pattern: PATTERN,
  // 0 + area code + number (+ glued extension) is 10 to 16 digits; in "(0952)6995536" the token is
  // the 7 to 12 digits after the bracket, which opens up to 7 characters before it.
  // Every match opens with the trunk 0 or the bracket: a token without either (a mobile, a serial
  // number) is not tried.
  candidates: { numbers: { length: [7, 16], lead: { chars: '(', max: 7 }, quiet: (text, start) => !mayOpenAt(text, start, '0', '(', 7) } },
  check(m, ctx) {
    const start = m.index;
    const end = matchEnd(m);
    const split = m[1] !== undefined ? (AREA_CODES.has(m[1]) ? { area: m[1], rest: m[2]! } : null) : splitAreaCode(m[3]!);
    if (!split || !isSubscriber(split.rest)) return null;
    if (followedByAmountUnit(ctx.text, end)) return null;
    if (useOf(ctx, start, end) === 'home') {
      return {
        start,
        end,
        severity: 'warn',
        message: { zh: '个人住宅电话：人员名单中不得公开，请删除或打码', en: 'Personal home phone number: remove or mask it' },
      };
    }
    return {
      start,
      end,
      severity: 'info',
      message: {
        zh: '固定电话：办公电话可以公开，请确认不是个人住宅电话',
        en: 'Landline: fine if it is an office line; make sure it is not a home phone',
      },
    };
  },
} satisfies PatternRule;
