/**
 * A realm's built-ins replaced for one case, as a page script replaces them after the guard loaded.
 * Each restore is kept before anything is poisoned, through Reflect and index writes taken when this
 * module loaded: a case may poison Array.prototype.push, which a later poison() would otherwise call.
 */
const describe = Reflect.getOwnPropertyDescriptor;
const define = Reflect.defineProperty;
const remove = Reflect.deleteProperty;

const restores: (() => void)[] = [];

/** Replaces `target[key]` until restoreAll(). */
export function poison(target: object, key: PropertyKey, value: unknown, descriptor: PropertyDescriptor = { value, writable: true, configurable: true }): void {
  const before = describe(target, key);
  restores[restores.length] = () => (before ? define(target, key, before) : remove(target, key));
  define(target, key, descriptor);
}

/** Every poisoned built-in put back, the last first. */
export function restoreAll(): void {
  for (let i = restores.length - 1; i >= 0; i--) restores[i]!();
  restores.length = 0;
}

/** `run`'s answer while `poisoned()` has replaced built-ins; they are put back whatever happens. */
export function whilePoisoned<T>(poisoned: () => void, run: () => T): T {
  try {
    poisoned();
    return run();
  } finally {
    restoreAll();
  }
}
