/* eslint-disable @typescript-eslint/unbound-method -- the built-ins are kept unbound and always applied to their own target. */
/**
 * JavaScript's own built-ins as they were when this module was loaded (lib/intercept/main/natives.ts
 * keeps the platform's). The page guard runs in the page's realm and is loaded at document_start: a
 * page script can later replace `Promise.prototype.then`, `Array.prototype.push`, an iterator's
 * `next`, `RegExp.prototype.exec`, `String.prototype.indexOf` or `String`, or add
 * `Object.prototype.toJSON` or `.then`, and a guard that used them was told what the page liked — an
 * answer that passes, a form with no fields, a URL with no query (the tenth probe,
 * test/e2e/gate-built-ins.e2e.test.ts). Code that runs in the MAIN world decides through these only
 * (eslint.config.js lists those files and forbids the rest). Pure JavaScript: the gate's shared modules
 * use it too, where it costs nothing.
 */

type Fn = (...args: never[]) => unknown;

/** Reflect.apply as it was: every kept function is called through it. */
export const apply = Reflect.apply as <R>(fn: (...args: never[]) => R, self: unknown, args: ArrayLike<unknown>) => R;
/** String() as it was: an object's string, made as the browser makes it (its own toString, once). */
export const toText: (v: unknown) => string = String;

const defineProperty = Reflect.defineProperty;
const ownDescriptor = Reflect.getOwnPropertyDescriptor;
const ownKeys = Reflect.ownKeys;
const setPrototypeOf = Reflect.setPrototypeOf;
const hasOwnProperty = Object.prototype.hasOwnProperty;
export const isArray: (v: unknown) => v is unknown[] = Array.isArray;
const finite = Number.isFinite;
const regexpExec = RegExp.prototype.exec;
const isGlobal = Reflect.getOwnPropertyDescriptor(RegExp.prototype, 'global')!.get!;
const S = String.prototype;
const strIndexOf = S.indexOf;
const strLastIndexOf = S.lastIndexOf;
const strSlice = S.slice;
const strLower = S.toLowerCase;
const strUpper = S.toUpperCase;
const strTrim = S.trim;
const strCharCodeAt = S.charCodeAt;
const strStartsWith = S.startsWith;
const NativePromise = Promise;
const promiseThen = Promise.prototype.then;
const jsonStringify = JSON.stringify;
const jsonParse = JSON.parse;
const json = JSON;

const NativeRegExp = RegExp;
const iteratorKey = Symbol.iterator;

export const fromCharCode = String.fromCharCode;
export const fromCodePoint = String.fromCodePoint;
export const toInteger = parseInt;
export const decodeUri = decodeURIComponent;
export const encodeUri = encodeURIComponent;
/** Number() as it was: ToNumber, an object's valueOf asked once. */
export const toNumber: (v: unknown) => number = Number;
export const floor = Math.floor;
/** Object.entries as it was: own enumerable string-keyed members, getters run (as structured clone runs them). */
export const ownEntries: (o: object) => [string, unknown][] = Object.entries;

// ---- strings

export const indexOf = (s: string, search: string, from = 0): number => apply(strIndexOf as Fn, s, [search, from]) as number;
export const lastIndexOf = (s: string, search: string, from = Infinity): number => apply(strLastIndexOf as Fn, s, [search, from]) as number;
export const includes = (s: string, search: string): boolean => indexOf(s, search) >= 0;
export const startsWith = (s: string, prefix: string, at = 0): boolean => apply(strStartsWith as Fn, s, [prefix, at]) as boolean;
export const sliceText = (s: string, start: number, end?: number): string => apply(strSlice as Fn, s, end === undefined ? [start] : [start, end]) as string;
export const lower = (s: string): string => apply(strLower as Fn, s, []) as string;
export const upper = (s: string): string => apply(strUpper as Fn, s, []) as string;
export const trim = (s: string): string => apply(strTrim as Fn, s, []) as string;
export const codeAt = (s: string, i: number): number => apply(strCharCodeAt as Fn, s, [i]) as number;

/** `s` cut at every `separator` (a string, as String.prototype.split with a string does). */
export function splitText(s: string, separator: string): string[] {
  const out: string[] = [];
  if (separator === '') {
    for (let i = 0; i < s.length; i++) add(out, s[i]!);
    return out;
  }
  let from = 0;
  for (let at = indexOf(s, separator); at >= 0; at = indexOf(s, separator, from)) {
    add(out, sliceText(s, from, at));
    from = at + separator.length;
  }
  add(out, sliceText(s, from));
  return out;
}

/** The strings of `list` joined by `separator` (concatenation: a page can replace join). */
export function joinText(list: ArrayLike<unknown>, separator: string): string {
  let out = '';
  for (let i = 0; i < list.length; i++) out += (i > 0 ? separator : '') + (list[i] === undefined || list[i] === null ? '' : toText(list[i]));
  return out;
}

// ---- regular expressions: only exec, kept, is ever asked (test, replace, split, match and matchAll
// all ask the page's exec, flags and species)

