/**
 * Which table column a finding stands in (for grouping "身份证号码 列：25 项"): read from the editor's
 * DOM at the finding's range. The header is the first row's cell in the same column, when the
 * finding is below it; the column index counts column spans.
 */
import type { TableColumn } from '../fix/groups';

function columnIndex(cell: HTMLTableCellElement): number {
  let index = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) index += (c as HTMLTableCellElement).colSpan || 1;
  return index;
}

function cellAt(row: HTMLTableRowElement, index: number): HTMLTableCellElement | null {
  let at = 0;
  for (const cell of row.cells) {
    if (index < at + (cell.colSpan || 1)) return cell;
    at += cell.colSpan || 1;
  }
  return null;
}

const tableIndexes = new WeakMap<HTMLElement, Map<Element, number>>();

/**
 * A table's place among the root's tables. The checklist places every finding in one pass (thousands
 * on a 1 MB 公示 draft): the tables are listed once per pass, not once per finding, and forgotten
 * after it (the DOM may change before the next one).
 */
function tableIndex(root: HTMLElement, table: Element): number {
  let index = tableIndexes.get(root);
  if (!index) {
    index = new Map([...root.querySelectorAll('table')].map((t, i) => [t, i]));
    tableIndexes.set(root, index);
    queueMicrotask(() => tableIndexes.delete(root));
  }
  return index.get(table) ?? -1;
}

export function tableColumnOf(range: Range, root: HTMLElement): TableColumn | undefined {
  const start = range.startContainer;
  const cell = (start.nodeType === 1 ? (start as Element) : start.parentElement)?.closest('td,th') as HTMLTableCellElement | null;
  const table = cell?.closest('table');
  if (!cell || !table || !root.contains(table)) return undefined;
  const row = cell.parentElement as HTMLTableRowElement;
  const index = columnIndex(cell);
  const first = table.rows[0];
  const head = first && first !== row ? cellAt(first, index) : null;
  const header = head?.textContent?.replace(/\s+/g, ' ').trim() || null;
  return { table: tableIndex(root, table), index, header };
}
