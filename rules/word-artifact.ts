import { wordsInBothWidths } from '../lib/scan/patterns';
import type { Hit, Localized, PatternRule } from '../lib/scan/types';

// Text pasted from a Word/WPS conversion (docx → text, or Office HTML) keeps pieces of the file's
// machinery. A bracketed bookmark shows up as literal text on the published page, so it is a warning;
// the other remnants are usually hidden in markup or harmless and are only pointed out.
const PATTERN = new RegExp(
  [
    '(?<bookmark>\\[bookmark:[^\\]\\n]{0,80}\\])',
    '(?<goBack>(?<![0-9A-Za-z])_GoBack(?![0-9A-Za-z]))',
    '(?<field>(?:\\\\\\*[ \\t]*)?MERGEFORMAT(?:INET)?(?![A-Za-z]))',
    '(?<footnote>\\[(?:footnoteRef|endnoteRef):[^\\]\\n]{0,20}\\]?)',
    '(?<conditional><!--\\[if[^\\]\\n]{0,20}mso[^\\]\\n]{0,20}\\]>?|<!\\[endif\\]-->)',
    '(?<image>\\[image:[^\\]\\n]{0,200}\\])',
    '(?<template>(?<![0-9A-Za-z])Normal\\.dotm?(?![0-9A-Za-z]))',
    '(?<mso>(?<![0-9A-Za-z])mso-[a-z][a-z-]*(?:[ \\t]*:[^;"\'\\n}]{0,60};?)?)',
    '(?<op><\\/?o:p\\s*\\/?>|&lt;\\/?o:p&gt;)',
  ].join('|'),
  'g',
);

const WHAT: Record<string, Localized> = {
  bookmark: { zh: 'Word 书签标记', en: 'A Word bookmark tag' },
  goBack: { zh: 'Word 书签名 _GoBack', en: 'The Word bookmark name _GoBack' },
  field: { zh: 'Word 域代码 MERGEFORMAT', en: 'A Word field code (MERGEFORMAT)' },
  footnote: { zh: 'Word 脚注/尾注引用标记', en: 'A Word footnote reference tag' },
  conditional: { zh: 'Office 条件注释', en: 'An Office conditional comment' },
  image: { zh: '图片占位标记 [image: …]', en: 'An image placeholder tag [image: …]' },
  template: { zh: 'Word 模板名 Normal.dotm', en: 'The Word template name Normal.dotm' },
  mso: { zh: 'Office 样式残留 mso-', en: 'An Office style remnant (mso-)' },
  op: { zh: 'Office 段落标签残留 o:p', en: 'An Office paragraph tag remnant (o:p)' },
};

function check(m: RegExpExecArray): Hit | null {
  const which = Object.keys(WHAT).find((k) => m.groups?.[k] !== undefined);
  if (!which) return null;
  const what = WHAT[which]!;
  return {
    start: m.index,
    end: m.index + m[0].length,
    severity: which === 'bookmark' ? 'warn' : 'info',
    message: {
      zh: `${what.zh}：Word/WPS 转换残留，发布前请编辑删除`,
      en: `${what.en}: a leftover of Word/WPS conversion; the editor should delete it before publishing`,
    },
  };
}

export default {
  id: 'word-artifact',
  kind: 'word-artifact',
  defaultSeverity: 'warn',
  personal: false,
  title: { zh: 'Word 转换残留', en: 'Word conversion leftover' },
  description: {
    zh: '发现 Word/WPS 转换留下的标记，发布后会作为乱码显示：[bookmark: _GoBack] 等书签标记（提示），以及 _GoBack、MERGEFORMAT、[footnoteRef:]、<!--[if gte mso]>、[image: …]、Normal.dotm、mso- 样式、o:p 标签（仅提示）。请编辑在发布前删除。',
    en: 'Finds leftovers of Word/WPS conversion that would be published as visible junk: bookmark tags such as [bookmark: _GoBack] (warning), and _GoBack, MERGEFORMAT, [footnoteRef:], <!--[if gte mso]>, [image: …], Normal.dotm, mso- styles, o:p tags (notice). The editor should delete them before publishing.',
  },
  examples: {
    flagged: ['[bookmark: _GoBack]政务信息公开单位应当按照“谁发布、谁审核、谁上网、谁负责”的原则，依法公开政务信息。'],
    quiet: ['请在文档中插入书签后保存为 Normal 模板。', '第十八条  本办法自发布之日起实行。有效期三年。'],
  },
  pattern: PATTERN,
  // A word each alternative holds on its first line (bookmark, GoBack, o:p ...); the \s* of the o:p
  // tag may cross a line break, so the line after a hit is read too.
  candidates: {
    words: wordsInBothWidths(['bookmark', 'GoBack', 'MERGEFORMAT', 'footnoteRef', 'endnoteRef', 'image:', 'endif', 'Normal.dot', 'mso', 'o:p']),
    reach: 1,
  },
  check,
} satisfies PatternRule;
