// @vitest-environment happy-dom
/**
 * What the hooks judge is read once, and that copy is what the browser gets: a getter or toString is
 * asked once, and a body the page changes after the call is not the body that is sent
 * (lib/intercept/main/hooks/once.ts; in real Chromium: test/e2e/gate-read-once.e2e.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { bodyOnce, initOnce, once, onceAt } from '../../lib/intercept/main/hooks/once';

const flip = (clean: string, other: string) => {
  let n = 0;
  return { toString: () => (n++ ? other : clean) };
};

describe('once', () => {
  it('an object becomes the string it gives the first time; primitives stay as they are', () => {
    expect(once(flip('clean', 'draft'))).toBe('clean');
    for (const v of ['s', 1, null, undefined, true]) expect(once(v)).toBe(v);
    const args: unknown[] = ['a', flip('b', 'x'), flip('c', 'y')];
    onceAt(args, [1, 5]);
    expect(args[1]).toBe('b');
    expect(typeof args[2]).toBe('object');
  });
});

describe('bodyOnce', () => {
  // (a FormData and a Blob: in real Chromium, test/e2e/gate-read-once.e2e.test.ts — happy-dom's have no toStringTag)
  it('copies what the page could change after the call', () => {
    const q = new URLSearchParams('content=hello');
    const qCopy = bodyOnce(q) as URLSearchParams;
    q.set('content', 'draft');
    expect(qCopy.get('content')).toBe('hello');

    const bytes = new Uint16Array([104, 105]);
    const bytesCopy = bodyOnce(bytes) as Uint8Array;
    bytes[0] = 0;
    expect([...bytesCopy]).toEqual([104, 0, 105, 0]);

    expect(bodyOnce(flip('hello', 'draft'))).toBe('hello');
  });
});

describe('initOnce', () => {
  it('reads every member once, inherited and non-enumerable ones too, and copies body and headers', () => {
    let asked = 0;
    const proto = { method: 'POST' };
    const init = Object.create(proto, {
      body: { get: () => (asked++ ? 'draft' : 'hello'), enumerable: false },
      headers: { value: new Headers({ 'x-a': 'hello' }), enumerable: true },
    }) as RequestInit;
    const copy = initOnce(init)!;
    (init.headers as Headers).set('x-a', 'draft');
    expect(copy.method).toBe('POST');
    expect(copy.body).toBe('hello');
    expect(asked).toBe(1);
    expect((copy.headers as Headers).get('x-a')).toBe('hello');
    expect(initOnce(undefined)).toBeUndefined();
  });
});
