export interface Throughput {
  name: string;
  /** Megabytes (10^6 bytes of UTF-8) per second of CPU time, median over the timed rounds. */
  mbPerSec: number;
  runs: number[];
  /** What the pass counted (findings, phone numbers, matches): a check it did the work. */
  count: number;
}

type Pass = (doc: string) => number;

function cpuSeconds(docs: readonly string[], pass: Pass): [number, number] {
  const t0 = process.cpuUsage();
  let count = 0;
  for (const d of docs) count += pass(d);
  const t = process.cpuUsage(t0);
  return [(t.user + t.system) / 1e6, count];
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Throughput of each pass over `docs`: one untimed warm-up pass each (JIT, lazily built tables), then
 * `reps` rounds in which the passes take turns, so a busy neighbour on a shared machine slows all of
 * them alike. CPU time rather than wall time, and the median round, for the same reason.
 */
export function compare(passes: Readonly<Record<string, Pass>>, docs: readonly string[], bytes: number, reps: number): Record<string, Throughput> {
  const runs: Record<string, number[]> = {};
  const counts: Record<string, number> = {};
  for (const [name, pass] of Object.entries(passes)) {
    counts[name] = cpuSeconds(docs, pass)[1];
    runs[name] = [];
  }
  for (let i = 0; i < reps; i++) for (const [name, pass] of Object.entries(passes)) runs[name]!.push(bytes / 1e6 / cpuSeconds(docs, pass)[0]);
  return Object.fromEntries(Object.keys(passes).map((name) => [name, { name, mbPerSec: median(runs[name]!), runs: runs[name]!, count: counts[name]! }]));
}

/** How many times faster `a` ran than `b`: the median of their ratios round by round (compare()'s rounds). */
export function roundRatio(a: Throughput, b: Throughput): number {
  return median(a.runs.map((x, i) => x / b.runs[i]!));
}
