import { expect, it } from 'vitest';
import { flatEntries, OPEN_GROUP } from '../../components/checklist/entries';
import type { ChecklistGroup } from '../../components/checklist/types';

const group = (id: string, n: number): ChecklistGroup => ({ id, kind: 'cn-id', count: n, keys: Array.from({ length: n }, (_, i) => `${id}${i}`), maskable: false, preview: null });
const shape = (entries: ReturnType<typeof flatEntries>) => entries.map((e) => ('key' in e ? e.key : `[${e.head.id} ${e.rows} ${e.open ? 'open' : 'folded'}]`));

it('lists a small group open and folds a big one until it is opened', () => {
  const groups = [group('a', OPEN_GROUP + 2), group('b', 2)];
  const all = (g: ChecklistGroup) => g.keys;
  expect(shape(flatEntries(groups, all, new Set()))).toEqual(['[a 5 folded]', '[b 2 open]', 'b0', 'b1']);
  expect(shape(flatEntries(groups, all, new Set(['a'])))).toEqual(['[a 5 open]', 'a0', 'a1', 'a2', 'a3', 'a4', '[b 2 open]', 'b0', 'b1']);
});

it('leaves out a group with nothing listed, and counts only the listed rows', () => {
  const groups = [group('a', 5), group('b', 2)];
  const listed = (g: ChecklistGroup) => (g.id === 'a' ? ['a1', 'a3'] : []);
  // two of five listed: small enough to be open
  expect(shape(flatEntries(groups, listed, new Set()))).toEqual(['[a 2 open]', 'a1', 'a3']);
});
