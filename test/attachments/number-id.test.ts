import { describe, expect, it } from 'vitest';
import { lostDigitsFinding } from '../../lib/attachments/number-id';
import type { ExtractedSegment } from '../../lib/attachments/types';

const seg = (text: string, number?: number): ExtractedSegment => ({ text, location: { text: 'C2' }, ...(number !== undefined && { number }) });

describe('numbers that lost their digits', () => {
  it.each([
    ['an 18-digit ID typed into a number cell', seg('1.10105E+17', 1.1010519900307123e17), 'cn-id'],
    ['Excel scientific notation exported to CSV', seg('1.10105E+17'), 'cn-id'],
    ['a UnionPay card number typed as a number', seg('6.22848E+18', 6.22848040256489e18), 'bank-card'],
  ])('%s → warn', (_name, s, kind) => {
    expect(lostDigitsFinding(s, 'zh')).toMatchObject({ kind, severity: 'warn' });
  });

  it.each([
    ['an exact 15-digit number (its digits are scanned as they are)', seg('110105900307123', 110105900307123)],
    ['a budget amount', seg('123456789012.5', 123456789012.5)],
    ['a large statistic that is no region', seg('9.87654E+17', 9.87654321098765e17)],
    ['notation with too few digits to know the region', seg('1.1E+17')],
    ['an exponent that is no ID length', seg('1.10105E+12')],
    ['scientific notation inside a sentence', seg('约 1.10105E+17 元')],
  ])('%s → quiet', (_name, s) => {
    expect(lostDigitsFinding(s, 'zh')).toBeNull();
  });

  it('masks what it shows', () => {
    expect(lostDigitsFinding(seg('1.10105E+17'), 'en')!.excerpt).not.toContain('10105');
  });
});
