/** Gives the page's main thread back (input, rendering) between pieces of a long job. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Main-thread time one piece of a long job may take before it gives the page its thread back: well
 * under the 50 ms that counts as a long task, on a slow 2-core machine under load too.
 */
export const SLICE_MS = 4;

/**
 * A pause for a long job that checks often: it yields only once `budgetMs` of work has passed since
 * the last yield, so the job's tasks stay short however fast the machine is, and a small job (a
 * normal draft) finishes without a single timer (nested setTimeouts are clamped to 4 ms each).
 */
export function pacedYield(budgetMs = SLICE_MS, now: () => number = () => performance.now()): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < budgetMs) return;
    await yieldToPage();
    since = now();
  };
}

/** Nodes walked, and characters scanned, between looks at the pacer's clock. */
export const WALK_STEP = 256;
export const SCAN_STEP = 8 * 1024;

/** A hidden tab paints no frame: work put after the next paint runs by then anyway. */
const PAINT_WAIT_MS = 250;

/**
 * Runs `fn` once the next frame is painted, or after 250 ms in a tab that paints none: what the user
 * must see first is on screen before slower work starts. A task queued from the frame after next:
 * tasks queued while that first frame was drawn (the page's own, a bench's probe) run before it.
 */
export function afterNextPaint(win: Window, fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  win.requestAnimationFrame(() => win.requestAnimationFrame(() => win.setTimeout(run, 0)));
  win.setTimeout(run, PAINT_WAIT_MS);
}

/** Items mapped between looks at the pacer's clock (placing a finding reads the DOM: ~0.1 ms each). */
export const MAP_STEP = 32;

/**
 * `fn` over every item, in the pacer's slices: thousands of findings (a 1 MB 公示 draft) mapped in
 * tasks that stay short. The results are in the items' order.
 */
export async function mapPaced<T, R>(items: readonly T[], fn: (item: T) => R, pause: () => Promise<void>, step = MAP_STEP): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i % step === 0) await pause();
    out.push(fn(items[i]!));
  }
  return out;
}

/**
 * `fn` over every item, synchronously while that fits in one slice, the rest in paced slices after:
 * the results at once when all fitted, else a promise of them. What a click causes then stays in the
 * click's task whenever it can (a controlled checkbox that React re-renders later flips back first),
 * and only a long first pass (a 1 MB draft's findings placed for the first time) is spread out.
 */
export function mapSoon<T, R>(items: readonly T[], fn: (item: T) => R, now: () => number = () => performance.now(), budgetMs = SLICE_MS): R[] | Promise<R[]> {
  const out: R[] = [];
  const since = now();
  while (out.length < items.length) {
    out.push(fn(items[out.length]!));
    if (out.length % MAP_STEP === 0 && now() - since >= budgetMs) break;
  }
  if (out.length === items.length) return out;
  const rest = items.slice(out.length);
  return yieldToPage()
    .then(() => mapPaced(rest, fn, pacedYield(budgetMs, now)))
    .then((more) => out.concat(more));
}
