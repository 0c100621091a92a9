// @vitest-environment node
/**
 * The kept built-ins answer as the originals did after the realm's own were replaced, as a page
 * script replaces them after the guard loaded (the tenth probe: test/e2e/gate-built-ins.e2e.test.ts).
 * Each case poisons one built-in, runs the kept function, and restores it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import * as k from '../../lib/realm/intrinsics';

type Restore = () => void;
const restores: Restore[] = [];
afterEach(() => {
  while (restores.length > 0) restores.pop()!();
});

/** Replaces `target[key]` for this case (the restore is kept before anything is poisoned). */
function poison(target: object, key: PropertyKey, value: unknown, descriptor: PropertyDescriptor = { value, writable: true, configurable: true }): void {
  const before = Reflect.getOwnPropertyDescriptor(target, key);
  restores.push(() => (before ? Reflect.defineProperty(target, key, before) : Reflect.deleteProperty(target, key)));
  Reflect.defineProperty(target, key, descriptor);
}

const iteratorProto = Object.getPrototypeOf([][Symbol.iterator]()) as object;

const CASES: [label: string, poisoned: () => void, run: () => unknown, expected: unknown][] = [
  ['add with push a no-op', () => poison(Array.prototype, 'push', () => 0), () => { const l: number[] = []; k.add(l, 1); k.add(l, 2); return l; }, [1, 2]],
  ['add with a setter on Array.prototype[0]', () => poison(Array.prototype, '0', undefined, { set() {}, get: () => 'page', configurable: true }), () => { const l: string[] = []; k.add(l, 'x'); return k.own(l, '0'); }, 'x'],
  ['indexOf with String.prototype.indexOf saying -1', () => poison(String.prototype, 'indexOf', () => -1), () => k.indexOf('a?b', '?'), 1],
  ['lower with toLowerCase replaced', () => poison(String.prototype, 'toLowerCase', () => ''), () => k.lower('POST'), 'post'],
  ['matches with exec finding nothing', () => poison(RegExp.prototype, 'exec', () => null), () => k.matches(/\d{6}/, 'id 110105'), true],
  ['matches with test saying no', () => poison(RegExp.prototype, 'test', () => false), () => k.matches(/x/, 'x'), true],
  ['allMatches with matchAll and exec replaced', () => { poison(String.prototype, 'matchAll', function* () {}); poison(RegExp.prototype, 'exec', () => null); }, () => k.allMatches(/\d+/g, 'a1b22c333').map((m) => m[0]), ['1', '22', '333']],
  ['replaceEach with replace replaced', () => poison(String.prototype, 'replace', () => ''), () => k.replaceEach(/%([0-9a-f]{2})/gi, 'a%41b', (m) => String.fromCharCode(parseInt(m[1]!, 16))), 'aAb'],
  ['splitText with split replaced', () => poison(String.prototype, 'split', () => []), () => k.splitText('a;b;;c', ';'), ['a', 'b', '', 'c']],
  ['joinText with join replaced', () => poison(Array.prototype, 'join', () => ''), () => k.joinText(['a', 1, null, 'b'], '-'), 'a-1--b'],
  ['keptSet with Set.prototype.has saying no', () => poison(Set.prototype, 'has', () => false), () => k.keptSet(['src', 'href']).has('src'), true],
  ['keptMap with Map.prototype.get finding nothing', () => poison(Map.prototype, 'get', () => undefined), () => { const m = k.keptMap<string, number>(); m.set('a', 1); return m.get('a'); }, 1],
  ['listOf with the array iterator ended', () => poison(iteratorProto, 'next', () => ({ done: true, value: undefined })), () => k.listOf(['a', 'b']), ['a', 'b']],
  ['own with Object.prototype.released', () => poison(Object.prototype, 'released', true), () => k.own({ pass: false }, 'released'), undefined],
  ['bare with Object.prototype.body', () => poison(Object.prototype, 'body', 'page'), () => (k.bare({}) as { body?: string }).body, undefined],
  ['toJson with Object.prototype.toJSON emptying the question', () => poison(Object.prototype, 'toJSON', function (this: { text?: string }) { if (typeof this.text === 'string') this.text = ''; return {}; }), () => k.toJson({ route: 'xhr', body: { kind: 'text', text: 'ID' }, list: [1, 'a', null] }), '{"route":"xhr","body":{"kind":"text","text":"ID"},"list":[1,"a",null]}'],
  ['toJson with Array.prototype.toJSON', () => poison(Array.prototype, 'toJSON', () => []), () => k.toJson([['content', 'ID']]), '[["content","ID"]]'],
  ['toJson leaves out undefined members, as JSON.stringify does', () => undefined, () => k.toJson({ a: undefined, b: 1, c: [undefined] }), JSON.stringify({ a: undefined, b: 1, c: [undefined] })],
];

describe('kept built-ins after the realm’s own were replaced', () => {
  test.each(CASES)('%s', (_label, poisoned, run, expected) => {
    let got: unknown;
    try {
      poisoned();
      got = run();
    } finally {
      while (restores.length > 0) restores.pop()!();
    }
    expect(got).toEqual(expected);
  });

  test('a sealed promise hands await its own value when Promise.prototype.then and constructor are replaced', async () => {
    const p = k.sealedPromise<{ pass: boolean }>((resolve) => resolve(k.bare({ pass: false })));
    // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to each promise below
    const then = Promise.prototype.then;
    poison(Promise.prototype, 'constructor', Object);
    poison(Promise.prototype, 'then', function (this: Promise<unknown>, f?: (v: unknown) => unknown, r?: (e: unknown) => unknown) {
      return Reflect.apply<Promise<unknown>, [(v: unknown) => unknown, ((e: unknown) => unknown) | undefined], Promise<unknown>>(then, this, [(v: unknown) => f?.(v && typeof v === 'object' && 'pass' in v ? { pass: true } : v), r]);
    });
    let viaThen: { pass: boolean } | undefined;
    void p.then((v) => (viaThen = v));
    const awaited = await p;
    while (restores.length > 0) restores.pop()!();
    expect([awaited.pass, viaThen?.pass]).toEqual([false, false]);
  });

  test('a bare answer is no thenable when Object.prototype.then is added', async () => {
    poison(Object.prototype, 'then', (resolve: (v: unknown) => void) => resolve({ pass: true }));
    const answer = await k.sealedPromise<{ pass: boolean }>((resolve) => resolve(k.bare({ pass: false })));
    while (restores.length > 0) restores.pop()!();
    expect(answer.pass).toBe(false);
  });

  test('allMatches refuses an expression without the g flag (it would find the first match forever)', () => {
    expect(() => k.allMatches(/a/, 'aa')).toThrow(/global/);
  });
});
