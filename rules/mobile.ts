import { columnHeader } from '../lib/scan/columns';
import { inPeopleRow, lineAt } from '../lib/scan/context';
import { followedByAmountUnit, mayOpenAt, precededByCurrency } from '../lib/scan/patterns';
import type { TextView } from '../lib/scan/text-view';
import { matchEnd, type PatternRule, type RuleContext } from '../lib/scan/types';

/**
 * Segments actually assigned to mobile networks: a random 1[3-9] number outside them (e.g. 140, 154,
 * 160, 179) is a serial number, not a phone.
 */
const SEGMENT = '1(?:3\\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\\d|9[0-35-9])\\d{8}';

// `*` counts as part of a number: 139****5678 is masked, and digits glued to a mask are a masked token.
// A digit followed by "." before the number makes it the decimal part of a figure (0.13912345678).
// The leading 0 is the trunk prefix some people still dial before an out-of-town mobile.
const PATTERN = new RegExp(
  `(?<![0-9A-Za-z*+]|\\d\\.)(?:(?:\\+86|0086|\\(86\\))[ -]?|0)?${SEGMENT}(?![0-9A-Za-z*]|\\.\\d)`,
  'g',
);

/** Words that make a mobile one row of a published list of people rather than a contact line. */
const LIST_WORDS = ['公示', '名单', '申请人', '户主', '身份证', '住址'] as const;
/** Column headers of a table of people. */
const PEOPLE_COLUMNS = ['姓名', '户主', '申请人', '身份证', '住址', '家庭成员', '收款人'] as const;
/** On the same line as one of these, a mobile is that person's: a line of one person's record. */
const PERSON_WORDS = ['申请人', '户主', '身份证', '公民身份号码', '证件号码', '家庭成员', '收款人', '持卡人'] as const;
/** A resident ID on the line, masked or not, makes the line one person's record too. */
const ID_ON_LINE = /(?<![0-9A-Za-z*])[0-9*]{17}[0-9Xx*](?![0-9A-Za-z*])/;
/** Right before the number, these say it is an office's line to call, whoever the line is about. */
const OFFICE_LABELS = ['咨询', '监督', '举报', '投诉', '热线', '办公', '值班', '服务电话'] as const;
/** A contact line of the unit: never an entry of the list it announces. */
const CONTACT_WORDS = ['联系人', '联系电话', '联系方式', ...OFFICE_LABELS] as const;
/**
 * An entry of a list of people: an optional number (1. 1、 (1) 1 ), then a name of two to four
 * characters and a separator — 张三，城关镇和平村，139… or 1. 张三  男  城关镇  139… .
 */
const LIST_ENTRY = /^\s*(?:\d{1,4}\s*[.、)]\s*|\(\d{1,4}\)\s*|\d{1,4}\s+)?[\u4e00-\u9fa5]{2,4}(?:[\s,、:;]|$)/;

/** Like near(), but the window stops at the line ends: a title two lines up does not label a number. */
function nearOnLine(text: TextView, start: number, end: number, words: readonly string[], before = 16, after = 8): boolean {
  const line = lineAt(text, start);
  const windowText = text.slice(Math.max(line.start, start - before), start) + '\u0000' + text.slice(end, Math.min(line.end, end + after));
  return words.some((w) => windowText.includes(w));
}

/** The line is one person's record (申请人…身份证号…电话…), and the number is not an office's line on it. */
function personRecord(ctx: RuleContext, start: number, end: number): boolean {
  // The words are Chinese and the number's neighbours are no digits: neither a word nor an ID can
  // overlap the number, so the whole line is searched rather than a copy without it.
  const line = lineAt(ctx.text, start).text;
  if (!PERSON_WORDS.some((w) => line.includes(w)) && !ID_ON_LINE.test(line)) return false;
  return !nearOnLine(ctx.text, start, end, OFFICE_LABELS, 8, 0);
}

