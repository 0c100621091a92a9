import { NOT_AFTER_ALNUM, NOT_BEFORE_ALNUM } from '../lib/scan/patterns';
import { matchEnd, type PatternRule } from '../lib/scan/types';
import { hasIdContext, isIdBirthDate, isIdRegion } from './shared/id-parts';

/**
 * The 15-digit IDs issued before 1999 (region + YYMMDD + 3). Without a check character any 15-digit
 * number could pass, so only one labelled as an ID is reported.
 */
export default {
  id: 'cn-id-legacy',
  kind: 'cn-id',
  defaultSeverity: 'block',
  personal: true,
  title: { zh: '15 位旧身份证号码', en: 'Legacy 15-digit ID number' },
  description: {
    zh: '1999 年前签发的 15 位身份证号（地区码 + 六位出生日期 + 顺序码），仅在旁边写明“身份证号”“公民身份号码”等字样时报告；可直接换算为 18 位号码，同样不得公开。',
    en: 'Pre-1999 15-digit ID (region + YYMMDD + sequence), reported only when labelled as an ID; it converts to the 18-digit number and must not be published either.',
  },
  examples: {
    flagged: ['公民身份号码：621027790320604'],
    quiet: ['订单号 621027790320604', '身份证号：999999790320604'],
  },
  pattern: new RegExp(`${NOT_AFTER_ALNUM}(\\d{6})(\\d{6})\\d{3}${NOT_BEFORE_ALNUM}`, 'g'),
  candidates: { numbers: { length: [15, 15] } },
  check(m, ctx) {
    const start = m.index;
    const end = matchEnd(m);
    if (!isIdRegion(m[1]!) || !isIdBirthDate(m[2]!) || !hasIdContext(ctx, start, end)) return null;
    return {
      start,
      end,
      severity: 'block',
      message: { zh: '完整的 15 位旧身份证号码，发布前必须打码或删除', en: 'Full legacy 15-digit ID number: mask or remove it before publishing' },
    };
  },
} satisfies PatternRule;
