/** How many threads a CLI run may scan with: PRECHECK_JOBS when set (1 scans in one thread), else one per CPU. */
export function jobsFrom(setting: string | undefined, cpus: number): number | { zh: string; en: string } {
  if (setting === undefined || setting === '') return Math.max(1, cpus);
  if (/^[1-9]\d{0,2}$/.test(setting.trim())) return Number(setting);
  return { zh: `PRECHECK_JOBS 应为 1 到 999 之间的整数，而不是“${setting}”`, en: `PRECHECK_JOBS must be a whole number from 1 to 999, not "${setting}"` };
}
