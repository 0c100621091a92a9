import { describe, expect, it } from 'vitest';
import { scan } from '../../lib/scan/engine';
import rule from '../../rules/word-artifact';
import { runRuleTable } from '../helpers/rule-table';

// Article 4 of the county measures as it was published, Word bookmark and all.
const ARTICLE_4 =
  '（五）政务信息公开单位规定的与政务公开信息网上发布工作有关的其他职责。\n' +
  '[bookmark: _GoBack]政务信息公开单位应当按照“谁发布、谁审核、谁上网、谁负责”，遵循公正、公平、便民和“公开为常态、不公开为例外”的原则，依法公开政务信息。\n' +
  '第五条  政务信息公开单位应当建立健全政务公开信息网上发布协调机制。';

const INFO_ONLY: [string, string][] = [
  ['书签名 _GoBack 残留', '_GoBack'],
  ['第 PAGE \\* MERGEFORMAT 页', '\\* MERGEFORMAT'],
  ['见 HYPERLINK "http://www.pingluo.gov.cn" \\* MERGEFORMATINET', '\\* MERGEFORMATINET'],
  ['社会保障政策[footnoteRef:1]', '[footnoteRef:1]'],
  ['<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->', '<!--[if gte mso 9]>'],
  ['[image: 图片 1]\n附件：项目位置图', '[image: 图片 1]'],
  ['模板：Normal.dotm', 'Normal.dotm'],
  ['font-family:宋体;mso-bidi-font-family:宋体;', 'mso-bidi-font-family:宋体;'],
  ['第一章 总则<o:p></o:p>', '<o:p>'],
  ['第一章 总则&lt;o:p&gt;&lt;/o:p&gt;', '&lt;o:p&gt;'],
];

runRuleTable(rule, {
  flagged: [
    { text: ARTICLE_4, severity: 'warn', value: '[bookmark: _GoBack]' },
    { text: '[bookmark: _GoBack]', severity: 'warn' },
    { text: '[bookmark: OLE_LINK1]第一条  为了规范政务公开信息网上发布工作', severity: 'warn', value: '[bookmark: OLE_LINK1]' },
    { text: '[bookmark:_Toc12345]第一章 总则', severity: 'warn', value: '[bookmark:_Toc12345]' },
    { text: '［bookmark: _GoBack］第二条', severity: 'warn', value: '［bookmark: _GoBack］' },
    { text: '第三条[bookmark: _GoBack]', severity: 'warn', value: '[bookmark: _GoBack]' },
  ],
  quiet: [
    ...INFO_ONLY.map(([text]) => text),
    '请将本网站加入书签（bookmark）以便查阅。',
    '第十八条  本办法自发布之日起实行。有效期三年。',
    '（此件公开发布）',
    'GoBack',
    'Normal 模板',
    'email: office@pingluo.gov.cn',
    '[bookmark 未闭合',
  ],
});

describe('word-artifact details', () => {
  it.each(INFO_ONLY)('points out %j as a notice', (text, value) => {
    const f = scan(text, { rules: [rule] });
    const at = text.indexOf(value);
    const hit = f.find((x) => x.start === at && x.end === at + value.length);
    expect(hit, JSON.stringify(f)).toBeDefined();
    expect(hit!.severity).toBe('info');
  });

  it('reports the bookmark once, not again for the _GoBack inside it', () => {
    const f = scan(ARTICLE_4, { rules: [rule] });
    expect(f).toHaveLength(1);
    expect(ARTICLE_4.slice(f[0]!.start, f[0]!.end)).toBe('[bookmark: _GoBack]');
  });

  it('tells the editor to delete it before publishing', () => {
    const [zh] = scan('[bookmark: _GoBack]', { rules: [rule] });
    expect(zh!.message).toMatch(/发布前.*删除/);
    const [en] = scan('[bookmark: _GoBack]', { rules: [rule], locale: 'en' });
    expect(en!.message).toMatch(/delete it before publishing/);
  });
});
