/** Index of the last entry ≤ `pos` in ascending `starts` (0 when none is): which line, segment or cell holds `pos`. */
export function lastAtOrBefore(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
