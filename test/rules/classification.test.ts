import { describe, expect, it } from 'vitest';
import { scan } from '../../lib/scan/engine';
import rule, { mayHoldMarking } from '../../rules/classification';
import { runRuleTable } from '../helpers/rule-table';

const HEADER = '352622\n机密★1年\n加急\n\n平罗县人民政府\n关于防汛抗旱工作有关情况的报告\n\n县委：\n现将有关工作情况报告如下。';
const EXPLAINER =
  '二、主要内容\n办法明确，除涉及国家秘密、商业秘密和个人隐私以及危及国家安全、公共安全、经济安全和社会稳定的事项外，原则上都要公开。行政机关应当建立健全保密审查机制，依法保守国家秘密。';

runRuleTable(rule, {
  flagged: [
    // level ★ period or condition
    { text: HEADER, severity: 'block', value: '机密★1年' },
    { text: '秘密★6个月', severity: 'block' },
    { text: '绝密★启用前\n2025年度考试试题（A卷）', severity: 'block', value: '绝密★启用前' },
    { text: '机密★长期', severity: 'block' },
    { text: '秘密★10年', severity: 'block' },
    { text: '机密 ★ 2年', severity: 'block' },
    { text: '秘密★公布前', severity: 'block' },
    { text: '绝密★考试结束前', severity: 'block' },
    { text: '机密★2025年12月31日前', severity: 'block' },
    { text: '秘密★三年', severity: 'block' },
    { text: '机密☆1年', severity: 'block' },
    { text: '机密*1年', severity: 'block' },
    { text: '机密＊１年', severity: 'block' },
    { text: '秘密　★　６个月', severity: 'block' },
    { text: '机密★', severity: 'block' },
    { text: '机\u200B密★1年', severity: 'block' },
    { text: '000123 机密★5年 特急', severity: 'block', value: '机密★5年' },
    { text: '文件名称\t关于某某情况的报告\t机密★1年', severity: 'block', value: '机密★1年' },
    // a level alone on its line, possibly spaced out, possibly at the top
    { text: '机密\n\n平罗县人民政府关于有关情况的报告', severity: 'block', value: '机密' },
    { text: '机  密\n\n关于有关情况的报告', severity: 'block', value: '机  密' },
    { text: '秘　密\n\n关于有关情况的报告', severity: 'block', value: '秘　密' },
    { text: '  绝密  \n正文', severity: 'block', value: '绝密' },
    { text: '【机密】\n正文', severity: 'block', value: '机密' },
    { text: '000123\n秘密\n特急', severity: 'block', value: '秘密' },
    { text: '352622  机密\n正文', severity: 'block', value: '机密' },
    { text: '机密  特急\n正文', severity: 'block', value: '机密' },
    { text: '正文完。\n秘密', severity: 'block', value: '秘密' },
    // a 密级 field or header cell
    { text: '密级：机密', severity: 'block' },
    { text: '密级:秘密', severity: 'block' },
    { text: '密级\t机密', severity: 'block' },
    { text: '密级 绝密', severity: 'block' },
    { text: '密  级：机密\n保密期限：1年', severity: 'block', value: '机密' },
    { text: '保密等级：秘密', severity: 'block' },
    { text: '文件密级： 绝密', severity: 'block', value: '绝密' },
    { text: '密级：秘密★6个月', severity: 'block' },
    { text: '| 密级 | 机密 |', severity: 'block', value: '机密' },
    { text: '标题\t密级\t份数\n关于某某情况的报告\t机密\t5', severity: 'block', value: '机密' },
    { text: '发文字号\t平政发〔2025〕3号\t密级\t秘密', severity: 'block', value: '秘密' },
  ],
  quiet: [
    EXPLAINER,
    '除涉及国家秘密、商业秘密和个人隐私以及危及国家安全、公开安全、经济安全和社会稳定的事项外，原则上都要公开。',
    '国家秘密的密级分为绝密、机密、秘密三级。',
    '密级分为“绝密”“机密”“秘密”三级',
    '加强工作秘密管理。',
    '依法保守国家秘密。',
    '机密文件应当由专人保管。',
    '不得涉及商业秘密。',
    '密级：无',
    '密级：公开',
    '密级：非密',
    '非密',
    '352622',
    '秘密级事项的保密期限一般不超过10年。',
    '**机密**文件须专人管理',
    '机密*文件',
    // legends and vertical lists of the three levels
    '绝密\n机密\n秘密',
    '（一）绝密\n（二）机密\n（三）秘密',
    '密级\t绝密\t机密\t秘密',
    '| 密级 | 绝密 | 机密 | 秘密 |',
    '密级：绝密、机密、秘密',
    // a cell that merely contains the words
    '保密范围\t国家秘密\t商业秘密',
    '事项\t说明\n保密审查\t不得涉及国家秘密',
    '第四条  县机要局协同负责对政务公开信息网上发布保密工作进行监督和指导。',
    '（此件公开发布）',
  ],
});

