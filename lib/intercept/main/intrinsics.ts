/* eslint-disable @typescript-eslint/unbound-method -- the built-ins are kept unbound and always applied to their own target. */
/**
 * JavaScript's own built-ins as they were when this script started (./natives.ts keeps the
 * platform's). The guard runs in the page's realm: a page script can later replace
 * `Promise.prototype.then`, `Array.prototype.push`, an array iterator's `next`, `RegExp.prototype.exec`
 * or `String.prototype.indexOf`, or add `Object.prototype.toJSON` or `.then`, and a guard that used
 * them was told what the page liked — an answer that passes, a form with no fields, a URL with no
 * query (the tenth probe, test/e2e/gate-built-ins.e2e.test.ts). What decides a verdict goes through these.
 */
import { apply } from './natives';

type Fn = (...args: never[]) => unknown;

const defineProperty = Reflect.defineProperty;
const ownDescriptor = Reflect.getOwnPropertyDescriptor;
const setPrototypeOf = Reflect.setPrototypeOf;
const regexpExec = RegExp.prototype.exec;
const strIndexOf = String.prototype.indexOf;
const strSlice = String.prototype.slice;
const strLower = String.prototype.toLowerCase;
const strUpper = String.prototype.toUpperCase;
const NativePromise = Promise;
const promiseThen = Promise.prototype.then;
const jsonStringify = JSON.stringify;
const jsonParse = JSON.parse;
const json = JSON;

/** Does `re` (without the g or y flag: its lastIndex stays 0) match somewhere in `s`? */
export const matches = (re: RegExp, s: string): boolean => apply(regexpExec as Fn, re, [s]) !== null;
/** `re`'s match in `s` (without the g or y flag), or null. */
export const execOnce = (re: RegExp, s: string): RegExpExecArray | null => apply(regexpExec, re, [s]);
export const indexOf = (s: string, search: string, from = 0): number => apply(strIndexOf, s, [search, from]);
export const sliceText = (s: string, start: number, end?: number): string => apply(strSlice, s, end === undefined ? [start] : [start, end]);
export const lower = (s: string): string => apply(strLower, s, []);
export const upper = (s: string): string => apply(strUpper, s, []);

/**
 * `v` added at the end of `list`. An own property defined, not set: `push` can be replaced, and a
 * plain assignment runs a setter the page may have put on Array.prototype for that index.
 */
export function add<T>(list: T[], v: T): void {
  defineProperty(list, list.length, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
}

const NativeSet = Set;
 
const [setAdd, setHas] = [Set.prototype.add, Set.prototype.has];

/** A Set read and written through Set's methods as they were at document_start. */
export function keptSet<T>(): { add(v: T): void; has(v: T): boolean } {
  const s = new NativeSet<T>();
  return { add: (v) => void apply(setAdd, s, [v]), has: (v) => apply(setHas, s, [v]) };
}

/** An object without a prototype: a read of a member it lacks finds nothing the page put on Object.prototype. */
export function bare<T extends object>(o: T): T {
  setPrototypeOf(o, null);
  return o;
}

/**
 * A promise `await` and `.then` read as the browser made it: its own `constructor` and `then` are the
 * originals, so neither a replaced `Promise.prototype.then` nor a `constructor` that makes `await`
 * ask the page's `then` can hand the guard another value.
 */
export function sealed<T>(p: Promise<T>): Promise<T> {
  defineProperty(p, 'constructor', { __proto__: null, value: NativePromise } as PropertyDescriptor);
  defineProperty(p, 'then', { __proto__: null, value: promiseThen } as PropertyDescriptor);
  return p;
}

/** A new sealed promise (its executor's resolve must be handed no object a page could make thenable: see bare()). */
export const sealedPromise = <T>(executor: (resolve: (v: T) => void) => void): Promise<T> => sealed(new NativePromise<T>(executor));

/** A holder's own value of `key` (what it holds, not what an inherited `toJSON` made of it). */
function ownValue(this: object, key: string): unknown {
  return ownDescriptor(this, key)?.value;
}

/** JSON of the guard's own data (own data properties only): an inherited `toJSON` is not asked. */
export const toJson = (v: unknown): string => apply(jsonStringify as Fn, json, [v, ownValue]) as string;
export const fromJson = (text: string): unknown => apply(jsonParse as Fn, json, [text]);
