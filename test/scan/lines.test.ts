import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnHeader } from '../../lib/scan/columns';
import { inPeopleRow, lineAt } from '../../lib/scan/context';
import { LineIndex, openLines, restoreLines } from '../../lib/scan/lines';
import { cardColumn } from '../../rules/bank-card';

describe('line index', () => {
  it('finds the line of every offset, a line break belonging to the line it ends', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '甲'), maxLength: 40 }), (text) => {
        const lines = new LineIndex(text);
        const split = text.split('\n');
        expect(lines.count).toBe(split.length);
        for (let pos = 0; pos <= text.length; pos++) {
          const i = lines.lineOf(pos);
          expect(lines.start(i)).toBeLessThanOrEqual(pos);
          expect(lines.end(i)).toBeGreaterThanOrEqual(Math.min(pos, text.length));
          expect(lines.lineText(i)).toBe(split[i]);
        }
      }),
    );
  });

  it('answers nearestAbove like a plain walk up, whatever the order of the questions', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), fc.array(fc.nat(29), { maxLength: 30 }), (stopAt, asked) => {
        const lines = new LineIndex(stopAt.map(() => 'x').join('\n'));
        const key = Symbol('test');
        for (const q of asked) {
          const i = q % stopAt.length;
          let expected = i;
          while (expected >= 0 && !stopAt[expected]) expected--;
          expect(lines.nearestAbove(key, i, (j) => stopAt[j]!)).toBe(expected);
        }
      }),
    );
  });
});

// Context helpers answer from the open index during a scan (with what earlier questions cached) and
// from a fresh one otherwise: the answers must not depend on which.
const CELLS = ['6228480906369142', '11010519491231002X', '123', ' 1.5 ', '张三', '银行卡号', '卡号', '账号 / 金额', '身份证号', '姓名', '', ' ', '**'];
const cell = fc.constantFrom(...CELLS);
const row = fc.oneof(
  fc.tuple(fc.constantFrom('\t', '|'), fc.array(cell, { minLength: 1, maxLength: 5 })).map(([sep, cells]) => cells.join(sep)),
  fc.constantFrom('', ' \t ', '正文 一段', '甲  乙  丙  丁 123'),
);
const table = fc.array(row, { maxLength: 25 }).map((rows) => rows.join('\n'));

describe('context helpers with the scan-wide line index', () => {
  it('give the same answers as without it', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (text, backwards) => {
        const starts = [...text.matchAll(/(?<![0-9])[0-9]/g)].map((m) => m.index);
        if (backwards) starts.reverse();
        const ask = (p: number) => [cardColumn(text, p), columnHeader(text, p), lineAt(text, p), inPeopleRow(text, p, { peopleList: true, listTitle: false })];
        const fresh = starts.map(ask);
        const before = openLines(text);
        try {
          expect(starts.map(ask)).toEqual(fresh);
        } finally {
          restoreLines(before);
        }
      }),
      { numRuns: 500 },
    );
  });
});
