import { afterEach, expect, it, vi } from 'vitest';
import { mapPaced, mapSoon, pacedYield } from '../../lib/content/yield';

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

it('maps every item in order, pausing once per step of items and never in the middle of one', async () => {
  const items = Array.from({ length: 100 }, (_, i) => i);
  const seen: string[] = [];
  const pause = () => {
    seen.push('pause');
    return Promise.resolve();
  };
  const out = await mapPaced(items, (x) => (seen.push(`${x}`), x * 2), pause, 32);
  expect(out).toEqual(items.map((x) => x * 2));
  // a pause before items 0, 32, 64 and 96: four slices of at most 32 items each
  expect(seen.filter((s) => s === 'pause')).toHaveLength(4);
  expect(seen.indexOf('pause', 1)).toBe(33);
  expect(await mapPaced([], (x: number) => x, pause)).toEqual([]);
});

it('really gives the thread back between slices when the budget is spent', async () => {
  let clock = 0;
  const order: string[] = [];
  const job = mapPaced(
    [1, 2, 3, 4],
    (x) => {
      clock += 5; // each item takes 5 ms of the 8 ms budget
      order.push(`item ${x}`);
      return x;
    },
    pacedYield(8, () => clock),
    1,
  );
  setTimeout(() => order.push('page'), 0);
  await job;
  // items 1 and 2 spend the budget; the page's timer runs before item 3
  expect(order.slice(0, 3)).toEqual(['item 1', 'item 2', 'page']);
});

it('maps at once, without a promise, when every item fits in the budget', () => {
  let clock = 0;
  const out = mapSoon([1, 2, 3], (x) => ((clock += 1), x + 1), () => clock, 8);
  expect(out).toEqual([2, 3, 4]);
});

it('maps what fits now and the rest after the page had its turn, all in order', async () => {
  let clock = 0;
  const order: string[] = [];
  const items = Array.from({ length: 100 }, (_, i) => i);
  // the page's own task, waiting while the map runs
  setTimeout(() => order.push('page'), 0);
  // each item 1 ms of an 8 ms budget, the clock looked at every 32 items: 32 now, the rest later
  const out = mapSoon(items, (x) => ((clock += 1), order.push(`${x}`), x), () => clock, 8);
  expect(Array.isArray(out)).toBe(false);
  expect(order).toHaveLength(32);
  expect(await out).toEqual(items);
  expect(order[32]).toBe('page');
});
