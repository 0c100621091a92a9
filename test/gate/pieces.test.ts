import { describe, expect, it } from 'vitest';
import { pieceFrom, sliceSpan, type Piece } from '../../lib/gate/pieces';

describe('sliceSpan: the bytes Blob.prototype.slice takes', () => {
  // [size, start, end, expected]: the sizes of the fractional, string and NaN rows were read off
  // Chromium 156 (WebIDL [Clamp]: a half rounds to the even integer); Node 20's Blob.slice aborts the
  // process on a fraction, so only the integer rows are checked against it below.
  const rows: [number, unknown, unknown, [number, number]][] = [
    [10, undefined, undefined, [0, 10]],
    [10, 2, undefined, [2, 10]],
    [10, 2, 5, [2, 5]],
    [10, -3, undefined, [7, 10]],
    [10, 2, -2, [2, 8]],
    [10, -20, 4, [0, 4]],
    [10, 8, 50, [8, 10]],
    [10, 6, 3, [6, 6]],
    [10, 20, 30, [10, 10]],
    [0, 0, 100, [0, 0]],
    [10, 2.6, 10, [3, 10]],
    [10, 3.5, 10, [4, 10]],
    [10, 2.5, 10, [2, 10]],
    [10, -2.6, undefined, [7, 10]],
    [10, -3.5, undefined, [6, 10]],
    [10, 0, 6.5, [0, 6]],
    [10, 0, 7.5, [0, 8]],
    [10, '3', '7', [3, 7]],
    [10, 'x', 5, [0, 5]],
    [10, NaN, 4, [0, 4]],
    [10, 1e20, 3, [10, 10]],
    [10, -Infinity, Infinity, [0, 10]],
  ];
  it.each(rows)('size %i, slice(%s, %s) → %j', (size, start, end, [s, e]) => {
    expect(sliceSpan(size, start, end)).toEqual({ start: s, end: e });
  });

  it('agrees with Node’s Blob.slice on the integer rows', () => {
    for (const [size, start, end] of rows) {
      if (![start, end].every((v) => v === undefined || Number.isInteger(v))) continue;
      const span = sliceSpan(size, start, end);
      expect(new Blob([new Uint8Array(size)]).slice(start as number, end as number).size, `slice(${String(start)}, ${String(end)})`).toBe(span.end - span.start);
    }
  });
});

describe('pieceFrom', () => {
  const known = new Map<string, Piece<string>>();
  const pieceOf = (b: string) => known.get(b);

  it('a slice of a Blob not cut before is a piece of that Blob', () => {
    expect(pieceFrom('file', 100, 20, 60, pieceOf)).toEqual({ whole: 'file', start: 20, end: 60 });
  });

  it('a slice of a piece is a piece of the whole, at the offsets it has there', () => {
    known.set('chunk', { whole: 'file', start: 20, end: 60 });
    expect(pieceFrom('chunk', 40, 5, -5, pieceOf)).toEqual({ whole: 'file', start: 25, end: 55 });
    expect(pieceFrom('chunk', 40, undefined, undefined, pieceOf)).toEqual({ whole: 'file', start: 20, end: 60 });
  });
});
