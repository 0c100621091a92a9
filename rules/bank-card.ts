import { isPlausibleBirthDate, isValidIdChecksum, luhnValid } from '../lib/scan/checksums';
import { labelBefore, lineAt, near } from '../lib/scan/context';
import { columnHeader } from '../lib/scan/columns';
import { NOT_AFTER_ALNUM, NOT_BEFORE_ALNUM, followedByAmountUnit, precededByCurrency } from '../lib/scan/patterns';
import type { TextView } from '../lib/scan/text-view';
import { matchEnd, type Hit, type PatternRule } from '../lib/scan/types';

/** Words that say "this number is a bank account", in prose or as a label. */
export const CARD_WORDS = ['卡号', '账号', '帐号', '开户行', '开户银行', '存折', '一卡通', '一折通', '银行卡'] as const;

/** Words in a table header cell that name a card/account column (开户银行 names the bank, not the number). */
const CARD_HEADER = /卡号|账号|帐号|存折|一卡通|一折通|银行卡/;

function cellSeparator(line: string): '\t' | '|' | null {
  if (line.includes('\t')) return '\t';
  if (line.includes('|')) return '|';
  return null;
}

/**
 * The header of the match's own column says it is a card. 'column' when the header cell over the
 * value names a card; 'table' when the header's cells do not line up (merged cells) but the header
 * names a card somewhere; null otherwise. Column precision matters: payout tables carry an ID
 * column beside the card column, and the ID must not be taken for a card.
 */
export function cardColumn(text: TextView, start: number): 'column' | 'table' | null {
  const header = columnHeader(text, start);
  if (!header) return null;
  if (header.cell !== undefined) return CARD_HEADER.test(header.cell) ? 'column' : null;
  return CARD_HEADER.test(header.rows) ? 'table' : null;
}

/** A label right before the number on its own line ("卡号:"), not one that belongs to an earlier value. */
function cardLabelBefore(text: TextView, start: number): boolean {
  const label = labelBefore(text, start, 16);
  const own = label.slice(label.search(/\d[^\d]*$/) + 1);
  return CARD_WORDS.some((w) => own.includes(w)) && !own.includes('身份');
}

/**
 * A card word near the number. In a table row only the row itself counts: the header line above
 * names every column, and 开户银行 over the bank-name column says nothing about a contract number.
 */
function nearCardWord(text: TextView, start: number, end: number): boolean {
  const line = lineAt(text, start);
  if (cellSeparator(line.text)) return near(line.text, start - line.start, end - line.start, CARD_WORDS, 20, 8);
  return near(text, start, end, CARD_WORDS, 20, 8);
}

/**
 * A resident ID sits beside card columns and card words all the time; only a label of its own
 * (卡号: right before it, or its own column header) makes it a card. The ID rule reports the rest.
 */
function cardContext(text: TextView, start: number, end: number, idLike: boolean): boolean {
  return idLike
    ? cardLabelBefore(text, start) || cardColumn(text, start) === 'column'
    : nearCardWord(text, start, end) || cardColumn(text, start) !== null;
}

/** An 18-digit number that reads as a resident ID (check character and a real birth date). */
function looksLikeResidentId(digits: string): boolean {
  if (digits.length !== 18 || !isValidIdChecksum(digits)) return false;
  return isPlausibleBirthDate(Number(digits.slice(6, 10)), Number(digits.slice(10, 12)), Number(digits.slice(12, 14)));
}

export default {
  id: 'bank-card',
  kind: 'bank-card',
  defaultSeverity: 'block',
  personal: true,
  title: { zh: '银行卡号', en: 'Bank card number' },
  description: {
    zh: '16–19 位银行卡号（空格或连字符分隔的也算）：Luhn 校验通过，且为银联 62 开头或旁边/表头写明“卡号”“账号”“开户行”“存折”“一卡通”等字样时，必须打码后发布。校验不通过但有这些字样时，按疑似录入错误提示。SIM 卡 ICCID（8986 开头）、金额、以及无卡号字样的身份证号不算。',
    en: '16–19 digit bank card numbers (also when typed with spaces or hyphens): Luhn-valid and either a UnionPay 62 prefix or a label such as 卡号, 账号, 开户行, 存折, 一卡通 nearby or in the column header → must be masked. Luhn failure with such a label is reported as a probable typo. SIM ICCIDs (8986…), amounts and resident IDs without a card label are not cards.',
  },
  examples: {
    flagged: ['银行卡号：6228480906369142', '开户行：黄河农商银行 账号 6214 8340 4922 6247 005', '一折通账号：6228480906369143'],
    quiet: ['ICCID 8986 0112 3456 7890 1234', '订单号 6228480906369143', '合计 6228480906369142元', '640502196206253836'],
  },
  pattern: new RegExp(`${NOT_AFTER_ALNUM}(?<!\\d\\.)(?<!\\*)\\d{16,19}${NOT_BEFORE_ALNUM}(?!\\.\\d)(?!\\*)`, 'g'),
  candidates: { numbers: { length: [16, 19] } },
  check(m, ctx): Hit | null {
    const digits = m[0];
    const start = m.index;
    const end = matchEnd(m);
    const text = ctx.text;
    if (followedByAmountUnit(text, end) || precededByCurrency(text, start, 2)) return null;
    // SIM cards print their ICCID (89 telecom + 86 China) on the card; it is no bank account.
    if (digits.startsWith('8986') && digits.length >= 19) return null;

    const idLike = looksLikeResidentId(digits);
    const luhn = luhnValid(digits);
    // A UnionPay number passing Luhn is a card whatever stands around it; the context is looked up
    // only when the verdict depends on it, and the cheap label test goes before the header walk.
    const needsContext = !luhn || idLike || !digits.startsWith('62');
    const context = needsContext && cardContext(text, start, end, idLike);

    if (luhn) {
      if (!context && (idLike || !digits.startsWith('62'))) return null;
      return {
        start,
        end,
        severity: 'block',
        message: { zh: '银行卡号未打码，发布前必须隐去中间位数或删除', en: 'Unmasked bank card number: mask the middle digits or remove it' },
      };
    }
    if (!context) return null;
    return {
      start,
      end,
      severity: 'warn',
      message: { zh: '疑似银行卡号（校验位不符，可能录入有误），请核对并打码', en: 'Probable bank card number with a failing check digit (a typo?): check and mask it' },
    };
  },
} satisfies PatternRule;