/** An entry of a list of people in a document titled as one (公示, 名单, 花名册). */
function listEntry(ctx: RuleContext, start: number): boolean {
  if (!ctx.doc.listTitle) return false;
  const line = lineAt(ctx.text, start).text;
  return LIST_ENTRY.test(line) && !CONTACT_WORDS.some((w) => line.includes(w));
}

function isInPeopleList(ctx: RuleContext, start: number, end: number): boolean {
  return (
    inPeopleRow(ctx.text, start, ctx.doc) ||
    headerNamesAnywhere(ctx.text, start, PEOPLE_COLUMNS) ||
    nearOnLine(ctx.text, start, end, LIST_WORDS) ||
    personRecord(ctx, start, end) ||
    listEntry(ctx, start)
  );
}

/** The header of the table the number stands in names people in any of its columns. */
function headerNamesAnywhere(text: TextView, start: number, words: readonly string[]): boolean {
  const header = columnHeader(text, start);
  return header !== null && words.some((w) => header.rows.includes(w));
}

/** Chinese mobile numbers (11 digits, real segment, optional +86 / 0086 / (86) country prefix). */
export default {
  id: 'mobile',
  kind: 'phone',
  defaultSeverity: 'warn',
  personal: true,
  title: { zh: '手机号码', en: 'Mobile phone number' },
  description: {
    zh: '11 位手机号码（号段真实，可带 +86、0086、(86) 前缀，可用空格或横线按 3-4-4 分隔，全角数字也算）。出现在人员名单、表格中（表头列有姓名、身份证号等），与申请人、户主、身份证号同在一行，在“公示”“名单”文件的名单条目中，或靠近“公示”“名单”“申请人”“户主”“身份证”“住址”时必须打码（如 139****5678）；单独的联系人手机提示核实是否应改用办公电话。已打码的号码、金额和更长数字串中的片段不报告。',
    en: '11-digit mobile numbers (real segments, optional +86 / 0086 / (86) prefix, 3-4-4 groups with spaces or hyphens, full-width digits too). In a list or table of people (a header naming 姓名, 身份证号 ...), on one person\'s line with 申请人, 户主 or an ID number, in an entry of a document titled 公示 or 名单, or next to 公示, 名单, 申请人, 户主, 身份证 or 住址, they must be masked (139****5678); a lone contact mobile is a warning to consider an office line. Masked numbers, amounts and parts of longer digit runs are not reported.',
  },
  examples: {
    flagged: [
      '序号\t姓名\t联系电话\n1\t张三\t13912345678',
      '联系人：张三  手机：139 1234 5678',
      '申请人李四，电话+86 138-0013-8000',
    ],
    quiet: ['序号\t姓名\t联系电话\n1\t张三\t139****5678', '合同金额13912345678元', '卡号6217001391234567890', '编号 14012345678'],
  },
  pattern: PATTERN,
  // +86, 0086, (86) and the trunk 0 make the token 11 to 15 long; "+86 " and "(86) " stand before it.
  // Without a +86 or (86) before it, a match opens the token with the 1 of the number or a 0 (0086,
  // the trunk 0): other tokens are not tried.
  candidates: { numbers: { length: [11, 15], lead: { chars: '+(', max: 5 }, quiet: (text, start) => !mayOpenAt(text, start, '01', '+(', 5) } },
  check(m, ctx) {
    const start = m.index;
    const end = matchEnd(m);
    if (followedByAmountUnit(ctx.text, end)) return null;
    if (precededByCurrency(ctx.text, start, 3)) return null;
    if (isInPeopleList(ctx, start, end)) {
      return {
        start,
        end,
        severity: 'block',
        message: { zh: '手机号码未打码，公示名单中不得公开完整号码', en: 'Unmasked mobile number in a public list' },
      };
    }
    return {
      start,
      end,
      severity: 'warn',
      message: {
        zh: '完整手机号码：如为个人号码请打码，或改用办公电话',
        en: 'Full mobile number: mask it if it is personal, or give an office line',
      },
    };
  },
} satisfies PatternRule;
