import { describe, expect, it } from 'vitest';
import { createSignedItemStore } from '../../lib/signoff/signed-items';

function memory() {
  const data: Record<string, unknown> = {};
  return {
    get: (k: string | string[]) => Promise.resolve(Object.fromEntries((Array.isArray(k) ? k : [k]).map((key) => [key, data[key]]))),
    set: (items: Record<string, unknown>) => Promise.resolve(void Object.assign(data, structuredClone(items))),
  };
}

describe('signed items', () => {
  it('keeps ids per site, revokes them, and forgets them after a week', async () => {
    let t = 1_000_000;
    const store = createSignedItemStore(memory(), () => t);
    await store.add('http://cms.a', ['42', '43']);
    await store.add('http://cms.b', ['42']);
    expect(await store.list('http://cms.a')).toEqual(['42', '43']);
    await store.revoke('http://cms.a', ['42']);
    expect(await store.list('http://cms.a')).toEqual(['43']);
    expect(await store.list('http://cms.b')).toEqual(['42']);
    t += 8 * 24 * 3600_000;
    expect(await store.list('http://cms.a')).toEqual([]);
  });
});
