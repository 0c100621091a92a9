import { corruptError } from '../container';
import { RichText } from './rich-text';
import { saxPart } from './sax';
import type { GridCell, Row, SheetSegmenter, Visibility } from './sheet-segments';
import { makeCell, type RawCell } from './xlsx-cell';
import { headerFooterText } from './xlsx-parts';
import type { NumberFormat } from './xlsx-styles';

/** The workbook's tables every sheet's cells refer to. */
export interface SharedTables {
  strings: readonly string[];
  /** Number format of each cell style; null when the package has no styles part. */
  formats: readonly NumberFormat[] | null;
}

/** Where a sheet's reading goes: its segments, its hidden rows and columns, and the comments to put on its cells. */
export interface SheetTarget {
  segmenter: SheetSegmenter;
  visibility: Visibility;
  /** Comment cells by row and column (t: 'z', c: the comments), from the sheet's comment parts. */
  comments: (Row | undefined)[];
}

export type HeaderFooter = { part: 'header' | 'footer'; text: string };

/** Excel's own limits: a reference beyond them is no cell of a file Excel wrote. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

const HEADER_FOOTER = /^(?:odd|even|first)(Header|Footer)$/;

/** The row of a cell reference (C7 → 6), 0-based: its digits. */
export function rowOf(ref: string): number {
  let r = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 48 && code <= 57) r = 10 * r + (code - 48);
  }
  return r - 1;
}

/** The column of a cell reference (C7 → 2), 0-based: its leading letters. */
export function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) - 64;
    if (code < 1 || code > 26) break;
    c = 26 * c + code;
  }
  return c - 1;
}

const xmlTrue = (v: string | undefined) => v === '1' || v === 'true';

function hideColumns(visibility: Visibility, attrs: Record<string, string>): void {
  const hidden = xmlTrue(attrs.hidden);
  const last = Math.min(parseInt(attrs.max ?? '', 10), MAX_COLUMNS);
  for (let c = parseInt(attrs.min ?? '', 10) - 1; c < last; c++) visibility.hiddenColumns[c] = hidden;
}

/**
 * Hands rows to the segmenter as they are read, in order, with the comments on their cells; rows
 * that hold nothing but comments go in between. Excel writes rows in ascending order and a cell in
 * its own row: a sheet that does not is damaged.
 */
class RowFeed {
  private readonly commentRows: number[];
  private next = 0;
  private last = -1;

  constructor(private readonly target: SheetTarget) {
    this.commentRows = Object.keys(target.comments).map(Number);
  }

  row(r: number, cells: Row): void {
    if (r <= this.last || r >= MAX_ROWS) throw corruptError();
    this.last = r;
    this.commentsBefore(r);
    const comments = this.target.comments[r];
    if (comments) {
      this.next++;
      comments.forEach((commented, c) => {
        const cell = cells[c];
        if (cell) cell.c = commented?.c;
        else cells[c] = commented;
      });
    }
    this.target.segmenter.row(r, cells);
  }

  /** Comment-only rows above row r (all that are left, at the end of the sheet). */
  commentsBefore(r: number): void {
    const rows = this.commentRows;
    while (this.next < rows.length && rows[this.next]! < r) {
      const at = rows[this.next++]!;
      this.target.segmenter.row(at, this.target.comments[at]!);
    }
  }
}

/**
 * A worksheet part, read in one pass: column and row visibility, every cell with a value (typed and
 * formatted as SheetJS would), each row handed on as soon as it ends; and the header/footer, which
 * stands after the cells.
 */
export function readSheet(bytes: Uint8Array, shared: SharedTables, target: SheetTarget): HeaderFooter[] {
  const { strings, formats } = shared;
  const headerFooter: HeaderFooter[] = [];
  const feed = new RowFeed(target);
  const rich = new RichText();
  const raw: RawCell = { type: undefined, value: undefined, inline: undefined };
  let cells: Row | null = null;
  // The row the cells' own references name (a row element may leave out its r).
  let cellsRow = -1;
  let inData = false;
  let row = 0;
  let column = -1;
  let ref: string | undefined;
  let style: string | undefined;
  let value: string | null = null;
  let inline = false;
  let hf: string | null = null;
  saxPart(bytes, {
    open(name, attrs) {
      if (inline) rich.open(name);
      else if (name === 'v') value = '';
      else if (name === 'c' && inData) {
        ref = attrs.r;
        column = ref === undefined ? column + 1 : columnOf(ref);
        raw.type = attrs.t;
        style = attrs.s;
        raw.value = raw.inline = undefined;
      } else if (name === 'is') inline = true;
      else if (name === 'row' && inData) {
        row = attrs.r === undefined ? row + 1 : parseInt(attrs.r, 10);
        column = -1;
        cells = [];
        cellsRow = -1;
        if (xmlTrue(attrs.hidden)) target.visibility.hiddenRows[row - 1] = true;
      } else if (name === 'sheetData') inData = true;
      else if (name === 'col' && !inData) hideColumns(target.visibility, attrs);
      else if (HEADER_FOOTER.test(name)) hf = '';
    },
    text(s) {
      if (value !== null) value += s;
      else if (inline) rich.text(s);
      else if (hf !== null) hf += s;
    },
    close(name) {
      if (name === 'is') {
        inline = false;
        raw.inline = rich.take();
      } else if (inline) rich.close(name);
      else if (name === 'v') {
        // The first <v> is the value; an empty one is none.
        if (raw.value === undefined && value) raw.value = value;
        value = null;
      } else if (name === 'c' && inData) {
        const cell: GridCell | null = makeCell(raw, (style !== undefined && formats?.[parseInt(style, 10)]) || 0, strings);
        if (!cell) return;
        if (!cells || column < 0 || column >= MAX_COLUMNS) throw corruptError();
        if (ref !== undefined) {
          const r = rowOf(ref);
          // The cells of one row element all stand in one row.
          if (cellsRow >= 0 && r !== cellsRow) throw corruptError();
          cellsRow = r;
        }
        cells[column] = cell;
      } else if (name === 'row' && inData) {
        feed.row(cellsRow >= 0 ? cellsRow : row - 1, cells!);
        cells = null;
      } else if (name === 'sheetData') inData = false;
      else if (hf !== null) {
        const m = HEADER_FOOTER.exec(name);
        const text = headerFooterText(hf);
        if (m && text) headerFooter.push({ part: m[1] === 'Header' ? 'header' : 'footer', text });
        hf = null;
      }
    },
  });
  // Comments below the last row with cells (or on a sheet without cells).
  feed.commentsBefore(Infinity);
  return headerFooter;
}
