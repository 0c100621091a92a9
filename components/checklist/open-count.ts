import type { ChecklistResult } from '../../lib/signoff/types';

/** Problems still open across every section: the number the collapsed strip and the footer show. */
export function openCount(result: ChecklistResult): number {
  return Object.values(result.sections).reduce((n, s) => n + s.problems.length, 0);
}
