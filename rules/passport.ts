import { headerNames } from '../lib/scan/columns';
import { near } from '../lib/scan/context';
import { NOT_AFTER_ALNUM, NOT_BEFORE_ALNUM } from '../lib/scan/patterns';
import { matchEnd, type PatternRule } from '../lib/scan/types';

export const PASSPORT_WORDS = ['护照', 'passport', 'Passport', 'PASSPORT'] as const;

/**
 * PRC passport numbers: ordinary e-passports E + 8 digits or E + letter (no I/O) + 7 digits, older
 * G + 8 digits; diplomatic, service and public-affairs passports D/S/P + 7 digits (DE/SE/PE + 7 on
 * the newer ones). A letter and a few digits is also what order, model and room numbers look like,
 * so only a passport word nearby (or in the table header) makes one a passport.
 */
const PASSPORT = '(?:E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[DSP]E?[0-9]{7})';

export default {
  id: 'passport',
  kind: 'passport',
  defaultSeverity: 'warn',
  personal: true,
  title: { zh: '护照号码', en: 'Passport number' },
  description: {
    zh: '中国护照号码（E+8 位数字、E+字母+7 位数字、G+8 位数字，外交/公务/公务普通护照 D/S/P+7 位数字），仅在旁边写明“护照”时提示打码。',
    en: 'PRC passport numbers (E + 8 digits, E + letter + 7 digits, G + 8 digits, diplomatic/service/public-affairs D/S/P + 7 digits), reported only next to the word 护照 / passport.',
  },
  examples: {
    flagged: ['护照号码：E12345678', '持普通护照（EA1234567）出境', 'Passport No. G12345678'],
    quiet: ['型号 E12345678', '护照办理须知：携带身份证原件', '护照号 E1234567', '项目编号 GE12345678'],
  },
  pattern: new RegExp(`${NOT_AFTER_ALNUM}${PASSPORT}${NOT_BEFORE_ALNUM}`, 'g'),
  candidates: { numbers: { length: [8, 9] } },
  check(m, ctx) {
    const start = m.index;
    const end = matchEnd(m);
    const labelled = near(ctx.text, start, end, PASSPORT_WORDS, 20, 8) || headerNames(ctx.text, start, PASSPORT_WORDS);
    if (!labelled) return null;
    return {
      start,
      end,
      severity: 'warn',
      message: { zh: '护照号码未打码，公开前请隐去或删除', en: 'Unmasked passport number: mask or remove it before publishing' },
    };
  },
} satisfies PatternRule;
