/**
 * An HTML tree's text as a reader sees it: a line per paragraph, heading, list item or table row, a
 * tab between table cells, a line break at <br>. Without the breaks, markup such as
 * `<p>…1234</p><p>5678…</p>` or adjacent cells `<td>…002X</td><td>139…</td>` would glue two numbers
 * into one digit run — and a digit run glued to an ID hides the ID, because rules never match inside
 * a longer run. Every table cell is a segment with its place in the table (table, row, column and
 * the column's header), so a finding can say where it is: 表格第 3 行「身份证号」.
 *
 * Works on any DOM (the page, jsdom, happy-dom) without layout: the Readability result lives in a
 * detached document, and the CLI has none.
 */
import type { FindingLocation } from '../scan/types';

export interface TextSegment {
  start: number;
  end: number;
  location: FindingLocation;
  /** Index of the cell this one is nested in (a table inside a cell). */
  parent?: number;
}

export interface BlockText {
  text: string;
  /** The table cells, in text order. */
  segments: TextSegment[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'UL',
]);
const WHITESPACE = /[ \t\n\r\f\u00a0]+/g;

interface Cell {
  start: number | undefined;
  row: Row;
  column: number;
  span: number;
  parent: Cell | undefined;
}

interface Row {
  table: Table;
  index: number;
  /** In a <thead>, or made of <th> cells only. */
  inHead: boolean;
  th: number;
  td: number;
  nextColumn: number;
}

interface Table {
  number: number;
  rows: Row[];
}

/**
 * Writes text with the layout rules of a reader: runs of whitespace become one space, none at a line
 * start or end; a line break is written only before the next text (so blocks never leave empty
 * lines); inside a table cell, breaks before its first or after its last text are dropped, so a cell
 * that wraps its text in <p> stays on its row.
 */
class Writer {
  private readonly parts: string[] = [];
  length = 0;
  private lineEmpty = true;
  private space = false;
  private lineBreak = false;
  /** The innermost open cell, and whether it holds text yet. */
  cell: Cell | undefined;
  private cellHasText = false;

  private put(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  /** Materialises a pending line break or space before text. */
  private beforeText(): void {
    if (this.lineBreak) {
      if (this.length > 0) this.put('\n');
      this.lineBreak = false;
      this.lineEmpty = true;
      this.space = false;
    } else if (this.space && !this.lineEmpty) this.put(' ');
    this.space = false;
    if (this.cell && this.cell.start === undefined) this.cell.start = this.length;
    this.cellHasText = true;
  }

  text(data: string, pre: boolean): void {
    if (pre) {
      const lines = data.split('\n');
      lines.forEach((line, i) => {
        if (i > 0) this.breakLine(true);
        if (line !== '') this.word(line);
      });
      return;
    }
    const collapsed = data.replace(WHITESPACE, ' ');
    for (const piece of collapsed.split(' ').map((w, i) => [i > 0, w] as const)) {
      if (piece[0]) this.space = true;
      if (piece[1] !== '') this.word(piece[1]);
    }
  }

  private word(s: string): void {
    this.beforeText();
    this.put(s);
    this.lineEmpty = false;
  }

  /** A block boundary or <br>: the next text starts a line (inside a cell only between its texts). */
  breakLine(force = false): void {
    if (this.cell && !this.cellHasText && !force) return;
    this.lineBreak = true;
  }

  /** A row starts: a line of its own. */
  startRow(): void {
    this.lineBreak = true;
  }

  startCell(cell: Cell, first: boolean): void {
    if (!first) {
      // A cell boundary is written even for empty cells, so columns stay aligned.
      if (this.lineBreak && this.length > 0) this.put('\n');
      this.lineBreak = false;
      this.put('\t');
      this.lineEmpty = true;
    }
    this.space = false;
    this.cell = cell;
    this.cellHasText = false;
  }

  endCell(cell: Cell, outer: Cell | undefined, outerHasText: boolean): { start: number; end: number } {
    const start = cell.start ?? this.length;
    // Breaks asked for after the cell's last text stay inside the cell: dropped.
    if (this.cellHasText) this.lineBreak = false;
    this.space = false;
    this.cell = outer;
    this.cellHasText = outerHasText || this.cellHasText;
    return { start, end: this.length };
  }

  get hasText(): boolean {
    return this.cellHasText;
  }

  result(): string {
    return this.parts.join('');
  }
}

interface RawSegment {
  start: number;
  end: number;
  cell: Cell;
}

/** Is `el` hidden from readers (the hidden attribute, aria-hidden, an inline display:none)? */
function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Walks a tree in document order, writing its text and noting where each table cell's text stands. */
class BlockWalker {
  readonly w = new Writer();
  readonly raw: RawSegment[] = [];
  readonly tables: Table[] = [];
  /** The innermost open row, and whether it is a header row's context (<thead>). */
  private row: Row | undefined;
  private inHead = false;

  constructor(private readonly skip: (el: Element) => boolean) {}

