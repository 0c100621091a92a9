import { afterEach, expect, it, vi } from 'vitest';
import { pacedYield } from '../../lib/content/yield';

afterEach(() => vi.restoreAllMocks());

it('gives the thread back (a timer) only once the budget of work has passed since the last pause', async () => {
  const timers = vi.spyOn(globalThis, 'setTimeout');
  let clock = 0;
  const pause = pacedYield(8, () => clock);
  for (; clock < 8; clock++) await pause();
  expect(timers).toHaveBeenCalledTimes(0);
  await pause(); // clock 8: the budget is spent
  expect(timers).toHaveBeenCalledTimes(1);
  clock = 15;
  await pause();
  expect(timers).toHaveBeenCalledTimes(1);
  clock = 16;
  await pause();
  expect(timers).toHaveBeenCalledTimes(2);
});
