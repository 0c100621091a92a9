import { lineAt } from '../lib/scan/context';
import type { TextView } from '../lib/scan/text-view';
import type { Hit, PatternRule, RuleContext } from '../lib/scan/types';

// The release note (附注) names the document's own disclosure: it decides wherever it stands.
const NOT_PUBLIC = '(?:此件|本件)[ \\t]*(?:不予|不宜|暂不|不)[ \\t]*(?:对外)?[ \\t]*公开(?:发布)?';
const ON_REQUEST = '(?:此件|本件)[ \\t]*依申请[ \\t]*公开';

// Masthead markers. These words also occur in ordinary sentences ("将内部资料进行整理"), so check()
// only accepts them where a marker stands: opening a line with nothing but a short trailer after it,
// or in brackets.
const MARKER = '仅供领导参阅|仅供参阅|内部资料|内部材料|内部使用|内部参阅|内部文件|不得外传|请勿外传|严禁外传';
// Handling instructions printed with the marker belong to it and are reported with it.
const HANDLING = '注意保存|妥善保存|妥善保管|注意保密|请勿外传|不得外传|严禁外传|请勿转发|不得翻印|请勿翻印|阅后收回|用后收回|仅供参考';
const OPEN = '[(\\[【〔]';
const CLOSE = '[)\\]】〕]';

const PATTERN = new RegExp(
  `(?<notPublic>${NOT_PUBLIC})|(?<onRequest>${ON_REQUEST})|` +
    `(?<marker>(?:${MARKER})(?:[ \\t]*[,;、]?[ \\t]*(?:${OPEN}[ \\t]*(?:${HANDLING})[ \\t]*${CLOSE}|(?:${HANDLING})))*)`,
  'g',
);

// What may follow a marker on its line without turning it into a sentence: an issue number, a date,
// a copy number, a short bracketed note, closing punctuation.
const TRAILER_TOKEN =
  /^[\s\p{P}★☆]*(?:(?:总)?第[ \t]*[0-9一二三四五六七八九十百〇零]+[ \t]*期|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:第[0-9一二三四五六七八九十]+期)?|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?|\d{1,6}|\([^()\n]{0,12}\)|【[^【】\n]{0,12}】|\[[^[\]\n]{0,12}\])/u;
const ONLY_PUNCT = /^[\s\p{P}★☆●■◆]*$/u;

function trailerOnly(rest: string): boolean {
  let s = rest;
  for (let i = 0; i < 6; i++) {
    if (ONLY_PUNCT.test(s)) return true;
    const t = TRAILER_TOKEN.exec(s);
    if (!t || t[0].length === 0) return false;
    s = s.slice(t[0].length);
  }
  return ONLY_PUNCT.test(s);
}

function inMarkerPosition(text: TextView, start: number, end: number): boolean {
  const line = lineAt(text, start);
  const before = text.slice(line.start, start);
  const after = text.slice(end, line.end);
  // (内部资料) anywhere; 《内部参阅》 is the title of a publication and “内部资料” a quotation, so
  // neither counts.
  if (new RegExp(`${OPEN}[ \\t]*$`).test(before) && new RegExp(`^[ \\t]*${CLOSE}`).test(after)) return true;
  return /^[\s★☆●■◆【[(〔]*$/.test(before) && trailerOnly(after);
}

const MSG_NOT_PUBLIC = {
  zh: '附注标明“此件不予公开”，不得上网发布',
  en: 'The release note says this document is not to be disclosed: it must not be published',
};
const MSG_ON_REQUEST = {
  zh: '附注标明“此件依申请公开”，本栏目用于主动公开，请确认公开属性',
  en: 'The release note says disclosure on request only; this channel is for active disclosure: confirm the disclosure mode',
};
const MSG_MARKER = {
  zh: '内部资料标识（仅限内部使用），不得上网发布',
  en: 'Internal-only marking: the document must not be published online',
};

function check(m: RegExpExecArray, ctx: RuleContext): Hit | null {
  const g = m.groups ?? {};
  const start = m.index;
  const end = start + m[0].length;
  if (g.notPublic) return { start, end, severity: 'block', message: MSG_NOT_PUBLIC };
  if (g.onRequest) return { start, end, severity: 'warn', message: MSG_ON_REQUEST };
  if (!inMarkerPosition(ctx.text, start, end)) return null;
  return { start, end, severity: 'block', message: MSG_MARKER };
}

export default {
  id: 'internal-marker',
  kind: 'internal-marker',
  defaultSeverity: 'block',
  personal: false,
  title: { zh: '内部资料标识', en: 'Internal-only marking' },
  description: {
    zh: '发现内部资料标识：内部资料（注意保存）、内部使用、内部参阅、仅供领导参阅、不得外传等（须在标识位置：行首或单独成行、括号中），以及附注“此件不予公开”。“此件依申请公开”提示确认公开属性；“此件公开发布”“主动公开”不报。',
    en: 'Finds internal-only markings: 内部资料 (注意保存), 内部使用, 内部参阅, 仅供领导参阅, 不得外传 ... where a marking stands (opening or alone on a line, or in brackets), and the release note 此件不予公开. 此件依申请公开 asks to confirm the disclosure mode; 此件公开发布 and 主动公开 are fine.',
  },
  examples: {
    flagged: ['内部资料  注意保存\n\n平罗县基层治理工作情况汇编（第5期）', '平罗县人民政府办公室\n2025年7月9日\n（此件不予公开）', '仅供领导参阅\n\n关于当前经济运行情况的分析'],
    quiet: [
      '本单位将内部资料进行整理，形成汇编。',
      '严格执行涉密文件不得外传的规定。',
      '平罗县人民政府\n2018年7月9日\n（此件公开发布）',
    ],
  },
  pattern: PATTERN,
  // Every alternative of the pattern opens with one of these words (此件不予公开, 仅供参阅, 不得外传 ...).
  candidates: { words: ['此件', '本件', '仅供', '内部资料', '内部材料', '内部使用', '内部参阅', '内部文件', '外传'] },
  check,
} satisfies PatternRule;