/** A regular expression made by RegExp as it was: the global `RegExp` is the page's to replace. */
export const expression = (source: string, flags: string): RegExp => new NativeRegExp(source, flags);

/** `re`'s first match in `s`, from the start whatever its lastIndex; null when none. */
export function execOnce(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  const m = apply(regexpExec, re, [s]);
  re.lastIndex = 0;
  return m;
}

/**
 * The first group of `m` that took part in the match (an expression of alternatives with a group
 * each: `"…"`, `'…'` or bare), or ''. Only its own indices are read: one past them is looked up on
 * Array.prototype, where a page can put anything.
 */
export function matchedGroup(m: RegExpExecArray): string {
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return m[g]!;
  return '';
}

/** Does `re` match somewhere in `s`? */
export const matches = (re: RegExp, s: string): boolean => execOnce(re, s) !== null;

/** Every match of `re` (which must have the g flag) in `s`, in order, as matchAll would give them. */
export function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  // read from the expression's own flags (the getter as it was): without g, exec would find the first forever
  if (apply(isGlobal as Fn, re, []) !== true) throw new Error('allMatches needs a global expression');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = apply(regexpExec, re, [s]); m !== null; m = apply(regexpExec, re, [s])) {
    add(out, m);
    // an empty match would be found again at the same place
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** `s` with every match of `re` (g flag) replaced by what `by` makes of it. */
export function replaceEach(re: RegExp, s: string, by: (m: RegExpExecArray) => string): string {
  const found = allMatches(re, s);
  let out = '';
  let from = 0;
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    out += sliceText(s, from, m.index) + by(m);
    from = m.index + m[0].length;
  }
  return out + sliceText(s, from);
}

// ---- arrays, sets and maps

/**
 * `v` added at the end of `list`. An own property defined, not set: `push` can be replaced, and a
 * plain assignment runs a setter the page may have put on Array.prototype for that index.
 */
export function add<T>(list: T[], v: T): void {
  defineProperty(list, list.length, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
}

/** Every item of `more` added to `list`. */
export function addAll<T>(list: T[], more: ArrayLike<T>): T[] {
  for (let i = 0; i < more.length; i++) add(list, more[i]!);
  return list;
}

/** A copy of an array-like (arguments, a NodeList read by index) as an array. */
export const listOf = <T>(items: ArrayLike<T>): T[] => addAll<T>([], items);

/**
 * The values `v`'s own iterator gives, or undefined when it has none: how the browser reads a WebIDL
 * sequence the page hands it (its iterator asked, `next` read once), not how the guard reads its own
 * lists. `Array.from` and `Symbol.iterator in v` would ask the global Array and Symbol, both the page's to replace.
 */
export function sequence(v: unknown): unknown[] | undefined {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return undefined;
  const method = (v as Record<symbol, unknown>)[iteratorKey];
  if (typeof method !== 'function') return undefined;
  const it = apply(method as Fn, v, []) as { next: Fn };
  const next = it.next;
  const out: unknown[] = [];
  for (let step = apply(next, it, []) as IteratorResult<unknown>; !step.done; step = apply(next, it, []) as IteratorResult<unknown>) add(out, step.value);
  return out;
}

/**
 * `list` with an iterator of its own, for a list of the guard's handed on to the browser (a WebIDL
 * sequence argument): the browser iterates it, and through the array iterator's `next`, the page's to
 * replace, it would read other items than the ones judged.
 */
export function ownIterator<T>(list: T[]): T[] {
  const iterator = () => {
    let i = 0;
    return bare({ next: () => bare(i < list.length ? { value: list[i++], done: false } : { value: undefined, done: true }) });
  };
  defineProperty(list, iteratorKey, { __proto__: null, value: iterator } as PropertyDescriptor);
  return list;
}

const NativeSet = Set;
const NativeMap = Map;
const NativeWeakMap = WeakMap;
const NativeWeakSet = WeakSet;
const setAdd = Set.prototype.add;
const setHas = Set.prototype.has;
const setDelete = Set.prototype.delete;
const mapGet = Map.prototype.get;
const mapSet = Map.prototype.set;
const mapHas = Map.prototype.has;
const mapDelete = Map.prototype.delete;
const weakGet = WeakMap.prototype.get;
const weakSet = WeakMap.prototype.set;
const weakHas = WeakMap.prototype.has;
const weakDelete = WeakMap.prototype.delete;
const wsAdd = WeakSet.prototype.add;
const wsHas = WeakSet.prototype.has;

export interface KeptSet<T> {
  add(v: T): void;
  has(v: T): boolean;
  delete(v: T): boolean;
}

/** A Set read and written through Set's methods as they were (a page can replace `has` to say yes or no). */
export function keptSet<T>(values: ArrayLike<T> = []): KeptSet<T> {
  const s = new NativeSet<T>();
  const kept: KeptSet<T> = { add: (v) => void apply(setAdd, s, [v]), has: (v) => apply(setHas as Fn, s, [v]) as boolean, delete: (v) => apply(setDelete as Fn, s, [v]) as boolean };
  for (let i = 0; i < values.length; i++) kept.add(values[i]!);
  return kept;
}

/** What the hooks keep about page objects: a page that replaced WeakMap.prototype.get could make the guard forget a request it must judge. */
export interface KeptMap<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  has(key: K): boolean;
  delete(key: K): boolean;
}

