/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * Putting a judge in front of a page-world method or property setter, keeping the original's
 * descriptor (enumerability, the getter) and calling it on its own receiver. The judge throws to refuse.
 */
type Judge<T> = (self: unknown, arg: T) => void;

export function beforeCall(proto: object | undefined, name: string, judge: Judge<unknown[]>): void {
  const original = proto && (Object.getOwnPropertyDescriptor(proto, name)?.value as ((...a: unknown[]) => unknown) | undefined);
  if (!proto || typeof original !== 'function') return;
  Object.defineProperty(proto, name, {
    value: function (this: unknown, ...args: unknown[]) {
      judge(this, args);
      return Reflect.apply(original, this, args);
    },
    writable: true,
    configurable: true,
  });
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
