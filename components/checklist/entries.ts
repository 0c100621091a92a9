/**
 * The checklist's findings as one flat list of lines (a group's head, then its rows), for a list that
 * lays out only the lines in its scroll window. Pure: which groups are open comes in.
 */
import type { ChecklistGroup } from './types';

/** A group this small is listed open; a bigger one (a table column) folds its rows away. */
export const OPEN_GROUP = 3;

export type Entry = { head: ChecklistGroup; rows: number; open: boolean } | { key: string };

/**
 * Each group with rows to list: its head, then its rows when it is small or opened. `listed` gives
 * the keys of a group's rows that are listed (what stands in the way, or was released by a reviewer).
 */
export function flatEntries(groups: readonly ChecklistGroup[], listed: (g: ChecklistGroup) => string[], opened: ReadonlySet<string>): Entry[] {
  const out: Entry[] = [];
  for (const g of groups) {
    const keys = listed(g);
    if (keys.length === 0) continue;
    const open = keys.length <= OPEN_GROUP || opened.has(g.id);
    out.push({ head: g, rows: keys.length, open });
    if (open) for (const key of keys) out.push({ key });
  }
  return out;
}
