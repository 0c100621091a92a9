import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { keepDiscovering } from '../../lib/content/keep-discovering';

/** A top window with only what the loop uses: timers (vitest's fake ones) and load events. */
function fakeTop(): Window {
  const events = new EventTarget();
  return {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (id: number) => clearInterval(id),
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    dispatchEvent: events.dispatchEvent.bind(events),
  } as unknown as Window;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('looks at once, every second and on load, and the painter watches again each time', () => {
  const top = fakeTop();
  const seen: string[] = [];
  keepDiscovering(top, { discover: () => seen.push('discover') }, { rewatch: () => seen.push('rewatch') });
  expect(seen).toEqual(['discover', 'rewatch']);
  vi.advanceTimersByTime(2000);
  expect(seen.length).toBe(6);
  top.dispatchEvent(new Event('load'));
  expect(seen.length).toBe(8);
});

it('stops looking when stopped', () => {
  const top = fakeTop();
  let looks = 0;
  const stop = keepDiscovering(top, { discover: () => looks++ }, { rewatch: () => undefined });
  stop();
  vi.advanceTimersByTime(5000);
  top.dispatchEvent(new Event('load'));
  expect(looks).toBe(1);
});
