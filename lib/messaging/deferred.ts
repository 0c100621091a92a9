/**
 * A service whose construction is asynchronous (it opens IndexedDB first), usable at once: an MV3
 * service worker must register its message listeners synchronously, before the database is open.
 * Every method call waits for the real service, then calls it.
 */
type AsyncMethods<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never };

export function deferred<T extends object>(ready: Promise<T>): AsyncMethods<T> {
  return new Proxy({} as AsyncMethods<T>, {
    get(_, name) {
      // Not a thenable: `await` on the wrapper itself must not wait for a method call.
      if (name === 'then') return undefined;
      return async (...args: unknown[]) => {
        const service = await ready;
        const method = service[name as keyof T];
        if (typeof method !== 'function') throw new TypeError(`no method ${String(name)}`);
        return (method as (...a: unknown[]) => unknown).apply(service, args);
      };
    },
  });
}
