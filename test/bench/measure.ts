export interface Throughput {
  name: string;
  /** Megabytes (10^6 bytes of UTF-8) per second, median over the timed repetitions. */
  mbPerSec: number;
  runs: number[];
  /** What the pass counted (findings, phone numbers, matches): a check it did the work. */
  count: number;
}

/**
 * Median throughput of `pass` over `docs`: one untimed warm-up pass (JIT, lazily built tables),
 * then `reps` timed passes. The median, not the mean, so one GC pause or a busy neighbour on a
 * shared machine does not decide the result.
 */
export function throughput(name: string, docs: readonly string[], bytes: number, reps: number, pass: (doc: string) => number): Throughput {
  const once = () => {
    let count = 0;
    for (const d of docs) count += pass(d);
    return count;
  };
  const count = once();
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    once();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    runs.push(bytes / 1e6 / s);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { name, mbPerSec: median, runs, count };
}
