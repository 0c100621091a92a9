import { describe, expect, it } from 'vitest';
import { jobsFrom } from '../../lib/cli/jobs';

describe('jobsFrom', () => {
  it.each([
    [undefined, 4, 4],
    ['', 2, 2],
    ['1', 8, 1],
    ['3', 2, 3],
    [' 2 ', 8, 2],
    [undefined, 0, 1],
  ] as const)('PRECHECK_JOBS=%j on %i CPUs → %i', (setting, cpus, want) => {
    expect(jobsFrom(setting, cpus)).toBe(want);
  });
  it.each(['0', '-1', 'two', '1.5', '1000'])('PRECHECK_JOBS=%j is refused, in both languages', (setting) => {
    const r = jobsFrom(setting, 2);
    if (typeof r === 'number') throw new Error(`accepted as ${r}`);
    expect(r.zh).toContain('PRECHECK_JOBS');
    expect(r.en).toContain(`"${setting}"`);
  });
});
