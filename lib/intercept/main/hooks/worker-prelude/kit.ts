/* eslint-disable @typescript-eslint/unbound-method -- the worker's originals are kept unbound and called on their own target. */
/**
 * What the worker prelude's parts share (../worker-prelude.ts): its arguments, the worker's own
 * built-ins kept before its script runs, and what each part adds for the next. One object without a
 * prototype, local to the prelude: the worker's script never sees it, and nothing it puts on
 * Object.prototype is found there.
 *
 * Every part is a function whose text is written into the worker (so it imports nothing and refers to
 * nothing outside itself); the types below are erased and only say what a part may take from `k`.
 */
export type Answer = { pass: boolean; message?: string };
export type Done = (a: Answer) => void;
export type Fn = (...a: never[]) => unknown;
export type Getter = (self: unknown) => unknown;
export type Headers2 = [string, string][];

/** What is judged, read once through the worker's built-ins as they were (./read-once.ts). */
export interface Read {
  isRequest(v: unknown): v is Request;
  cloneRequest(r: Request): Request;
  requestFacts(r: Request): { url: string; method: string; referrer: string; headers: unknown; hasBody: boolean };
  requestBytes(r: Request): Promise<ArrayBuffer>;
  formEntries(v: unknown): [string, FormDataEntryValue][] | undefined;
  paramsText(v: unknown): string | undefined;
  bytesView(v: unknown): Uint8Array<ArrayBuffer> | undefined;
  copyBytes(b: Uint8Array): Uint8Array<ArrayBuffer>;
  isStream(v: unknown): boolean;
  isBlob(v: unknown): boolean;
  headerEntries(v: unknown, into?: Headers2): Headers2;
  bodyOnce(body: unknown): unknown;
  initOnce(init: RequestInit | undefined): RequestInit | undefined;
}

export interface Kit {
  // the prelude's arguments
  scriptUrl: string;
  isModule: boolean;
  marker: string;
  scriptTextPattern: string;
  refusedBlobType: string;
  base64TextRun: string;
  g: Record<string, unknown> & typeof globalThis;
  // keepBuiltIns
  apply: <R>(fn: (...a: never[]) => R, self: unknown, args: ArrayLike<unknown>) => R;
  toText: (v: unknown) => string;
  defineProperty: typeof Reflect.defineProperty;
  describe: typeof Reflect.getOwnPropertyDescriptor;
  protoOf: typeof Reflect.getPrototypeOf;
  hasOwnProperty: typeof Object.prototype.hasOwnProperty;
  arrayFrom: typeof Array.from;
  regexpExec: typeof RegExp.prototype.exec;
  Promise0: PromiseConstructor;
  then0: typeof Promise.prototype.then;
  URL0: typeof URL;
  encodeUri: typeof encodeURIComponent;
  ITERATOR: typeof Symbol.iterator;
  lookup: (o: object | null, name: PropertyKey) => PropertyDescriptor | undefined;
  getter: (proto: object | undefined, name: string) => Getter;
  add: <T>(list: T[], v: T) => void;
  own: (o: unknown, key: PropertyKey) => unknown;
  // keepTextHelpers
  indexOf: (s: string, search: string, from?: number) => number;
  slice: (s: string, start: number, end?: number) => string;
  upper: (s: string) => string;
  startsWith: (s: string, prefix: string) => boolean;
  found: (re: RegExp, s: string) => RegExpExecArray | null;
  joinText: (list: readonly string[], separator: string) => string;
  sealed: <T>(p: Promise<T>) => Promise<T>;
  sequence: <T>(items: readonly T[]) => Iterable<T>;
  // readOnce
  read: Read;
  // askThroughPort, takeGuardPort
  refused: (m?: string) => DOMException;
  abs: (u: unknown) => string;
  ask: (route: string, method: string, url: string, body: unknown, headers: Headers2, done: Done) => void;
  asked: (route: string, method: string, url: string, body: unknown, headers?: Headers2) => Promise<Answer>;
  portTaken: (p: MessagePort) => void;
  // replaceInPlace
  replaceGlobal: (name: string, value: unknown) => void;
  constructorInPlace: (name: string, Original: { prototype: object }, Guarded: { prototype: object }) => void;
  // urlShapes
  mayCarryText: (u: string) => boolean;
  carries: (u: string) => boolean;
  protocolsOnce: (v: unknown) => string[] | undefined;
}