// the methods as parameters, not a destructured list: a map is made after page code ran, and
// destructuring asks the array iterator's next, which the page can replace
function keptOf<K, V>(m: object, get: Fn, set: Fn, has: Fn, del: Fn): KeptMap<K, V> {
  return {
    get: (k) => apply(get, m, [k]) as V | undefined,
    set: (k, v) => void apply(set, m, [k, v]),
    has: (k) => apply(has, m, [k]) as boolean,
    delete: (k) => apply(del, m, [k]) as boolean,
  };
}

const mapForEach = Map.prototype.forEach;
const setForEach = Set.prototype.forEach;

/** A Map's entries read through Map's forEach as it was (a brand check: a Map of any realm, whatever its tag); undefined for anything else. */
export function mapEntries(v: unknown): [unknown, unknown][] | undefined {
  const out: [unknown, unknown][] = [];
  try {
    apply(mapForEach as Fn, v, [(value: unknown, key: unknown) => add(out, [key, value])]);
  } catch {
    return undefined;
  }
  return out;
}

/** A Set's values read through Set's forEach as it was; undefined for anything not a Set. */
export function setValues(v: unknown): unknown[] | undefined {
  const out: unknown[] = [];
  try {
    apply(setForEach as Fn, v, [(value: unknown) => add(out, value)]);
  } catch {
    return undefined;
  }
  return out;
}

export const keptMap = <K, V>(): KeptMap<K, V> => keptOf(new NativeMap<K, V>(), mapGet, mapSet, mapHas, mapDelete);
export const keptWeakMap = <K extends object, V>(): KeptMap<K, V> => keptOf(new NativeWeakMap<K, V>(), weakGet, weakSet, weakHas, weakDelete);

/** A WeakSet through WeakSet's methods as they were. */
export function keptWeakSet<T extends object>(): { add(v: T): void; has(v: T): boolean } {
  const s = new NativeWeakSet<T>();
  return { add: (v) => void apply(wsAdd, s, [v]), has: (v) => apply(wsHas as Fn, s, [v]) as boolean };
}

// ---- objects

/**
 * Gives `o` an own property that can be neither changed nor deleted (not enumerable): false when `o`
 * already has one it cannot be given, or is not extensible.
 */
export const defineFixed = (o: object, key: PropertyKey, value: unknown): boolean =>
  defineProperty(o, key, { __proto__: null, value } as PropertyDescriptor);

/** An object without a prototype: a read of a member it lacks finds nothing the page put on Object.prototype. */
export function bare<T extends object>(o: T): T {
  setPrototypeOf(o, null);
  return o;
}

/** Is `key` an own property of `o` (never an inherited one, nor the page's hasOwnProperty)? */
export const hasOwn = (o: object, key: PropertyKey): boolean => apply(hasOwnProperty as Fn, o, [key]) as boolean;

/** `o`'s own data value of `key`: what it holds itself, never what the page put on Object.prototype. */
export function own(o: unknown, key: PropertyKey): unknown {
  if ((typeof o !== 'object' && typeof o !== 'function') || o === null) return undefined;
  const d = ownDescriptor(o, key);
  return d !== undefined && hasOwn(d, 'value') ? d.value : undefined;
}

// ---- promises

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
export const sealedPromise = <T>(executor: (resolve: (v: T) => void, reject: (e: unknown) => void) => void): Promise<T> => sealed(new NativePromise<T>(executor));

// ---- JSON

/**
 * JSON of the guard's own data, written here from own data properties: JSON.stringify asks every
 * object's `toJSON`, which a page can put on Object.prototype to rewrite the question (the
 * stringify kept is only handed strings, which have none).
 */
export function toJson(v: unknown): string {
  return valueJson(v) ?? 'null';
}

const stringJson = (s: string) => apply(jsonStringify as Fn, json, [s]) as string;

function valueJson(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'string') return stringJson(v);
  if (typeof v === 'number') return finite(v) ? '' + v : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v !== 'object') return undefined;
  if (isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + (valueJson(own(v, i)) ?? 'null');
    return out + ']';
  }
  const keys = ownKeys(v);
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const d = typeof k === 'string' ? ownDescriptor(v, k) : undefined;
    if (!d || !d.enumerable || !hasOwn(d, 'value')) continue;
    const member = valueJson(d.value);
    if (member !== undefined) out += (out === '{' ? '' : ',') + stringJson(k as string) + ':' + member;
  }
  return out + '}';
}

export const fromJson = (text: string): unknown => apply(jsonParse as Fn, json, [text]);
