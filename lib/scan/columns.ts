import { linesOf, type LineIndex } from './lines';
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
  return / {2,}/.test(line.trim()) ? 'gap' : 'space';
}

/** Cells of a line in a mode, with the offset of each cell in the line. */
function cellsOf(line: string, mode: Mode): { text: string; at: number }[] {
  const sep = mode === '\t' || mode === '|' ? mode : mode === 'gap' ? / {2,}/g : / +/g;
  const out: { text: string; at: number }[] = [];
  if (typeof sep === 'string') {
    let at = 0;
    for (const text of line.split(sep)) {
      out.push({ text, at });
      at += text.length + 1;
    }
    return out;
  }
  const lead = line.length - line.trimStart().length;
  const body = line.trim();
  let at = 0;
  for (const m of body.matchAll(sep)) {
    out.push({ text: body.slice(at, m.index), at: lead + at });
    at = m.index + m[0].length;
  }
  out.push({ text: body.slice(at), at: lead + at });
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
 * What line `i` is, worked out once per document: ROW when it can be a row of a table or list (tab
 * and pipe rows always are; other lines when short, without sentence punctuation and with short
 * cells), DATA when a cell of it is a number (the header is the first row above without one).
 */
function shapeOf(lines: LineIndex, i: number): number {
  const known = lines.memo(SHAPES, () => new Uint8Array(lines.count));
  if (known[i]! & KNOWN) return known[i]!;
  const line = lines.lineText(i);
  const mode = modeOf(line);
  const cells = cellsOf(line, mode);
  let shape = KNOWN;
  const tabular = mode === '\t' || mode === '|';
  if (tabular || (line.length <= MAX_ROW && !PROSE.test(line) && line.trim() !== '' && cells.every((c) => c.text.length <= MAX_CELL))) shape |= ROW;
  if (cells.some((c) => NUMERIC_CELL.test(c.text.trim()) || LONG_NUMBER.test(c.text))) shape |= DATA;
  known[i] = shape;
  return shape;
}

const HEADER_LOOKBACK_LINES = 500;
const SKIP = Symbol('column header walk');

/** The line of the header above row `row` (whose cells `mode` separates), or -1. */
function headerLine(lines: LineIndex, row: number, mode: Mode): number {
  if (row === 0) return -1;
  // Blank lines and data rows are passed over; the walk is remembered for every line it passes.
  const j = lines.nearestAbove(SKIP, row - 1, (k) => {
    const shape = shapeOf(lines, k);
    return !(lines.lineText(k).trim() === '' || (shape & ROW && shape & DATA));
  });
  if (j < 0 || j < row - HEADER_LOOKBACK_LINES || !(shapeOf(lines, j) & ROW)) return -1;
  // A tab or pipe table's header is a row of that table.
  if ((mode === '\t' || mode === '|') && !lines.lineText(j).includes(mode)) return -1;
  return j;
}

const HEADERS = Symbol('column headers');

/** The header over the value at `pos`, or null when it stands in no table or list with a header. */
export function columnHeader(text: TextView, pos: number): ColumnHeader | null {
  const lines = linesOf(text);
  const row = lines.lineOf(pos);
  if (!(shapeOf(lines, row) & ROW)) return null;
  const line = lines.lineText(row);
  const mode = modeOf(line);
  const top = headerLine(lines, row, mode);
  if (top < 0) return null;
  const memo = lines.memo(HEADERS, () => new Map<string, { cells: string[][]; rows: string }>());
  const key = `${top}${mode}`;
  let header = memo.get(key);
  if (!header) {
    // A row right above the header that is also no data row: the first row of a two-row header.
    const second = top > 0 ? shapeOf(lines, top - 1) : 0;
    const sameTable = top > 0 && (mode === 'gap' || mode === 'space' || lines.lineText(top - 1).includes(mode));
    const above = second & ROW && !(second & DATA) && sameTable ? [top - 1, top] : [top];
    const texts = above.map((i) => lines.lineText(i));
    memo.set(key, (header = { cells: texts.map((t) => cellsOf(t, mode).map((c) => c.text)), rows: texts.join('\n') }));
  }
  const own = cellsOf(line, mode);
  const offset = pos - lines.start(row);
  let column = 0;
  while (column + 1 < own.length && own[column + 1]!.at <= offset) column++;
  const aligned = header.cells.filter((cells) => cells.length === own.length);
  if (aligned.length === 0) return { rows: header.rows };
  return { cell: aligned.map((cells) => cells[column]!).join(' '), rows: header.rows };
}

/** Does the value's column header name one of `words` (the whole header when its cells do not line up)? */
export function headerNames(text: TextView, pos: number, words: readonly string[]): boolean {
  const h = columnHeader(text, pos);
  if (!h) return false;
  const where = h.cell ?? h.rows;
  return words.some((w) => where.includes(w));
}
