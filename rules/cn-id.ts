import { isValidIdChecksum } from '../lib/scan/checksums';
import { NOT_AFTER_ALNUM, NOT_BEFORE_ALNUM, followedByAmountUnit } from '../lib/scan/patterns';
import { matchEnd, type PatternRule } from '../lib/scan/types';
import { hasIdContext, isIdBirthDate, isIdRegion } from './shared/id-parts';

/**
 * 18-digit resident ID (GB 11643-1999), HK/Macau/Taiwan residence permits (810000/820000/830000) and
 * foreigners' permanent-residence IDs (9 + province): all share the layout and the check character.
 */
export default {
  id: 'cn-id',
  kind: 'cn-id',
  defaultSeverity: 'block',
  personal: true,
  title: { zh: '居民身份证号码', en: 'Resident ID number' },
  description: {
    zh: '18 位公民身份号码（含港澳台居民居住证、外国人永久居留身份证）：校验码正确、出生日期真实且不晚于今天、地区码在 1981 年以来任一年份存在，即为完整身份证号，必须打码或删除后才能发布。校验码错误但旁边写明“身份证号”等字样时，按疑似录入错误提示。',
    en: '18-digit resident ID (also HK/Macau/Taiwan residence permits and foreigners\' permanent-residence IDs): valid check character, a real birth date not in the future and a region code that existed in any year since 1981. Must be masked or removed before publishing. A checksum failure next to a label such as 身份证号 is reported as a probable typo.',
  },
  examples: {
    flagged: ['身份证号：11010519491231002X', '公民身份号码 440524188001010014', '身份证号码：110105194912310021'],
    quiet: ['合同编号 110105194912310021', '440524188001010015', '金额 110105194912310021元'],
  },
  pattern: new RegExp(`${NOT_AFTER_ALNUM}(\\d{6})(\\d{8})\\d{3}[\\dXx]${NOT_BEFORE_ALNUM}`, 'g'),
  candidates: { numbers: { length: [18, 18] } },
  check(m, ctx) {
    const start = m.index;
    const end = matchEnd(m);
    if (followedByAmountUnit(ctx.text, end)) return null;
    const wellFormed = isIdRegion(m[1]!) && isIdBirthDate(m[2]!);
    if (wellFormed && isValidIdChecksum(m[0])) {
      return {
        start,
        end,
        severity: 'block',
        message: { zh: '完整的身份证号码，发布前必须打码（隐去出生月日）或删除', en: 'Full resident ID number: mask the birth date or remove it before publishing' },
      };
    }
    if (!hasIdContext(ctx, start, end)) return null;
    return {
      start,
      end,
      severity: 'warn',
      message: { zh: '疑似身份证号码（校验位不符，可能录入有误），请核对并打码', en: 'Probable resident ID with a wrong check character (a typo?): check and mask it' },
    };
  },
} satisfies PatternRule;
