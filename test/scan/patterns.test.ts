import { describe, expect, it } from 'vitest';
import { followedByAmountUnit, isJsSpace } from '../../lib/scan/patterns';

describe('followedByAmountUnit', () => {
  it.each([
    ['4957元', true],
    ['4957.00元', true],
    ['438 万元', true],
    ['12.5角', true],
    ['3.20 分', true],
    ['13912345678分别联系', false],
    ['0952601234分机', false],
    ['110105194912310021角色', false],
    ['13912345678。', false],
    ['4957\t万元', true],
    ['4957\u00a0美元', true],
    ['4957       元', true],
    ['4957        元', false],
    ['4957\t美国', false],
  ])('%s → %s', (text, amount) => {
    const end = text.search(/[^\d]/);
    expect(followedByAmountUnit(text, end)).toBe(amount);
  });
});

describe('isJsSpace', () => {
  it('is exactly what \\s matches, for every UTF-16 unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
