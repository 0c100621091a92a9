import { describe, expect, it } from 'vitest';
import { RELAY_KEY_ITEM, relayKeySource } from '../../lib/background/relay-key';

/** storage.session as the background sees it: a plain map, kept across the background's restarts. */
function session(initial: Record<string, unknown> = {}, failReads = 0) {
  const items = { ...initial };
  let fails = failReads;
  return {
    items,
    get: (key: string) => (fails-- > 0 ? Promise.reject(new Error('storage not ready')) : Promise.resolve(key in items ? { [key]: items[key] } : {})),
    set: (more: Record<string, unknown>) => Promise.resolve(void Object.assign(items, more)),
  };
}

describe('relayKeySource', () => {
  it('makes one random key of 32 hex digits and hands the same one to every frame', async () => {
    const s = session();
    const key = relayKeySource(s);
    const [a, b] = await Promise.all([key(), key()]);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toBe(a);
    expect(s.items[RELAY_KEY_ITEM]).toBe(a);
  });

  it('a background woken again hands out the key the frames already hold', async () => {
    const s = session();
    const before = await relayKeySource(s)();
    expect(await relayKeySource(s, () => new Uint8Array(16))()).toBe(before);
  });

  it('a stored value that is no key is replaced', async () => {
    const s = session({ [RELAY_KEY_ITEM]: 'short' });
    const key = await relayKeySource(s)();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(s.items[RELAY_KEY_ITEM]).toBe(key);
  });

  it('a failed read is tried again by the next frame, not remembered', async () => {
    const s = session({}, 1);
    const key = relayKeySource(s);
    await expect(key()).rejects.toThrow('storage not ready');
    expect(await key()).toMatch(/^[0-9a-f]{32}$/);
  });
});
