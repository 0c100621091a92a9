import type { Kit } from './kit';

/** How the hooks take the place of the worker's globals (see replaceGlobal and constructorInPlace). */
export function replaceInPlace(k: Kit): void {
  const { g, describe, protoOf, defineProperty } = k;
  /**
   * `value` in place of the global `name` where the worker has it: WebIDL puts fetch and importScripts
   * on WorkerGlobalScope.prototype, and a copy set on the global itself left the original there for
   * the script to call (or to find again with `delete self.fetch`).
   */
  const replaceGlobal = (name: string, value: unknown): void => {
    let owner: object | null = g;
    while (owner !== null && describe(owner, name) === undefined) owner = protoOf(owner);
    const d = owner === null ? undefined : describe(owner, name);
    defineProperty(owner ?? g, name, { __proto__: null, value, writable: true, enumerable: d?.enumerable ?? false, configurable: true } as PropertyDescriptor);
  };
  k.replaceGlobal = replaceGlobal;
  /** `Guarded` as the global `name`, and as its prototype's constructor: `WebSocket.prototype.constructor` handed the script the unguarded original. */
  k.constructorInPlace = (name, Original, Guarded) => {
    Guarded.prototype = Original.prototype;
    defineProperty(Original.prototype, 'constructor', { __proto__: null, value: Guarded, writable: true, enumerable: false, configurable: true } as PropertyDescriptor);
    replaceGlobal(name, Guarded);
  };
}
