/** Gives the page's main thread back (input, rendering) between pieces of a long job. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Main-thread time one piece of a long job may take before it gives the page its thread back: well
 * under the 50 ms that counts as a long task, on a slow 2-core machine under load too.
 */
export const SLICE_MS = 8;

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
export const SCAN_STEP = 16 * 1024;

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
