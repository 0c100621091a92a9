import { describe, expect, test } from 'vitest';
import { pairsOf } from '../../lib/gate/pairs';

/** What a Firefox content script holds through an Xray: forEach works, the iterators throw. */
function xrayLike(params: URLSearchParams) {
  const notIterable = () => {
    throw new TypeError('(new URLSearchParams(...)).values() is not iterable');
  };
  return { forEach: params.forEach.bind(params), values: notIterable, entries: notIterable, [Symbol.iterator]: notIterable };
}

describe('pairsOf', () => {
  test('reads every pair in order, repeated names too, without iterating', () => {
    const params = new URLSearchParams('page=2&size=20&tag=a&tag=b');
    expect(pairsOf(xrayLike(params))).toEqual([['page', '2'], ['size', '20'], ['tag', 'a'], ['tag', 'b']]);
  });

  test('FormData: text fields and files', () => {
    const fd = new FormData();
    fd.append('title', '通知');
    const file = new File(['x'], 'a.txt');
    fd.append('f', file);
    const pairs = pairsOf(fd);
    expect(pairs.map(([n]) => n)).toEqual(['title', 'f']);
    expect(pairs[0]![1]).toBe('通知');
    expect((pairs[1]![1] as File).name).toBe('a.txt');
  });

  test('nothing in, nothing out', () => {
    expect(pairsOf(new URLSearchParams(''))).toEqual([]);
  });
});
