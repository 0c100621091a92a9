import { isValidUscc } from '../lib/scan/checksums';
import { headerNames } from '../lib/scan/columns';
import { inPeopleRow, lineAt, near } from '../lib/scan/context';
import { NOT_AFTER_ALNUM, NOT_BEFORE_ALNUM } from '../lib/scan/patterns';
import { matchEnd, type PatternRule } from '../lib/scan/types';

/** Words that tie a business code to the person who runs it. */
export const PERSON_BUSINESS_WORDS = ['经营者', '个体工商户', '个体', '经营户', '业主姓名'] as const;

/**
 * GB 32100-2015: 1 registration authority (9 = market regulation), 1 entity type (2 = individual
 * business, 个体工商户), 6-digit region, 9-character organisation part, 1 check character. An
 * individual business is one natural person trading under a code; organisations (91 companies,
 * 11 government bodies, 12 public institutions, 5x social organisations) are public by nature and
 * are not matched at all.
 */
const USCC_92 = '92[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}';

export default {
  id: 'uscc-individual',
  kind: 'uscc-individual',
  defaultSeverity: 'warn',
  personal: true,
  title: { zh: '个体工商户统一社会信用代码', en: 'Unified social credit code of an individual business' },
  description: {
    zh: '以 92 开头、校验位正确的统一社会信用代码属于个体工商户，对应一名自然人经营者。与经营者姓名一起出现或在人员名单中时提示确认是否需要打码；单独出现时仅作提示。企业、机关、事业单位、社会组织的代码（91、11、12、5x 开头）不提示。',
    en: 'A unified social credit code starting with 92 (with a valid check character) belongs to an individual business run by one natural person. Next to the operator (经营者, 个体工商户) or in a list of people it is a warning; alone it is informational. Codes of companies, government bodies, public institutions and social organisations (91, 11, 12, 5x) are not reported.',
  },
  examples: {
    flagged: ['个体工商户：平罗县某某小吃店，经营者：张三，统一社会信用代码：92640221MA76BU4X22'],
    quiet: ['统一社会信用代码：91640221MA76BU4X25', '统一社会信用代码：11640221010007081C', '92640221MA76BU4X25'],
  },
  pattern: new RegExp(`${NOT_AFTER_ALNUM}${USCC_92}${NOT_BEFORE_ALNUM}`, 'g'),
  candidates: { numbers: { length: [18, 18] } },
  check(m, ctx) {
    if (!isValidUscc(m[0])) return null;
    const start = m.index;
    const end = matchEnd(m);
    const line = lineAt(ctx.text, start).text;
    const personal =
      PERSON_BUSINESS_WORDS.some((w) => line.includes(w)) ||
      near(ctx.text, start, end, PERSON_BUSINESS_WORDS, 40, 20) ||
      headerNames(ctx.text, start, PERSON_BUSINESS_WORDS) ||
      inPeopleRow(ctx.text, start, ctx.doc);
    if (personal) {
      return {
        start,
        end,
        severity: 'warn',
        message: {
          zh: '个体工商户统一社会信用代码与经营者个人对应，请确认公开范围，必要时打码',
          en: 'Code of an individual business, tied to its operator: confirm it may be published or mask it',
        },
      };
    }
    return {
      start,
      end,
      severity: 'info',
      message: {
        zh: '个体工商户统一社会信用代码（经营者为自然人），请确认可以公开',
        en: 'Code of an individual business (run by a natural person): confirm it may be published',
      },
    };
  },
} satisfies PatternRule;
