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

/** A line that can be a row of a table or list (see ColumnHeader); tab and pipe rows always are. */
function rowLike(line: string): boolean {
  const mode = modeOf(line);
  if (mode === '\t' || mode === '|') return true;
  if (line.length > MAX_ROW || PROSE.test(line) || line.trim() === '') return false;
  return cellsOf(line, mode).every((c) => c.text.length <= MAX_CELL);
}

const NUMERIC_CELL = /^[\d*.,\sXx-]{3,}$/;
/** A row holding a number cell is data; the header is the first row above without one. */
function dataRow(line: string): boolean {
  return cellsOf(line, modeOf(line)).some((c) => NUMERIC_CELL.test(c.text.trim()));
}

const HEADER_LOOKBACK_LINES = 500;
const SKIP = Symbol('column header walk');

/** The line of the header above row `row`, or -1. */
function headerLine(lines: LineIndex, row: number): number {
  if (row === 0) return -1;
  const j = lines.nearestAbove(SKIP, row - 1, (k) => {
    const t = lines.lineText(k);
    return !(t.trim() === '' || (rowLike(t) && dataRow(t)));
  });
  if (j < 0 || j < row - HEADER_LOOKBACK_LINES) return -1;
  return rowLike(lines.lineText(j)) ? j : -1;
}

const HEADERS = Symbol('column headers');

/** The header over the value at `pos`, or null when it stands in no table or list with a header. */
export function columnHeader(text: TextView, pos: number): ColumnHeader | null {
  const lines = linesOf(text);
  const row = lines.lineOf(pos);
  const line = lines.lineText(row);
  if (!rowLike(line)) return null;
  const top = headerLine(lines, row);
  if (top < 0) return null;
  const mode = modeOf(line);
  const memo = lines.memo(HEADERS, () => new Map<string, { cells: string[][]; rows: string }>());
  const key = `${top}${mode}`;
  let header = memo.get(key);
  if (!header) {
    // A row right above the header that is also no data row: the first row of a two-row header.
    const above = top > 0 && rowLike(lines.lineText(top - 1)) && !dataRow(lines.lineText(top - 1)) ? [top - 1, top] : [top];
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
