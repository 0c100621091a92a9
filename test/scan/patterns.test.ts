import { describe, expect, it } from 'vitest';
import { followedByAmountUnit } from '../../lib/scan/patterns';

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
  ])('%s → %s', (text, amount) => {
    const end = text.search(/[^\d]/);
    expect(followedByAmountUnit(text, end)).toBe(amount);
  });
});
