import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../../lib/scan/checksums';
import { scan } from '../../lib/scan/engine';
import rule from '../../rules/uscc-individual';
import { runRuleTable } from '../helpers/rule-table';

// GB 32100-2015, computed here independently of the library under test.
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function withCheck(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + CHARS.indexOf(c) * WEIGHTS[i]!, 0);
  return first17 + CHARS[(31 - (sum % 31)) % 31];
}
/** The same code with a different (wrong) check character. */
function broken(code: string): string {
  const last = CHARS.indexOf(code[17]!);
  return code.slice(0, 17) + CHARS[(last + 1) % 31];
}

const IND1 = withCheck('92640221MA76BU4X2');
const IND2 = withCheck('92640221L12345678');
const IND3 = withCheck('92640202MA7XKQ8P1');
const COMPANY = withCheck('91640221MA76BU4X2');
const PUBLIC_INSTITUTION = withCheck('12640221MB1234567');
const SOCIAL_ORG = withCheck('52640221MJ1234567');

describe('test data', () => {
  it('computes valid codes, and their broken variants fail', () => {
    for (const c of [IND1, IND2, IND3, COMPANY, PUBLIC_INSTITUTION, SOCIAL_ORG]) expect(isValidUscc(c)).toBe(true);
    expect(isValidUscc(broken(IND1))).toBe(false);
    // The corpus organisation codes are themselves valid: only the 92 prefix keeps them quiet.
    expect(isValidUscc('11640221010007081C') && isValidUscc('91640221MA76BU4X25')).toBe(true);
    expect(COMPANY).toBe('91640221MA76BU4X25');
  });
});

const PEOPLE_LIST = [
  '2025年第一批个人创业补贴拟发放名单公示',
  '序号\t姓名\t店铺名称\t统一社会信用代码\t补贴金额（元）',
  `1\t张三\t平罗县三号小吃店\t${IND2}\t5000`,
  `2\t李四\t平罗县四季鲜果蔬店\t${IND3}\t5000`,
].join('\n');

runRuleTable(rule, {
  flagged: [
    { text: `经营者：张三，统一社会信用代码：${IND1}`, severity: 'warn', value: IND1 },
    { text: `个体工商户 平罗县某某小吃店（${IND1}）`, severity: 'warn', value: IND1 },
    { text: `当事人：平罗县某某修理部（个体），统一社会信用代码${IND2}，住所：城关镇`, severity: 'warn', value: IND2 },
    { text: `经营者姓名：王五\n统一社会信用代码：${IND3}`, severity: 'warn', value: IND3 },
    { text: PEOPLE_LIST, severity: 'warn', value: IND2 },
    { text: PEOPLE_LIST, severity: 'warn', value: IND3 },
    // Full-width and zero-width forms are the same code.
    { text: `经营者：张三 ${IND1.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`, severity: 'warn', value: IND1.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) },
    { text: `个体工商户：${IND1.slice(0, 9)}\u200B${IND1.slice(9)}`, severity: 'warn', value: `${IND1.slice(0, 9)}\u200B${IND1.slice(9)}` },
    // Alone, it is still an individual's code, but only worth a note.
    { text: `统一社会信用代码：${IND1}`, severity: 'info', value: IND1 },
    { text: IND2, severity: 'info' },
  ],
  quiet: [
    // Corpus organisation codes (tender notices).
    '采购人：平罗县人民政府办公室  统一社会信用代码：11640221010007081C',
    '代理机构：宁夏某某项目管理有限公司  统一社会信用代码：91640221MA76BU4X25',
    // Organisations even next to person words.
    `经营者：某某有限公司 ${COMPANY}`,
    `个体工商户登记机关：县市场监管局 ${PUBLIC_INSTITUTION}`,
    `个体工商户协会 ${SOCIAL_ORG}`,
    // Check character wrong.
    `经营者：张三 ${broken(IND1)}`,
    `个体工商户 ${broken(IND2)}`,
    // Inside a longer run, or too short.
    `经营者：张三 X${IND1}`,
    `经营者：张三 ${IND1}9`,
    `经营者：张三 ${IND1.slice(0, 17)}`,
    // Letters the standard never uses (I, O, S, V, Z).
    '经营者：张三 92640221MA76BU4XIO',
    // Masked.
    `经营者：张三 ${IND1.slice(0, 8)}********${IND1.slice(16)}`,
  ],
});

describe('uscc-individual severity', () => {
  it('keeps a lone 92 code at info and never above', () => {
    const f = scan(`统一社会信用代码：${IND1}`, { rules: [rule] });
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });
});
