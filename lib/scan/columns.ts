import { linesOf, type LineIndex } from './lines';
import { hasNumericCell } from './numeric-cells';
import type { TextView } from './text-view';

/**
 * The column header over a value in a table or list, however the table reached the text: cells split
 * by tabs or pipes (Word, Excel, the HTML extractor), by wide gaps or single spaces (a PDF copy), or a
 * single column of values under its title (一折通账号, then one account per line). The header is the
 * nearest row above that holds no numbers, however many data rows (and blank lines) lie between;
 * a second header row right above it is read too (two-row headers of merged cells).
 */
export interface ColumnHeader {
  /** The header cell(s) over the value's own column; undefined when the header's cells do not line up. */
  cell?: string;
  /** The header rows' whole text. */
  rows: string;
}

type Mode = '\t' | '|' | 'gap' | 'space';

/** How a row's cells are separated, read from the row itself. */
function modeOf(line: string): Mode {
  if (line.includes('\t')) return '\t';
  if (line.includes('|')) return '|';
  const body = line.trim();
  return body.includes('  ') ? 'gap' : 'space';
}

/** Cells of a line in a mode, with the offset of each cell in the line. */
function cellsOf(line: string, mode: Mode): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  if (mode === '\t' || mode === '|') {
    let at = 0;
    for (const text of line.split(mode)) {
      out.push({ text, at });
      at += text.length + 1;
    }
    return out;
  }
  // Spaces: one or more separate cells ('space'), or two or more do and a single one is inside a cell ('gap').
  const minGap = mode === 'gap' ? 2 : 1;
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 13)) end--;
  let p = 0;
  while (p < end && line.charCodeAt(p) === 32) p++;
  let from = p;
  while (p < end) {
    if (line.charCodeAt(p) !== 32) {
      p++;
      continue;
    }
    let q = p;
    while (line.charCodeAt(q) === 32) q++;
    if (q - p >= minGap) {
      out.push({ text: line.slice(from, p), at: from });
      from = q;
    }
    p = q;
  }
  out.push({ text: line.slice(from, end), at: from });
  return out;
}

/** Sentence punctuation or a label colon: the line is prose or "label: value", not a table row. */
const PROSE = /[。；！？;!?:]/;
const MAX_ROW = 160;
const MAX_CELL = 40;
const NUMERIC_CELL = /^[\d*.,\sXx-]{3,}$/;
/** A cell with a long number in it (E12345678, 0952-6995536): data, whatever else it holds. */
const LONG_NUMBER = /\d{5}/;

const ROW = 1;
const DATA = 2;
const KNOWN = 4;
const SHAPES = Symbol('row shapes');

/**
 * What a line is: ROW when it can be a row of a table or list (tab and pipe rows always are; other
 * lines when short, without sentence punctuation and with short cells), DATA when a cell of it is a
 * number (the header is the first row above without one). `cells` splits the line in its own mode.
 */
function shapeOfLine(line: string, cells: () => { text: string }[]): number {
  const mode = modeOf(line);
  const tabular = mode === '\t' || mode === '|';
  let shape = KNOWN;
  // Prose is no row, and whether it holds numbers is never asked: its cells are not worked out. A
  // long number makes a data row whatever the cells are (no separator stands inside a number).
  if (tabular || (line.length <= MAX_ROW && !PROSE.test(line) && line.trim() !== '')) {
    const long = LONG_NUMBER.test(line);
    if (tabular) return shape | ROW | (long || hasNumericCell(line, mode) ? DATA : 0);
    const own = cells();
    if (own.every((c) => c.text.length <= MAX_CELL)) shape |= ROW;
    if (long || own.some((c) => NUMERIC_CELL.test(c.text.trim()))) shape |= DATA;
  }
  return shape;
}

const perLine = (lines: LineIndex) => new Uint8Array(lines.count);

/** shapeOfLine() of line `i`, worked out once per document. */
function shapeOf(lines: LineIndex, i: number): number {
  const known = lines.memo(SHAPES, perLine);
  if (!(known[i]! & KNOWN)) known[i] = newShape(lines, i);
  return known[i]!;
}

// Apart from shapeOf(), which is asked for known lines far more often: a closure over the line
// there would cost an allocation on every ask.
function newShape(lines: LineIndex, i: number): number {
  return shapeOfLine(lines.lineText(i), () => ownCells(lines, i));
}

const passedOver = (line: string, shape: number) => line.trim() === '' || (shape & ROW && shape & DATA) !== 0;

/**
 * Does the walk up to a column header pass over this (normalised) line — a blank line or a data row —
 * rather than stop at it? For reading a line outside the scanned text (lib/scan/piece-context.ts).
 */
export function headerWalkPasses(line: string): boolean {
  return passedOver(line, shapeOfLine(line, () => cellsOf(line, modeOf(line))));
}