  walk(node: Node, pre: boolean): void {
    if (node.nodeType === 3 /* TEXT_NODE */) return this.w.text(node.nodeValue ?? '', pre);
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return this.children(node, pre);
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || hidden(el) || this.skip(el)) return;
    if (tag === 'BR') return this.w.breakLine(true);
    if (tag === 'TABLE') return this.table(el, pre);
    if (tag === 'TR') return this.tableRow(el, pre);
    if (tag === 'TD' || tag === 'TH') return this.cell(el, pre);
    const block = BLOCK.has(tag);
    const head = tag === 'THEAD';
    if (head) this.inHead = true;
    if (block) this.w.breakLine();
    this.children(el, pre || tag === 'PRE');
    if (block) this.w.breakLine();
    if (head) this.inHead = false;
  }

  private children(node: Node, pre: boolean): void {
    node.childNodes.forEach((c) => this.walk(c, pre));
  }

  private table(el: Element, pre: boolean): void {
    const outerRow = this.row;
    const outerHead = this.inHead;
    this.tables.push({ number: this.tables.length + 1, rows: [] });
    this.row = undefined;
    this.inHead = false;
    this.w.breakLine();
    this.children(el, pre);
    this.w.breakLine();
    this.row = outerRow;
    this.inHead = outerHead;
  }

  private tableRow(el: Element, pre: boolean): void {
    const t = this.tables[this.tables.length - 1];
    if (!t) return this.children(el, pre);
    const outer = this.row;
    this.row = { table: t, index: t.rows.length + 1, inHead: this.inHead, th: 0, td: 0, nextColumn: 1 };
    t.rows.push(this.row);
    this.w.startRow();
    this.children(el, pre);
    this.row = outer;
  }

  private cell(el: Element, pre: boolean): void {
    const row = this.row;
    if (!row) return this.children(el, pre);
    const span = Math.max(1, Math.min(50, Number(el.getAttribute('colspan')) || 1));
    const outer = this.w.cell;
    const c: Cell = { start: undefined, row, column: row.nextColumn, span, parent: outer };
    const first = row.th + row.td === 0;
    if (el.tagName.toUpperCase() === 'TH') row.th++;
    else row.td++;
    row.nextColumn += span;
    const outerHasText = this.w.hasText;
    this.w.startCell(c, first);
    this.children(el, pre);
    this.raw.push({ ...this.w.endCell(c, outer, outerHasText), cell: c });
  }
}

/** The text of `root` and its table cells; `skip` leaves out more elements (a site's chrome). */
export function readBlocks(root: Node, skip: (el: Element) => boolean = () => false): BlockText {
  const walker = new BlockWalker(skip);
  walker.walk(root, false);
  const text = walker.w.result();
  // Cells are written when they close, so a table's cells come after the cell it is nested in.
  const raw = walker.raw.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, segments: locateCells(text, raw, walker.tables.length) };
}

const LONG_NUMBER = /\d{5}/;
const MAX_HEADER = 20;

/** The header row of a table: its <thead> or <th> row, else a first row without long numbers. */
function headerCells(text: string, raw: readonly RawSegment[], table: Table): Map<number, string> {
  const first = table.rows[0];
  const marked = table.rows.find((r) => r.inHead || (r.th > 0 && r.td === 0));
  const headerRow = marked ?? first;
  const out = new Map<number, string>();
  if (!headerRow) return out;
  const cells = raw.filter((s) => s.cell.row === headerRow);
  const texts = cells.map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim());
  if (!marked && texts.some((t) => LONG_NUMBER.test(t))) return out;
  cells.forEach((s, i) => {
    const name = texts[i]!.slice(0, MAX_HEADER);
    for (let c = s.cell.column; c < s.cell.column + s.cell.span; c++) if (name) out.set(c, name);
  });
  return out;
}

function locateCells(text: string, raw: readonly RawSegment[], tableCount: number): TextSegment[] {
  const headers = new Map<Table, Map<number, string>>();
  const index = new Map(raw.map((s, i) => [s.cell, i]));
  return raw.map((s) => {
    const { row, column } = s.cell;
    const table = row.table;
    let header = headers.get(table);
    if (!header) headers.set(table, (header = headerCells(text, raw, table)));
    const columnHeader = header.get(column);
    const where = tableCount > 1 ? `第 ${table.number} 个表格第 ${row.index} 行` : `表格第 ${row.index} 行`;
    const location: FindingLocation = {
      table: table.number,
      row: row.index,
      column,
      text: columnHeader ? `${where}「${columnHeader}」` : `${where}第 ${column} 列`,
    };
    if (columnHeader) location.columnHeader = columnHeader;
    const parent = s.cell.parent ? index.get(s.cell.parent) : undefined;
    return parent === undefined ? { start: s.start, end: s.end, location } : { start: s.start, end: s.end, location, parent };
  });
}

/** Where in the page the text at [start, end) stands: the table cell holding its start, if any. */
export function locationAt(segments: readonly TextSegment[], start: number): FindingLocation | undefined {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  // The last cell starting at or before the offset holds it, or one of the cells it is nested in does.
  for (let i: number | undefined = lo - 1; i !== undefined && i >= 0; i = segments[i]!.parent) {
    const s = segments[i]!;
    if (start < s.end) return s.location;
  }
  return undefined;
}
