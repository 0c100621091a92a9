// @vitest-environment node
/**
 * The kept built-ins answer as the originals did after the realm's own were replaced, as a page
 * script replaces them after the guard loaded (the tenth probe: test/e2e/gate-built-ins.e2e.test.ts).
 * Each case poisons one built-in, runs the kept function, and restores it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import * as k from '../../lib/realm/intrinsics';
import { poison, restoreAll, whilePoisoned } from './poison';

afterEach(restoreAll);

const iteratorProto = Object.getPrototypeOf([][Symbol.iterator]()) as object;
const mapIteratorProto = Object.getPrototypeOf(new Map()[Symbol.iterator]()) as object;
// made before any case poisons what their constructors iterate with
const aMap = new Map([['k', 'ID']]);
const aSet = new Set(['ID']);

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
  ['keptMap made with the array iterator ended', () => poison(iteratorProto, 'next', () => ({ done: true, value: undefined })), () => { const m = k.keptMap<string, number>(); m.set('a', 1); return m.get('a'); }, 1],
  ['listOf with the array iterator ended', () => poison(iteratorProto, 'next', () => ({ done: true, value: undefined })), () => k.listOf(['a', 'b']), ['a', 'b']],
  ['expression with the global RegExp replaced', () => poison(globalThis, 'RegExp', function () { return /(?!)/; }), () => k.matches(k.expression('^a+$', 'i'), 'AA'), true],
  ['toNumber with Number replaced', () => poison(globalThis, 'Number', () => 0), () => k.toNumber('12.5'), 12.5],
  ['floor with Math.floor replaced', () => poison(Math, 'floor', () => 0), () => k.floor(-2.5), -3],
  ['ownEntries with Object.entries replaced', () => poison(Object, 'entries', () => []), () => k.ownEntries({ content: 'ID' }), [['content', 'ID']]],
  ['matchedGroup reads no index past the groups (Array.prototype[3] set)', () => poison(Array.prototype, '3', 'page'), () => k.matchedGroup(k.execOnce(/(a)?(b)?/, 'c')!), ''],
  ['matchedGroup gives the group that took part', () => undefined, () => k.matchedGroup(k.execOnce(/"([^"]*)"|'([^']*)'|(\w+)/, "'x'")!), 'x'],
  ['sequence with Array.from and Symbol replaced', () => { poison(Array, 'from', () => []); poison(globalThis, 'Symbol', { iterator: 'none' }); }, () => k.sequence(new Set(['a', 'b'])), ['a', 'b']],
  ['sequence reads a list by its own iterator, as the browser does', () => undefined, () => k.sequence({ *[Symbol.iterator]() { yield 'page'; } }), ['page']],
  ['sequence of what has no iterator', () => undefined, () => [k.sequence({ length: 1, 0: 'a' }), k.sequence(null)], [undefined, undefined]],
  ['ownIterator with the array iterator ended', () => poison(iteratorProto, 'next', () => ({ done: true, value: undefined })), () => [...k.ownIterator(['a', 'b'])], ['a', 'b']],
  ['mapEntries with forEach and the Map iterator replaced', () => { poison(Map.prototype, 'forEach', () => undefined); poison(mapIteratorProto, 'next', () => ({ done: true, value: undefined })); }, () => k.mapEntries(aMap), [['k', 'ID']]],
  ['mapEntries of a Map whose tag says Object, and of no Map', () => undefined, () => [k.mapEntries(Object.defineProperty(new Map([[1, 2]]), Symbol.toStringTag, { value: 'Object' })), k.mapEntries({})], [[[1, 2]], undefined]],
  ['setValues with forEach replaced', () => poison(Set.prototype, 'forEach', () => undefined), () => [k.setValues(aSet), k.setValues(aMap)], [['ID'], undefined]],
  ['own with Object.prototype.released', () => poison(Object.prototype, 'released', true), () => k.own({ pass: false }, 'released'), undefined],
  ['bare with Object.prototype.body', () => poison(Object.prototype, 'body', 'page'), () => (k.bare({}) as { body?: string }).body, undefined],
  ['toJson with Object.prototype.toJSON emptying the question', () => poison(Object.prototype, 'toJSON', function (this: { text?: string }) { if (typeof this.text === 'string') this.text = ''; return {}; }), () => k.toJson({ route: 'xhr', body: { kind: 'text', text: 'ID' }, list: [1, 'a', null] }), '{"route":"xhr","body":{"kind":"text","text":"ID"},"list":[1,"a",null]}'],
  ['toJson with Array.prototype.toJSON', () => poison(Array.prototype, 'toJSON', () => []), () => k.toJson([['content', 'ID']]), '[["content","ID"]]'],
  ['toJson leaves out undefined members, as JSON.stringify does', () => undefined, () => k.toJson({ a: undefined, b: 1, c: [undefined] }), JSON.stringify({ a: undefined, b: 1, c: [undefined] })],
];

describe('kept built-ins after the realm’s own were replaced', () => {
  test.each(CASES)('%s', (_label, poisoned, run, expected) => {
    expect(whilePoisoned(poisoned, run)).toEqual(expected);
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
    restoreAll();
    expect([awaited.pass, viaThen?.pass]).toEqual([false, false]);
  });

  test('a bare answer is no thenable when Object.prototype.then is added', async () => {
    poison(Object.prototype, 'then', (resolve: (v: unknown) => void) => resolve({ pass: true }));
    const answer = await k.sealedPromise<{ pass: boolean }>((resolve) => resolve(k.bare({ pass: false })));
    restoreAll();
    expect(answer.pass).toBe(false);
  });

  test('allMatches refuses an expression without the g flag (it would find the first match forever)', () => {
    expect(() => k.allMatches(/a/, 'aa')).toThrow(/global/);
  });
});
