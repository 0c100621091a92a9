import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeldRelayKey } from '../../lib/content/gate/held-relay-key';

afterEach(() => vi.useRealTimers());

/** Whether `p` has settled once pending timers and microtasks up to now have run. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('HeldRelayKey', () => {
  it('is null until the background answers; a waiting request goes on when the key comes', async () => {
    vi.useFakeTimers();
    const key = new HeldRelayKey();
    expect(key.get()).toBeNull();
    const ready = key.ready();
    expect(await settled(ready)).toBe(false);
    key.set('k'.repeat(32));
    expect(await settled(ready)).toBe(true);
    expect(key.get()).toBe('k'.repeat(32));
  });

  it('a background that cannot answer ends the wait, and so do three seconds without an answer', async () => {
    vi.useFakeTimers();
    const failed = new HeldRelayKey();
    const waiting = failed.ready();
    failed.set(null);
    expect(await settled(waiting)).toBe(true);
    expect(failed.get()).toBeNull();

    const silent = new HeldRelayKey();
    const ready = silent.ready();
    vi.advanceTimersByTime(2_999);
    expect(await settled(ready)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(ready)).toBe(true);
    // later requests do not wait again
    expect(await settled(silent.ready())).toBe(true);
  });
});
