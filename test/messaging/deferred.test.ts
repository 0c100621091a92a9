import { describe, expect, it } from 'vitest';
import { deferred } from '../../lib/messaging/deferred';

describe('deferred service', () => {
  it('waits for the service, then calls it with the arguments and its own this', async () => {
    let open!: (s: { n: number; add(x: number): Promise<number> }) => void;
    const service = deferred(new Promise<{ n: number; add(x: number): Promise<number> }>((r) => (open = r)));
    const pending = service.add(2);
    open({ n: 40, add(x) { return Promise.resolve(this.n + x); } });
    expect(await pending).toBe(42);
  });

  it('rejects when the service could not be made, and for unknown methods', async () => {
    const failed = deferred<{ go(): Promise<void> }>(Promise.reject(new Error('IndexedDB unavailable')));
    await expect(failed.go()).rejects.toThrow('IndexedDB unavailable');
    const empty = deferred<{ go(): Promise<void> }>(Promise.resolve({} as { go(): Promise<void> }));
    await expect(empty.go()).rejects.toThrow('no method go');
  });
});
