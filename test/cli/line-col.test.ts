import { describe, expect, it } from 'vitest';
import { lineCol, lineStarts } from '../../lib/cli/line-col';

describe('lineStarts', () => {
  it.each([
    ['', [0]],
    ['一行', [0]],
    ['a\nb', [0, 2]],
    ['a\n', [0, 2]],
    ['\n\n', [0, 1, 2]],
    ['a\r\nb', [0, 3]],
    ['a\rb', [0, 2]],
    ['a\r\n\rb\nc', [0, 3, 4, 6]],
    ['a\r', [0, 2]],
  ])('%j → %j', (text, want) => {
    expect(lineStarts(text)).toEqual(want);
  });

  it('gives the same starts with and without \\r in the text (two ways of counting)', () => {
    const text = Array.from({ length: 300 }, (_, i) => '身份证号'.repeat(i % 7) + (i % 5 === 0 ? '\n\n' : '\n')).join('');
    const slow = lineStarts(text + '\r').slice(0, -1);
    expect(lineStarts(text)).toEqual(slow);
  });
});

describe('lineCol', () => {
  it('counts from 1, the column in UTF-16 units', () => {
    const starts = lineStarts('第一行\n第二行 😀x');
    expect(lineCol(starts, 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol(starts, 4)).toEqual({ line: 2, col: 1 });
    expect(lineCol(starts, 10)).toEqual({ line: 2, col: 7 });
  });
});
