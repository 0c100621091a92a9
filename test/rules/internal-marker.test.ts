import { describe, expect, it } from 'vitest';
import { scan } from '../../lib/scan/engine';
import rule from '../../rules/internal-marker';
import { runRuleTable } from '../helpers/rule-table';

const MASTHEAD_1 = '内部资料  注意保存\n\n平罗县基层治理工作情况汇编（第5期）\n\n本期要目：各乡镇工作动态；典型经验做法。';
const MASTHEAD_2 = '内部资料 请勿外传\n\n平罗县基层治理工作情况汇编（第4期）';
const RELEASE_NOTE = '平罗县人民政府\n                              2018年7月9日\n（此件公开发布）\n\n平罗县政务公开信息网上发布管理办法';

runRuleTable(rule, {
  flagged: [
    // masthead markers, with the handling instruction reported as part of them
    { text: MASTHEAD_1, severity: 'block', value: '内部资料  注意保存' },
    { text: MASTHEAD_2, severity: 'block', value: '内部资料 请勿外传' },
    { text: '内部资料（注意保存）\n汇编', severity: 'block', value: '内部资料（注意保存）' },
    { text: '内部资料(注意保存)', severity: 'block' },
    { text: '内部资料，请勿外传', severity: 'block' },
    { text: '内部资料　注意保存', severity: 'block' },
    { text: '内\u200B部资料\n正文', severity: 'block', value: '内\u200B部资料' },
    { text: '【内部资料】\n正文', severity: 'block', value: '内部资料' },
    { text: '  内部资料  \n正文', severity: 'block', value: '内部资料' },
    { text: '★内部资料★', severity: 'block', value: '内部资料' },
    { text: '内部资料\t第5期', severity: 'block', value: '内部资料' },
    { text: '内部使用\n关于车辆管理的通知', severity: 'block', value: '内部使用' },
    { text: '内部参阅\n2024年第3期', severity: 'block', value: '内部参阅' },
    { text: '内部参阅  第十二期', severity: 'block', value: '内部参阅' },
    { text: '内部参阅  2024年5月6日', severity: 'block', value: '内部参阅' },
    { text: '内部文件\n正文', severity: 'block', value: '内部文件' },
    { text: '仅供领导参阅\n\n关于当前经济运行情况的分析', severity: 'block', value: '仅供领导参阅' },
    { text: '仅供参阅（第3期）', severity: 'block', value: '仅供参阅' },
    { text: '不得外传', severity: 'block' },
    { text: '请勿外传。', severity: 'block', value: '请勿外传' },
    { text: '本刊（内部资料）每月编印一期', severity: 'block', value: '内部资料' },
    // the release note decides wherever it stands
    { text: '平罗县人民政府办公室\n2025年7月9日\n（此件不予公开）', severity: 'block', value: '此件不予公开' },
    { text: '（此件不公开）', severity: 'block', value: '此件不公开' },
    { text: '此件不予公开。', severity: 'block', value: '此件不予公开' },
    { text: '（此件不宜公开）', severity: 'block', value: '此件不宜公开' },
    { text: '(此件 不予公开)', severity: 'block', value: '此件 不予公开' },
    { text: '（此件依申请公开）', severity: 'warn', value: '此件依申请公开' },
    { text: '此件依申请公开', severity: 'warn' },
  ],
  quiet: [
    RELEASE_NOTE,
    '（此件公开发布）',
    '（此件主动公开）',
    '主动公开',
    '公开方式：主动公开',
    '本单位将内部资料进行整理，形成汇编。',
    '严格执行涉密文件不得外传的规定。',
    '不得外传涉密文件和内部资料。',
    '内部资料，是指机关内部编印的资料。',
    '内部资料性出版物管理办法',
    '标注“内部资料”字样的文件不得上网发布。',
    '在《内部参阅》第3期刊发了我县经验。',
    '第十二条  政务信息公开单位必须建立健全政务公开信息网上发布工作监督保障机制，加强内部监督管理和审核。',
    '内部控制制度',
    '内部使用的车辆应当登记。',
    '采购内容\t数量\t用途\n办公电脑\t10台\t内部使用',
    '内部使用\t10台',
    '仅供参考',
    '请参阅附件。',
  ],
});

describe('internal-marker details', () => {
  it('reports the whole masthead phrase of the corpus exactly', () => {
    for (const [text, phrase] of [
      [MASTHEAD_1, '内部资料  注意保存'],
      [MASTHEAD_2, '内部资料 请勿外传'],
    ] as const) {
      const f = scan(text, { rules: [rule] });
      expect(f).toHaveLength(1);
      expect(text.slice(f[0]!.start, f[0]!.end)).toBe(phrase);
      expect(f[0]!.start).toBe(0);
    }
  });

  it('reports one finding, not two, for a marker followed by another marker word', () => {
    expect(scan('内部资料 不得外传', { rules: [rule] })).toHaveLength(1);
  });

  it('says why in the message', () => {
    const [f] = scan('（此件依申请公开）', { rules: [rule] });
    expect(f!.message).toContain('主动公开');
    const [g] = scan('（此件依申请公开）', { rules: [rule], locale: 'en' });
    expect(g!.message).toMatch(/active disclosure/);
  });
});
