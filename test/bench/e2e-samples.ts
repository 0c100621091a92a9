/**
 * For `npm run bench:e2e --verbose`: which functions a long task spent its time in. A trace records
 * no call for a promise's continuation (a scan slice runs in microtasks), so the trace alone cannot
 * name what a long "RunMicrotasks" was; the V8 sampling profiler, recorded into the same trace
 * (category disabled-by-default-v8.cpu_profiler), can.
 */
import type { TraceEvent } from './e2e-trace';

export const PROFILER_CATEGORY = 'disabled-by-default-v8.cpu_profiler';

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
}

interface ChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

interface Sample {
  /** trace-clock ms */
  at: number;
  node: number;
}

export interface Samples {
  at(from: number, to: number): string;
}

/** The samples of every profile in the trace, with a way to name a window's hottest functions. */
export function samplesOf(events: TraceEvent[]): Samples {
  const nodes = new Map<number, ProfileNode>();
  const samples: Sample[] = [];
  const clock = new Map<string, number>();
  for (const e of events) {
    const data = (e.args as { data?: ChunkData & { startTime?: number } } | undefined)?.data;
    const id = `${e.pid}:${(e as { id?: string }).id}`;
    if (e.name === 'Profile') clock.set(id, data?.startTime ?? e.ts);
    if (e.name !== 'ProfileChunk' || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = clock.get(id) ?? e.ts;
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
      t += data.timeDeltas?.[i] ?? 0;
      samples.push({ at: t / 1000, node });
    });
    clock.set(id, t);
  }
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? `@${n.callFrame.url.replace(/^.*\//, '')}:${(n.callFrame.lineNumber ?? 0) + 1}` : ''}`;
  return {
    at(from, to) {
      const inclusive = new Map<string, number>();
      // The leaf of each sample, whatever code it is in: native getters, the GC and idle show here.
      const leaves = new Map<string, number>();
      let n = 0;
      for (const s of samples) {
        if (s.at < from || s.at > to) continue;
        n++;
        const leaf = nodes.get(s.node);
        if (leaf) leaves.set(name(leaf), (leaves.get(name(leaf)) ?? 0) + 1);
        const seen = new Set<string>();
        for (let x = nodes.get(s.node); x; x = x.parent !== undefined ? nodes.get(x.parent) : undefined) {
          if (!x.callFrame.url?.includes('content')) continue;
          const k = name(x);
          if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + 1);
          seen.add(k);
        }
      }
      if (n === 0) return 'no samples';
      const share = (m: Map<string, number>, k: number) =>
        [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, c]) => `${f} ${Math.round((100 * c) / n)}%`).join(', ');
      return `${n} samples; in the content script: ${share(inclusive, 8)}; leaves: ${share(leaves, 5)}`;
    },
  };
}
