/**
 * How a CLI run's files are shared between scanners: contiguous groups (so the report keeps the
 * files' order) of about equal bytes. A scanner costs a thread's start and a cold JIT, so a group
 * smaller than minBytes is not worth one.
 */
export function planGroups(sizes: readonly number[], jobs: number, minBytes: number): number[][] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const count = Math.max(1, Math.min(Math.floor(jobs), Math.floor(total / minBytes), sizes.length));
  const groups: number[][] = [[]];
  let sum = 0;
  sizes.forEach((size, i) => {
    const left = sizes.length - i;
    const open = count - groups.length;
    // A new group starts once this one holds its share, or when every remaining file must start one.
    if (groups.at(-1)!.length > 0 && open > 0 && (sum >= (total * groups.length) / count || left <= open)) groups.push([]);
    groups.at(-1)!.push(i);
    sum += size;
  });
  return groups;
}
