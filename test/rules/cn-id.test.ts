import { describe, expect, it } from 'vitest';
import rule from '../../rules/cn-id';
import { idCheckChar, isValidIdChecksum } from '../../lib/scan/checksums';
import { runRuleTable } from '../helpers/rule-table';

/** Builds a valid ID from its first 17 digits, so the table reads as what each case is about. */
const id = (first17: string) => first17 + idCheckChar(first17);
const wrongCheck = (first17: string) => first17 + (idCheckChar(first17) === '0' ? '1' : '0');
/** The example: a valid ID that a PDF table cell wrapped after 12 characters. */
const WRAPPED = '64020519801107117X';
const ID_HEADER_TAB = `序号\t姓名\t身份证号\t性别\n1\t张三\t${id('64022119800101123')}\t男\n2\t李四\t${id('64022119800101124')}\t女`;

describe('GB 11643-1999 check character', () => {
  it.each([
    ['11010519491231002X', true],
    ['440524188001010014', true],
    ['440524188001010015', false],
    ['11010519491231002x', true],
    ['110105194912310021', false],
  ])('%s valid=%s', (value, valid) => expect(isValidIdChecksum(value)).toBe(valid));
});

runRuleTable(rule, {
  flagged: [
    { text: '11010519491231002X', severity: 'block' },
    { text: '440524188001010014', severity: 'block' },
    { text: '身份证号：11010519491231002x。', severity: 'block', value: '11010519491231002x' },
    { text: '张三身份证11010519491231002X住址', severity: 'block', value: '11010519491231002X' },
    { text: '１１０１０５１９４９１２３１００２Ｘ', severity: 'block' },
    { text: '110105 19491231 002X', severity: 'block' },
    { text: '1101\u200B0519491231002X', severity: 'block', value: '1101\u200B0519491231002X' },
    // Abolished code (崇文区 110103, merged 2010) on an old ID is still a real ID.
    { text: id('11010319800101123'), severity: 'block' },
    // A code created after the holder's birth (people are re-registered under new codes).
    { text: id('64022119500101123'), severity: 'block' },
    // HK / Macau / Taiwan residents' residence permits.
    { text: id('81000019900101123'), severity: 'block' },
    { text: id('83000019900101123'), severity: 'block' },
    // Foreigners' permanent-residence ID (9 + province + nationality code).
    { text: id('96484019900101123'), severity: 'block' },
    // A mistyped ID is still reported when it is labelled as one.
    { text: `身份证号：${wrongCheck('11010519491231002')}`, severity: 'warn', value: wrongCheck('11010519491231002') },
    { text: `序号\t姓名\t身份证号\n1\t张三\t${wrongCheck('64022119800101123')}`, severity: 'warn', value: wrongCheck('64022119800101123') },
    // The 身份证号 header two rows (and 100+ characters) above, however the table was pasted.
    { text: `${ID_HEADER_TAB}\n3\t王五\t${wrongCheck('64022119800101123')}\t男`, severity: 'warn', value: wrongCheck('64022119800101123') },
    { text: `序号  姓名    身份证号码             性别\n1     张三    ${id('64022119800101123')}     男\n2     李四    ${wrongCheck('64022119800101124')}     女`, severity: 'warn', value: wrongCheck('64022119800101124') },
    { text: `序号 姓名 身份证号 性别\n1 张三 ${id('64022119800101123')} 男\n2 李四 ${id('64022119800101124')} 女\n3 王五 ${wrongCheck('64022119800101125')} 男`, severity: 'warn', value: wrongCheck('64022119800101125') },
    { text: `公民身份号码\n${id('64022119800101123')}\n${id('64022119800101124')}\n${wrongCheck('64022119800101125')}`, severity: 'warn', value: wrongCheck('64022119800101125') },
    // A number a line break split (text copied from a PDF, a cell too narrow for it).
    { text: `身份证号：${WRAPPED.slice(0, 12)}\n${WRAPPED.slice(12)}`, severity: 'block', value: WRAPPED.slice(0, 12) },
    { text: `${WRAPPED.slice(0, 12)}\n${WRAPPED.slice(12)}`, severity: 'block', value: WRAPPED.slice(0, 12) },
    { text: `姓名\t身份证号\t性别\n张三\t${WRAPPED.slice(0, 9)} \r\n  ${WRAPPED.slice(9)}\t男`, severity: 'block', value: WRAPPED.slice(0, 9) },
    { text: `1 张三 ${WRAPPED.slice(0, 12)} 宁夏平罗县\n${WRAPPED.slice(12)} 城关镇`, severity: 'block', value: WRAPPED.slice(0, 12) },
  ],
  quiet: [
    '440524188001010015',
    wrongCheck('11010519491231002'),
    // Region that never existed, date that never existed, future date.
    id('99010519491231002'),
    id('00010519491231002'),
    id('11010519491331002'),
    id('11010519490230002'),
    id('11010521990101002'),
    id('11010517990101002'),
    // Inside longer runs of digits or letters.
    `1${id('11010519491231002')}`,
    `${id('11010519491231002')}5`,
    `A${id('11010519491231002')}`,
    // An amount, and an order number whose region part is not a region.
    `${id('11010519491231002')}元`,
    `订单号 ${id('12345619900101123')}`,
    '统一社会信用代码：11640221010007081C',
    '91640221MA76BU4X25',
    '640221********1234',
    `合计\n${WRAPPED.slice(0, 6)}\n${WRAPPED.slice(6)}元`,
    // A header naming another column says nothing about this one.
    `序号\t姓名\t身份证号\t合同编号\n1\t张三\t640221********1234\t${wrongCheck('64022119800101124')}`,
  ],
});

describe('cn-id over a line break', () => {
  it('never joins two complete numbers on adjacent lines', async () => {
    const { scan } = await import('../../lib/scan/engine');
    const [a, b] = [id('11010519491231002'), id('64022119800101123')];
    const text = `${a}\n${b}`;
    expect(scan(text, { rules: [rule] }).map((f) => text.slice(f.start, f.end))).toEqual([a, b]);
  });

  it('reports the split number once, over both pieces, masked as the whole number', async () => {
    const { scan } = await import('../../lib/scan/engine');
    const text = `申请人：张三\n身份证号：${WRAPPED.slice(0, 12)}\n${WRAPPED.slice(12)}\n`;
    const found = scan(text, { rules: [rule] });
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(`${WRAPPED.slice(0, 12)}\n${WRAPPED.slice(12)}`);
    expect(found[0]!.excerpt).toBe('640*************7X');
  });
});

describe('cn-id offsets', () => {
  it('report the span in the original text around invisible characters', async () => {
    const { scan } = await import('../../lib/scan/engine');
    const text = '前缀：１１０１０５\u200B19491231002X 后缀';
    const [f] = scan(text, { rules: [rule] });
    expect(text.slice(f!.start, f!.end)).toBe('１１０１０５\u200B19491231002X');
    expect(f!.excerpt).not.toMatch(/19491231/);
  });
});
