/**
 * A built-in replaced for one case, as a page script replaces it after the guard loaded (the tenth
 * probe: test/e2e/gate-built-ins.e2e.test.ts; test/realm/intrinsics.test.ts does the same for the kept
 * built-ins themselves). Each restore is kept before anything is poisoned, without push (a case may
 * have poisoned it), and withPoison() restores everything before it returns or throws: vitest's own
 * expect must never run on a poisoned realm.
 */

const restores: (() => void)[] = [];

/** Replaces `target[key]` until the end of the current withPoison(). */
export function poison(target: object, key: PropertyKey, value: unknown, descriptor: PropertyDescriptor = { value, writable: true, configurable: true }): void {
  const before = Reflect.getOwnPropertyDescriptor(target, key);
  restores[restores.length] = () => (before ? Reflect.defineProperty(target, key, before) : Reflect.deleteProperty(target, key));
  Reflect.defineProperty(target, key, descriptor);
}

function restoreAll(): void {
  for (let i = restores.length - 1; i >= 0; i--) restores[i]!();
  restores.length = 0;
}

/** What `run` gives once `replace` poisoned the realm; everything is restored before it returns (or throws). */
export function withPoison<T>(replace: () => void, run: () => T): T {
  try {
    replace();
    return run();
  } finally {
    restoreAll();
  }
}

/** withPoison() for a run that waits (a stream's write, a promise's turn). */
export async function withPoisonAsync<T>(replace: () => void, run: () => Promise<T>): Promise<T> {
  try {
    replace();
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
    withPoison(replace, () => void (made = call()));
    await made;
    return 'ok';
  } catch (e) {
    return `refused: ${(e as Error).name}`;
  }
}
