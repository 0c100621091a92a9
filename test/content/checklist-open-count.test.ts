import { expect, it } from 'vitest';
import { openCount } from '../../components/checklist/open-count';
import type { ChecklistProblem, ChecklistResult, SectionId } from '../../lib/signoff/types';

const problem = (code: string): ChecklistProblem => ({ code, message: { zh: code, en: code } });

function result(open: Partial<Record<SectionId, number>>): ChecklistResult {
  const sections = Object.fromEntries(
    (['findings', 'fields', 'confirm', 'signoff'] as const).map((id) => {
      const problems = Array.from({ length: open[id] ?? 0 }, (_, i) => problem(`${id}-${i}`));
      return [id, { id, complete: problems.length === 0, problems }];
    }),
  ) as ChecklistResult['sections'];
  return { sections, important: false, needs: { reviewer: false, principal: false }, complete: Object.values(sections).every((s) => s.complete) };
}

it('is zero when every section is complete', () => {
  expect(openCount(result({}))).toBe(0);
});

it('adds up the open problems of every section', () => {
  expect(openCount(result({ findings: 3 }))).toBe(3);
  expect(openCount(result({ findings: 2, fields: 1, confirm: 4, signoff: 1 }))).toBe(8);
});
