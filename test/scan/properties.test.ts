import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePass, wordTable } from '../../lib/scan/candidates';
import { normalize, toOriginalSpan } from '../../lib/scan/normalize';
import { LazyText } from '../../lib/scan/text-view';
import { scan } from '../../lib/scan/engine';
import { idCheckChar } from '../../lib/scan/checksums';
import { rules } from '../../rules';
import { PACKED_REGION_CODES } from '../../rules/data/region-codes';

const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const toFullWidth = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c);
const fold = (c: string) => {
  const code = c.charCodeAt(0);
  if (code === 0x3000) return ' ';
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : c;
};

const chinese = fc.string({ unit: fc.constantFrom(...'平罗县人民政府关于公示名单的通知年月日号，。：（）'.split('')), maxLength: 30 });
const mixedChar = fc.oneof(
  fc.constantFrom(...'0123456789 -X*年号：，平罗县ab'.split('')),
  fc.constantFrom(...INVISIBLE),
  fc.constantFrom(...'０１２３４５６７８９－＊Ｘ'.split('')),
);

describe('normalisation properties', () => {
  it('maps every normalised character back to the one original character it came from', () => {
    fc.assert(
      fc.property(fc.array(mixedChar, { maxLength: 80 }), (chars) => {
        const original = chars.join('');
        const n = normalize(original);
        let last = -1;
        for (let j = 0; j < n.text.length; j++) {
          const span = toOriginalSpan(n, j, j + 1);
          expect(span.end - span.start).toBe(1);
          expect(span.start).toBeGreaterThan(last);
          expect(fold(original[span.start]!)).toBe(n.text[j]);
          last = span.start;
        }
        // What was dropped is only invisible characters and digit-group separators.
        expect(original.length - n.text.length).toBe(n.removedAt.length);
      }),
      { numRuns: 500 },
    );
  });
});

const regions = PACKED_REGION_CODES.split(' ').flatMap((g) => {
  const out: string[] = [];
  for (let i = 4; i < g.length; i += 2) out.push(g.slice(0, 4) + g.slice(i, i + 2));
  return out;
});
const validId = fc
  .record({
    region: fc.constantFrom(...regions),
    date: fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, date, seq }) => {
    const first17 = region + date.toISOString().slice(0, 10).replaceAll('-', '') + String(seq).padStart(3, '0');
    return first17 + idCheckChar(first17);
  });

describe('detection properties', () => {
  it('finds a random valid ID anywhere in random Chinese text, with exact offsets', () => {
    fc.assert(
      fc.property(chinese, validId, chinese, fc.boolean(), fc.nat(16), (before, id, after, fullWidth, zwAt) => {
        let written = fullWidth ? [...id].map(toFullWidth).join('') : id;
        written = written.slice(0, zwAt + 1) + '\u200B' + written.slice(zwAt + 1);
        const text = before + written + after;
        const hit = scan(text, { rules }).find((f) => f.kind === 'cn-id' && f.severity === 'block');
        expect(hit, text).toBeDefined();
        expect(text.slice(hit!.start, hit!.end)).toBe(written);
        expect(hit!.excerpt).not.toContain(id);
      }),
      { numRuns: 300 },
    );
  });

  // A thousand scans of arbitrary strings: more than vitest's default 5 s on a busy machine.
  it('never throws, and keeps every finding inside the text, on arbitrary strings', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const f of scan(text, { rules })) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThan(f.end);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the lazy normalised text', () => {
  it('maps ascending offsets in one walk exactly as one by one', () => {
    // Number material with separators, which the pass removes: the offsets move.
    const group = fc.tuple(fc.constantFrom('139', '1234', '５６７８', '0952'), fc.constantFrom(' ', '-', '－', '　', '')).map(([g, sep]) => g + sep);
    const visible = fc.oneof({ arbitrary: group, weight: 4 }, { arbitrary: fc.constantFrom('X', '*', '年号', '，', '\n', '平罗', 'ab'), weight: 1 });
    let moved = 0;
    fc.assert(
      fc.property(fc.array(visible, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 20 }), (chars, picks) => {
        const original = chars.join('');
        const pass = candidatePass(original, wordTable([]));
        if (pass.removed.length > 0) moved++;
        const view = new LazyText(original, pass.removed, pass.lineStarts);
        const offsets = picks.map((p) => p % (original.length + 1)).sort((a, b) => a - b);
        expect(view.allToNormalised(offsets)).toEqual(offsets.map((o) => view.toNormalised(o)));
      }),
    );
    expect(moved).toBeGreaterThan(10);
  });
});
