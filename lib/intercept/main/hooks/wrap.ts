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

/** beforeCall for a method that returns a promise: a refusal is a rejected promise, as the browser's own failures are. */
export function beforeAsyncCall(win: Window & typeof globalThis, proto: object | undefined, name: string, judge: Judge<unknown[]>, strings: Indices = []): void {
  replaceMethod(proto, name, (original) =>
    function (this: unknown, ...args: unknown[]) {
      onceAt(args, strings);
      try {
        judge(this, args);
      } catch (e) {
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