/** The kit with the prelude's arguments; the parts fill in the rest. */
export function newKit(scriptUrl: string, isModule: boolean, marker: string, scriptTextPattern: string, refusedBlobType: string, base64TextRun: string): Kit {
  return { __proto__: null, scriptUrl, isModule, marker, scriptTextPattern, refusedBlobType, base64TextRun, g: self } as unknown as Kit;
}

/** The worker's own built-ins, before its script runs, and the helpers that read objects through them. */
export function keepBuiltIns(k: Kit): void {
  const apply = Reflect.apply as Kit['apply'];
  const describe = Reflect.getOwnPropertyDescriptor;
  const defineProperty = Reflect.defineProperty;
  const protoOf = Reflect.getPrototypeOf;
  const hasOwnProperty = Object.prototype.hasOwnProperty;
  k.apply = apply;
  k.toText = String;
  k.defineProperty = defineProperty;
  k.describe = describe;
  k.protoOf = protoOf;
  k.hasOwnProperty = hasOwnProperty;
  k.arrayFrom = Array.from;
  k.regexpExec = RegExp.prototype.exec;
  k.Promise0 = Promise;
  k.then0 = Promise.prototype.then;
  k.URL0 = URL;
  k.encodeUri = encodeURIComponent;
  k.ITERATOR = Symbol.iterator;
  /** The descriptor of `name` on `o` or on the nearest of its prototypes that has one. */
  const lookup = (o: object | null, name: PropertyKey): PropertyDescriptor | undefined => {
    for (let p = o; p !== null; p = protoOf(p)) {
      const d = describe(p, name);
      if (d) return d;
    }
    return undefined;
  };
  k.lookup = lookup;
  /** A platform getter, applied as it is now; where a DOM keeps the value on the instance (the unit tests' happy-dom), read as a plain property. */
  k.getter = (proto, name) => {
    const get = proto && lookup(proto, name)?.get;
    return get ? (v) => apply(get as () => unknown, v, []) : (v) => (v as Record<string, unknown>)[name];
  };
  /** `v` added at the end of `list`, defined: `push` and a setter for that index on Array.prototype can be the script's. */
  k.add = (list, v) => void defineProperty(list, list.length, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
  /** `o`'s own data value of `key`, never what the script put on Object.prototype. */
  k.own = (o, key) => {
    if ((typeof o !== 'object' && typeof o !== 'function') || o === null) return undefined;
    const d = describe(o, key);
    return d !== undefined && apply(hasOwnProperty, d, ['value']) ? d.value : undefined;
  };
}

/** String, regex, promise and sequence helpers over the kept built-ins (the script can replace the prototypes' methods). */
export function keepTextHelpers(k: Kit): void {
  const { apply, defineProperty, Promise0, then0, ITERATOR } = k;
  const strIndexOf = String.prototype.indexOf;
  const strSlice = String.prototype.slice;
  const strUpper = String.prototype.toUpperCase;
  const strStartsWith = String.prototype.startsWith;
  k.indexOf = (s, search, from = 0) => apply(strIndexOf as Fn, s, [search, from]) as number;
  k.slice = (s, start, end = s.length) => apply(strSlice as Fn, s, [start, end]) as string;
  k.upper = (s) => apply(strUpper as Fn, s, []) as string;
  k.startsWith = (s, prefix) => apply(strStartsWith as Fn, s, [prefix]) as boolean;
  /** `re` found in `s`, by exec as it was (test, split and replace ask the script's exec). None of the expressions here is global. */
  k.found = (re, s) => apply(k.regexpExec, re, [s]);
  k.joinText = (list, separator) => {
    let out = '';
    for (let i = 0; i < list.length; i++) out += (i > 0 ? separator : '') + list[i];
    return out;
  };
  /**
   * A promise `await` reads as the worker made it: its own `constructor` and `then` are the originals,
   * so neither a replaced Promise.prototype.then nor a constructor that makes `await` ask it can hand
   * a hook another value.
   */
  k.sealed = (p) => {
    defineProperty(p, 'constructor', { __proto__: null, value: Promise0 } as PropertyDescriptor);
    defineProperty(p, 'then', { __proto__: null, value: then0 } as PropertyDescriptor);
    return p;
  };
  /** `items` as a sequence the browser reads through these functions: an array is read through %ArrayIteratorPrototype%.next, which the script can replace. */
  k.sequence = <T>(items: readonly T[]) =>
    ({
      __proto__: null,
      [ITERATOR]: () => {
        let i = 0;
        return { __proto__: null, next: () => (i < items.length ? { __proto__: null, done: false, value: items[i++] } : { __proto__: null, done: true, value: undefined }) };
      },
    }) as unknown as Iterable<T>;
}
