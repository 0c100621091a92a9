import { describe, expect, it } from 'vitest';
import { draftDigest } from '../../lib/signoff/digest';
import { cutAt, pacedDraftDigest } from '../../lib/signoff/paced-digest';
import type { DigestInput } from '../../lib/signoff/types';

const noPause = () => Promise.resolve();

/** Characters that normalising treats specially, and ordinary ones between them. */
const PARTS = [
  '城关镇', '低保', 'abc', '123', ' ', '\u00a0', '\u3000', '\u200b', '\ufeff', '\u00ad', '\n', '\t',
  'e\u0301', '\u0301', '\u0323\u0307', 'ﬁ', '①', 'ＡＢ１２', '㍿', 'ｶﾞ', '\u1100\u1161', '\u1161', '한',
  '😀', '\ud83d', '\ude00', '"', '\\', '\u0001', '<b>', '</p>', '<!-- x -->', '&amp;', '&#x4e2d;', '&#20013;', '&nbsp;', '&bogus;', '&', '<',
];

/** A reproducible random draft body of about `n` parts. */
function body(seed: number, n: number): string {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x);
  let s = '';
  for (let i = 0; i < n; i++) s += PARTS[next() % PARTS.length];
  return s;
}

const input = (b: string, title = '关于 &amp; <b>公示</b> ﬁ\u200b'): DigestInput => ({ title, body: b, category: ' 01 ', disclosure: '主动公开', reviewer: ' 李四 ' });

describe('pacedDraftDigest', () => {
  it.each([1, 2, 3, 7, 64])('gives draftDigest byte for byte, in pieces of %i characters', async (piece) => {
    for (let seed = 1; seed <= 25; seed++) {
      const i = input(body(seed, 300));
      expect(await pacedDraftDigest(i, noPause, piece)).toBe(await draftDigest(i));
    }
  });

  it('gives draftDigest for an empty body, a body without a place to cut, and a large one', async () => {
    for (const b of ['', '\u0301\u0301한한😀', body(99, 40_000)]) {
      expect(await pacedDraftDigest(input(b), noPause, 5)).toBe(await draftDigest(input(b)));
    }
    const large = input(body(7, 120_000));
    expect(await pacedDraftDigest(large, noPause)).toBe(await draftDigest(large));
  });

  it('pauses between pieces, and a change anywhere changes it', async () => {
    let pauses = 0;
    const b = body(3, 2_000);
    const d = await pacedDraftDigest(input(b), () => ((pauses += 1), Promise.resolve()), 100);
    expect(pauses).toBeGreaterThan(b.length / 200);
    expect(await pacedDraftDigest(input(b + '1'), noPause, 100)).not.toBe(d);
    expect(await pacedDraftDigest({ ...input(b), reviewer: '王五' }, noPause, 100)).not.toBe(d);
  });
});

describe('cutAt', () => {
  it('cuts before a printable ASCII character or a CJK ideograph, never inside a pair, before a combining mark or a removed space', () => {
    expect(cutAt('ab', 1)).toBe(1);
    expect(cutAt('\ud83d \ude00x', 1)).toBe(3);
    expect(cutAt('e\u0301\u0301x', 1)).toBe(3);
    expect(cutAt('😀😀中', 1)).toBe(4);
    expect(cutAt('\u1100\u1161\u1100', 1)).toBe(3);
    expect(cutAt('abc', 5)).toBe(3);
  });
});