const CELLS = Symbol('row cells');
const newCellsMemo = () => new Map<number, { text: string; at: number }[]>();

/** The cells of line `i` in its own mode, split once per document. */
function ownCells(lines: LineIndex, i: number): { text: string; at: number }[] {
  const memo = lines.memo(CELLS, newCellsMemo);
  let cells = memo.get(i);
  if (!cells) {
    const line = lines.lineText(i);
    memo.set(i, (cells = cellsOf(line, modeOf(line))));
  }
  return cells;
}

export const HEADER_LOOKBACK_LINES = 500;
const SKIP = Symbol('column header walk');
const stopsWalk = (k: number, lines: LineIndex) => !passedOver(lines.lineText(k), shapeOf(lines, k));

/** The line of the header above row `row` (whose cells `mode` separates), or -1. */
function headerLine(lines: LineIndex, row: number, mode: Mode): number {
  if (row === 0) return -1;
  // Blank lines and data rows are passed over; the walk is remembered for every line it passes.
  const j = lines.nearestAbove(SKIP, row - 1, stopsWalk);
  if (j < 0 || j < row - HEADER_LOOKBACK_LINES || !(shapeOf(lines, j) & ROW)) return -1;
  // A tab or pipe table's header is a row of that table.
  if ((mode === '\t' || mode === '|') && !lines.lineText(j).includes(mode)) return -1;
  return j;
}

const HEADERS = Symbol('column headers');
const newHeadersMemo = () => new Map<number, Header>();
const MODES: readonly Mode[] = ['\t', '|', 'gap', 'space'];

/** A header, split once per document and mode; its answers per row width are kept too. */
interface Header {
  cells: string[][];
  rows: ColumnHeader;
  /** For rows of n cells: the header over each column, or null when no header row has n cells. */
  byWidth: Map<number, ColumnHeader[] | null>;
}

function headerAt(lines: LineIndex, top: number, mode: Mode): Header {
  const memo = lines.memo(HEADERS, newHeadersMemo);
  const key = top * MODES.length + MODES.indexOf(mode);
  let header = memo.get(key);
  if (!header) {
    // A row right above the header that is also no data row: the first row of a two-row header.
    const second = top > 0 ? shapeOf(lines, top - 1) : 0;
    const sameTable = top > 0 && (mode === 'gap' || mode === 'space' || lines.lineText(top - 1).includes(mode));
    const above = second & ROW && !(second & DATA) && sameTable ? [top - 1, top] : [top];
    const texts = above.map((i) => lines.lineText(i));
    const rows = texts.join('\n');
    memo.set(key, (header = { cells: texts.map((t) => cellsOf(t, mode).map((c) => c.text)), rows: { rows }, byWidth: new Map() }));
  }
  return header;
}

function columnsOf(header: Header, width: number): ColumnHeader[] | null {
  let columns = header.byWidth.get(width);
  if (columns === undefined) {
    const aligned = header.cells.filter((cells) => cells.length === width);
    columns = aligned.length === 0 ? null : Array.from({ length: width }, (_, c) => ({ cell: aligned.map((cells) => cells[c]!).join(' '), rows: header.rows.rows }));
    header.byWidth.set(width, columns);
  }
  return columns;
}

/** The header over the value at `pos`, or null when it stands in no table or list with a header. */
export function columnHeader(text: TextView, pos: number): ColumnHeader | null {
  const lines = linesOf(text);
  const row = lines.lineOf(pos);
  if (!(shapeOf(lines, row) & ROW)) return null;
  const line = lines.lineText(row);
  const mode = modeOf(line);
  const top = headerLine(lines, row, mode);
  if (top < 0) return null;
  const header = headerAt(lines, top, mode);
  const offset = pos - lines.start(row);
  if (mode === '\t' || mode === '|') {
    // The cells of a tab or pipe row are counted, not split out.
    let column = 0;
    let width = 1;
    for (let p = line.indexOf(mode); p >= 0; p = line.indexOf(mode, p + 1)) {
      width++;
      if (p < offset) column++;
    }
    const columns = columnsOf(header, width);
    return columns ? columns[column]! : header.rows;
  }
  const own = ownCells(lines, row);
  const columns = columnsOf(header, own.length);
  if (!columns) return header.rows;
  let column = 0;
  while (column + 1 < own.length && own[column + 1]!.at <= offset) column++;
  return columns[column]!;
}

/** Does the value's column header name one of `words` (the whole header when its cells do not line up)? */
export function headerNames(text: TextView, pos: number, words: readonly string[]): boolean {
  const h = columnHeader(text, pos);
  if (!h) return false;
  const where = h.cell ?? h.rows;
  return words.some((w) => where.includes(w));
}
