/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * Putting a judge in front of a page-world method or property setter, keeping the original's
 * descriptor (enumerability, the getter) and calling it on its own receiver. The judge throws to refuse.
 * The original is called through Reflect.apply as it was at document_start (../natives.ts): a page
 * that replaced it could hand the original other arguments than the judge saw.
 */
import { apply } from '../../../realm/intrinsics';
import { once, onceAt, type Indices } from './once';

type Judge<T> = (self: unknown, arg: T) => void;

/** A page-world interface's prototype by its global name (`'HTMLIFrameElement'`), when the browser has it. */
export function protoOf(win: Window, name: string): object | undefined {
  return (win as unknown as Record<string, { prototype: object } | undefined>)[name]?.prototype;
}

/** Replaces a method of `proto` by what `wrap` makes of the original, keeping it writable and configurable. */
function replaceMethod(proto: object | undefined, name: string, wrap: (original: (...a: unknown[]) => unknown) => (this: unknown, ...args: unknown[]) => unknown): void {
  const original = proto && (Object.getOwnPropertyDescriptor(proto, name)?.value as ((...a: unknown[]) => unknown) | undefined);
  if (!proto || typeof original !== 'function') return;
  Object.defineProperty(proto, name, { value: wrap(original), writable: true, configurable: true });
}

/**
 * `strings`: the arguments (by index) read once (./once.ts), before the judge, and handed to the
 * original as such, so that an object's toString cannot show the judge one text and the browser another.
 */
export function beforeCall(proto: object | undefined, name: string, judge: Judge<unknown[]>, strings: Indices = []): void {
  replaceMethod(proto, name, (original) =>
    function (this: unknown, ...args: unknown[]) {
      onceAt(args, strings);
      judge(this, args);
      return apply(original, this, args);
    },
  );
}

/** The original called first, then `after` with the receiver and the result: what the call changed is judged once it is made. */
export function afterCall(proto: object | undefined, name: string, after: (self: unknown, result: unknown) => void): void {
  replaceMethod(proto, name, (original) =>
    function (this: unknown, ...args: unknown[]) {
      const result = apply(original, this, args);
      after(this, result);
      return result;
    },
  );
}

/** The original getter read first, then `after` with the receiver and the value. */
export function afterGet(proto: object | undefined, prop: string, after: (self: unknown, value: unknown) => void): void {
  const desc = proto && Object.getOwnPropertyDescriptor(proto, prop);
  const get = desc?.get;
  if (!proto || !desc || !get) return;
  Object.defineProperty(proto, prop, {
    ...desc,
    get(this: unknown) {
      const value = apply<unknown>(get, this, []);
      after(this, value);
      return value;
    },
  });
}

/** beforeCall for a method that returns a promise: a refusal is a rejected promise, as the browser's own failures are. */
export function beforeAsyncCall(win: Window & typeof globalThis, proto: object | undefined, name: string, judge: Judge<unknown[]>, strings: Indices = []): void {
  replaceMethod(proto, name, (original) =>
    function (this: unknown, ...args: unknown[]) {
      onceAt(args, strings);
      try {
        judge(this, args);
      } catch (e) {
        // eslint-disable-next-line no-restricted-syntax -- the refusal's rejection, after the verdict
        return win.Promise.reject(e instanceof win.Error ? e : new win.Error(String(e)));
      }
      return apply(original, this, args);
    },
  );
}

/** `convert`: what the value becomes once, for the judge and the original setter alike (an object: its string). */
export function beforeSet<T = unknown>(proto: object | undefined, prop: string, judge: Judge<T>, convert: (value: unknown) => T = (v) => once(v) as T): void {
  const desc = proto && Object.getOwnPropertyDescriptor(proto, prop);
  const set = desc?.set;
  if (!proto || !desc || !set) return;
  Object.defineProperty(proto, prop, {
    ...desc,
    set(this: unknown, value: unknown) {
      const v = convert(value);
      judge(this, v);
      apply(set, this, [v]);
    },
  });
}

const FUNCTION_OWN = ['prototype', 'name', 'length', 'caller', 'arguments'];

/**
 * `Guarded` in the window's place of the constructor `Original`: its prototype, statics (WebSocket.OPEN)
 * and parent are Original's, and it is its prototype's constructor. Made a child of Original, or left
 * Original as `X.prototype.constructor`, it handed the page the unguarded constructor
 * (`new (WebSocket.prototype.constructor)(url)`, `new (Object.getPrototypeOf(Audio))(url)`).
 * `ownsPrototype: false` for a legacy factory (Audio), whose prototype is another interface's.
 */
export function standIn(win: object, name: string, Original: object, Guarded: object, { ownsPrototype = true, parent }: { ownsPrototype?: boolean; parent?: object } = {}): void {
  const proto = (Original as { prototype: object }).prototype;
  (Guarded as { prototype: object }).prototype = proto;
  Object.setPrototypeOf(Guarded, parent ?? (Object.getPrototypeOf(Original) as object | null));
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const key of Reflect.ownKeys(Original)) {
    // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
    if (typeof key === 'string' && FUNCTION_OWN.includes(key)) continue;
    Object.defineProperty(Guarded, key, Object.getOwnPropertyDescriptor(Original, key)!);
  }
  if (ownsPrototype) Object.defineProperty(proto, 'constructor', { value: Guarded, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(win, name, { value: Guarded, writable: true, enumerable: false, configurable: true });
}
