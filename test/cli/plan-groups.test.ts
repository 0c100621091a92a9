import { describe, expect, it } from 'vitest';
import { planGroups } from '../../lib/cli/plan-groups';

const MB = 1_000_000;

describe('planGroups', () => {
  const cases: [string, number[], number, number[][]][] = [
    ['one file', [5 * MB], 4, [[0]]],
    ['too little text for a second scanner', [MB / 2, MB / 2], 2, [[0, 1]]],
    ['one job', [MB, MB, MB], 1, [[0, 1, 2]]],
    ['two equal halves', [MB, MB, MB, MB], 2, [[0, 1], [2, 3]]],
    ['a big file first', [3 * MB, MB, MB, MB], 2, [[0], [1, 2, 3]]],
    ['a big file last', [MB, MB, MB, 3 * MB], 2, [[0, 1, 2], [3]]],
    ['more jobs than files', [2 * MB, 2 * MB], 8, [[0], [1]]],
    ['jobs limited by text', [MB, MB, MB], 8, [[0], [1], [2]]],
    ['no files', [], 2, [[]]],
  ];
  it.each(cases)('%s', (_, sizes, jobs, want) => {
    expect(planGroups(sizes, jobs, MB)).toEqual(want);
  });

  it('keeps every file once, in order, in at most `jobs` non-empty groups', () => {
    for (let seed = 1; seed < 200; seed++) {
      const sizes = Array.from({ length: seed % 17 }, (_, i) => ((seed * 7919 + i * 104729) % 3000) * 1000);
      const jobs = 1 + (seed % 5);
      const groups = planGroups(sizes, jobs, MB);
      expect(groups.flat()).toEqual(sizes.map((_, i) => i));
      expect(groups.length).toBeLessThanOrEqual(jobs);
      if (sizes.length > 0) expect(groups.every((g) => g.length > 0)).toBe(true);
    }
  });
});
