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

const tableNumbers = new WeakMap<Element, number>();
let nextTable = 0;

/**
 * A number that tells the page's tables apart, given on first sight and kept for the table's life:
 * the checklist places thousands of findings in paced slices (a 1 MB 公示 draft), and listing every
 * table of the editor again per slice (or per finding) cost more than placing the findings.
 */
function tableNumber(table: Element): number {
  let n = tableNumbers.get(table);
  if (n === undefined) tableNumbers.set(table, (n = nextTable++));
  return n;
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
  return { table: tableNumber(table), index, header };
}
