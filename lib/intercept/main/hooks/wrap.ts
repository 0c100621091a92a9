/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * Putting a judge in front of a page-world method or property setter, keeping the original's
 * descriptor (enumerability, the getter) and calling it on its own receiver. The judge throws to refuse.
 */
type Judge<T> = (self: unknown, arg: T) => void;

/** A page-world interface's prototype by its global name (`'HTMLIFrameElement'`), when the browser has it. */
export function protoOf(win: Window, name: string): object | undefined {
  return (win as unknown as Record<string, { prototype: object } | undefined>)[name]?.prototype;
}

/** Replaces a method of `proto` by what `wrap` makes of the original, keeping it writable and configurable. */
export function replaceMethod(proto: object | undefined, name: string, wrap: (original: (...a: unknown[]) => unknown) => (this: unknown, ...args: unknown[]) => unknown): void {
  const original = proto && (Object.getOwnPropertyDescriptor(proto, name)?.value as ((...a: unknown[]) => unknown) | undefined);
  if (!proto || typeof original !== 'function') return;
  Object.defineProperty(proto, name, { value: wrap(original), writable: true, configurable: true });
}

export function beforeCall(proto: object | undefined, name: string, judge: Judge<unknown[]>): void {
  replaceMethod(proto, name, (original) =>
    function (this: unknown, ...args: unknown[]) {
      judge(this, args);
      return Reflect.apply(original, this, args);
    },
  );
}

/** beforeCall for a method that returns a promise: a refusal is a rejected promise, as the browser's own failures are. */
export function beforeAsyncCall(win: Window & typeof globalThis, proto: object | undefined, name: string, judge: Judge<unknown[]>): void {
  replaceMethod(proto, name, (original) =>
    function (this: unknown, ...args: unknown[]) {
      try {
        judge(this, args);
      } catch (e) {
        return win.Promise.reject(e instanceof win.Error ? e : new win.Error(String(e)));
      }
      return Reflect.apply(original, this, args);
    },
  );
}

export function beforeSet(proto: object | undefined, prop: string, judge: Judge<unknown>): void {
  const desc = proto && Object.getOwnPropertyDescriptor(proto, prop);
  const set = desc?.set;
  if (!proto || !desc || !set) return;
  Object.defineProperty(proto, prop, {
    ...desc,
    set(this: unknown, value: unknown) {
      judge(this, value);
      set.call(this, value);
    },
  });
}