describe('classification details', () => {
  it('reports the corpus header marking exactly, not the copy number above it', () => {
    const f = scan(HEADER, { rules: [rule] });
    expect(f).toHaveLength(1);
    expect(HEADER.slice(f[0]!.start, f[0]!.end)).toBe('机密★1年');
    expect(f[0]!.excerpt).toBe('机密★1年');
  });

  it('keeps the trailing blanks out of a marking without a period', () => {
    const text = '机密★  \n正文';
    const [f] = scan(text, { rules: [rule] });
    expect(text.slice(f!.start, f!.end)).toBe('机密★');
  });

  it('treats a quoted marking as an example: info only', () => {
    const f = scan('标注格式如“机密★1年”，份号顶格编排。', { rules: [rule] });
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });

  it('maps a marking with invisible characters back to the original text', () => {
    const text = '份号\n机\u200B密★1年';
    const [f] = scan(text, { rules: [rule] });
    expect(text.slice(f!.start, f!.end)).toBe('机\u200B密★1年');
  });

  it('never puts anything but the marking into the message', () => {
    const [f] = scan('密级：机密', { rules: [rule] });
    expect(f!.message).not.toContain('密级：机密');
    expect(f!.message).toContain('不得上网发布');
  });
});

describe('the line test that spares prose lines (mayHoldMarking)', () => {
  const pad = '\u3000'.repeat(30);
  // Lines longer than a bare level line may be, each holding a marking check() reports.
  const marked = [
    `${pad}机${pad}密${pad}`,
    `\t${' '.repeat(40)}绝 密${' '.repeat(40)}`,
    '本文件按照有关规定办理，现将有关情况报告如下，请审阅，文件标注为机密＊１年',
    '关于某某情况的报告，报送县委办公室审阅，附件三份，另行送达各成员单位\t秘密',
    '关于某某情况的报告，报送县委办公室审阅，附件三份，另行送达各成员单位｜秘密｜',
    '本件保密等级：机密，请各单位严格按照有关规定管理，不得擅自扩大知悉范围，用后收回',
    '本件密　级　　绝　密，请各单位严格按照有关规定管理，不得擅自扩大知悉范围，用后收回',
    '机密☆1年，本件保密等级：机密，请各单位严格按照有关规定管理，不得擅自扩大知悉范围',
  ];
  const prose = [
    '密级分为绝密、机密、秘密三级，工作秘密管理按照有关规定执行，各单位要加强保密管理。',
    '除涉及国家秘密、商业秘密、个人隐私以及法律法规规定不予公开的内容外，均应主动公开。',
    '要加强对公开内容的保密审查，防止泄露国家秘密和工作秘密，防止侵犯个人隐私。',
  ];

  it.each(marked)('reads a line that may hold a marking: %j', (line) => {
    expect(line.length).toBeGreaterThan(24);
    expect(mayHoldMarking(line)).toBe(true);
  });

  it.each(prose)('spares a prose line: %j', (line) => {
    expect(mayHoldMarking(line)).toBe(false);
  });

  it('still reports a bare level spread out with blanks over a long line', () => {
    const text = `份号\n${pad}机${pad}密${pad}\n正文`;
    expect(scan(text, { rules: [rule] }).map((f) => f.severity)).toEqual(['block']);
  });
});
