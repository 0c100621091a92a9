import { describe, expect, it } from 'vitest';
import rule from '../../rules/cn-id';
import { idCheckChar, isValidIdChecksum } from '../../lib/scan/checksums';
import { runRuleTable } from '../helpers/rule-table';

/** Builds a valid ID from its first 17 digits, so the table reads as what each case is about. */
const id = (first17: string) => first17 + idCheckChar(first17);
const wrongCheck = (first17: string) => first17 + (idCheckChar(first17) === '0' ? '1' : '0');

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
  ],
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
