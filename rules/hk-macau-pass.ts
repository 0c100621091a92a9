import { headerNames } from '../lib/scan/columns';
import { near } from '../lib/scan/context';
import { NOT_AFTER_ALNUM, NOT_BEFORE_ALNUM, followedByAmountUnit } from '../lib/scan/patterns';
import type { TextView } from '../lib/scan/text-view';
import { matchEnd, type PatternRule } from '../lib/scan/types';

/** 往来港澳通行证 (mainland residents): a bare "通行证" is enough, and so is 港澳 in the label. */
const HK_MACAU_WORDS = ['通行证', '港澳'] as const;
/** 台湾居民来往大陆通行证: eight or ten digits look like anything, so the label must name the permit. */
const TAIWAN_WORDS = ['台胞证', '来往大陆'] as const;
/** 港澳居民来往内地通行证 (回乡证), the same family of permits seen from the other side. */
const HOME_RETURN_WORDS = ['回乡证', '来往内地', '通行证'] as const;

/**
 * Exit-entry permits. Mainland residents' 往来港澳通行证: C + 8 digits, C + letter (no I/O) + 7
 * digits on the card, W + 8 digits on the old booklet. 台胞证: 8 digits (card since 2015) or 10
 * digits (older). 回乡证: H/M + 8 or 10 digits. Each shape is also an ordinary code or number, so
 * every one needs the permit named beside it.
 */
const PATTERN =
  `${NOT_AFTER_ALNUM}(?:(?<mainland>C[0-9]{8}|C[A-HJ-NP-Z][0-9]{7}|W[0-9]{8})|(?<homeReturn>[HM][0-9]{8}(?:[0-9]{2})?)|(?<taiwan>[0-9]{8}(?:[0-9]{2})?))${NOT_BEFORE_ALNUM}`;

function labelled(text: TextView, start: number, end: number, words: readonly string[]): boolean {
  return near(text, start, end, words, 20, 8) || headerNames(text, start, words);
}

export default {
  id: 'hk-macau-pass',
  kind: 'hk-macau-pass',
  defaultSeverity: 'warn',
  personal: true,
  title: { zh: '港澳台通行证号码', en: 'HK/Macau/Taiwan travel permit number' },
  description: {
    zh: '往来港澳通行证（C+8 位数字、C+字母+7 位数字、旧版 W+8 位数字）、台湾居民来往大陆通行证（8 位或 10 位数字）和港澳居民来往内地通行证（H/M 开头），仅在旁边写明“通行证”“港澳”“台胞证”等字样时提示打码。',
    en: 'Exit-entry permit numbers: mainland residents\' HK/Macau permit (C + 8 digits, C + letter + 7 digits, old W + 8 digits), Taiwan residents\' mainland permit (8 or 10 digits) and HK/Macau residents\' home-return permit (H/M …), reported only next to a word naming the permit.',
  },
  examples: {
    flagged: ['往来港澳通行证号码：C12345678', '港澳通行证 CA1234567', '台胞证号码：12345678'],
    quiet: ['合同编号 C12345678', '通行证办理地点：县政务服务中心', '编号 12345678', '台胞证号码：12345678元'],
  },
  pattern: new RegExp(PATTERN, 'g'),
  candidates: { numbers: { length: [8, 11] } },
  check(m, ctx) {
    const start = m.index;
    const end = matchEnd(m);
    const g = m.groups ?? {};
    let ok: boolean;
    if (g['mainland']) ok = labelled(ctx.text, start, end, HK_MACAU_WORDS);
    else if (g['homeReturn']) ok = labelled(ctx.text, start, end, HOME_RETURN_WORDS);
    else ok = !followedByAmountUnit(ctx.text, end) && labelled(ctx.text, start, end, TAIWAN_WORDS);
    if (!ok) return null;
    return {
      start,
      end,
      severity: 'warn',
      message: { zh: '通行证号码未打码，公开前请隐去或删除', en: 'Unmasked travel permit number: mask or remove it before publishing' },
    };
  },
} satisfies PatternRule;
