import { describe, expect, it } from 'vitest';
import { fold, normalize, toOriginalSpan } from '../../lib/scan/normalize';

describe('normalize', () => {
  it.each([
    ['１３９１２３４５６７８', '13912345678'],
    ['身份证号：１１０１', '身份证号:1101'],
    ['139 1234 5678', '13912345678'],
    ['139-1234-5678', '13912345678'],
    ['6228 4809 0636 9142 113', '6228480906369142113'],
    ['0952–6995536', '09526995536'],
    ['1\u200B3\u200C9\uFEFF1', '1391'],
    ['soft\u00ADhyphen', 'softhyphen'],
    ['全角\u3000空格', '全角 空格'],
    // A long number followed by another is two numbers, not one.
    ['150702194104190630 18049344958', '150702194104190630 18049344958'],
    ['0952-6995536  12345', '09526995536  12345'],
    ['PLZC-2025', 'PLZC-2025'],
    ['第 3 季度', '第 3 季度'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('returns the same string object when nothing changes', () => {
    const text = '平罗县人民政府2024年政府信息公开工作年度报告';
    expect(normalize(text).text).toBe(text);
    expect(normalize(text).removedAt).toEqual([]);
  });

  it('maps spans back across removals', () => {
    const original = 'a 139 1234\u200B 5678 z';
    const n = normalize(original);
    const at = n.text.indexOf('13912345678');
    const span = toOriginalSpan(n, at, at + 11);
    expect(original.slice(span.start, span.end)).toBe('139 1234\u200B 5678');
  });
});

describe('fold', () => {
  // The decoder would turn a lone surrogate into U+FFFD and shift nothing, but change the text.
  it.each([
    ['full width only', '身份证号：１２３', '身份证号:123'],
    ['a pair kept', '𠀀，１', '𠀀,1'],
    ['a lone high surrogate kept', '\uD840，１', '\uD840,1'],
    ['a lone low surrogate kept', '１\uDC00，', '1\uDC00,'],
  ])('%s', (_, input, folded) => {
    expect(fold(input)).toBe(folded);
    expect(fold(input)).toHaveLength(input.length);
  });
});
