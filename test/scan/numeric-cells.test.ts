import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasNumericCell } from '../../lib/scan/numeric-cells';

/** What lib/scan/columns.ts asked before: split the row, trim each cell, test it. */
const bySplit = (line: string, sep: string) => line.split(sep).some((c) => /^[\d*.,\sXx-]{3,}$/.test(c.trim()));

const CHARS = ['0', '7', '*', '.', ',', 'X', 'x', '-', ' ', '\t', '|', '\r', '\u3000', '\u00a0', '\u2009', '\ufeff', 'a', '张', '元', '+'];
const line = fc.array(fc.constantFrom(...CHARS), { maxLength: 24 }).map((cs) => cs.join(''));

describe('hasNumericCell', () => {
  it('says what splitting the row and testing each trimmed cell says', () => {
    fc.assert(
      fc.property(line, fc.constantFrom('\t', '|'), (l, sep) => {
        expect(hasNumericCell(l, sep)).toBe(bySplit(l, sep));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads table rows', () => {
    expect(hasNumericCell('1\t张三\t6402**********1234\t139****5678', '\t')).toBe(true);
    expect(hasNumericCell('序号\t姓名\t身份证号', '\t')).toBe(false);
    expect(hasNumericCell('| 12 | 张三 |', '|')).toBe(false);
    expect(hasNumericCell('| 1 2 | 张三 |', '|')).toBe(true);
  });
});
