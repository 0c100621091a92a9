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

/** whilePoisoned() for a run that waits (a stream's write, a promise's turn). */
export async function whilePoisonedAsync<T>(poisoned: () => void, run: () => Promise<T>): Promise<T> {
  try {
    poisoned();
    return await run();
  } finally {
    restoreAll();
  }
}

/** The array iterator's prototype: its `next` is what for..of, spread, destructuring and Array.from ask of an array. */
export const ARRAY_ITERATOR = Object.getPrototypeOf([][Symbol.iterator]()) as object;

/** Every array's iterator ends at once. */
export const endIterators = (): void => poison(ARRAY_ITERATOR, 'next', () => ({ done: true, value: undefined }));

/** A getter on Object.prototype that answers `first` to its first reader and `later` to every later one. */
export function inheritedFlip(key: string, first: unknown, later: unknown): void {
  let reads = 0;
  poison(Object.prototype, key, undefined, { configurable: true, get: () => (reads++ === 0 ? first : later), set() {} });
}

/**
 * The outcome of a page's call made while `replace` has the realm poisoned: 'ok', or the name of what
 * it threw; a promise it returned is awaited once the realm is restored.
 */
export async function outcomeOf(replace: () => void, call: () => unknown): Promise<string> {
  let made: unknown;
  try {
    whilePoisoned(replace, () => void (made = call()));
    await made;
    return 'ok';
  } catch (e) {
    return `refused: ${(e as Error).name}`;
  }
}
