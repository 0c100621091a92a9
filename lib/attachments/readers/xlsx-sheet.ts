import { corruptError } from '../container';
import { RichText } from './rich-text';
import { saxPart, type SaxHandlers } from './sax';
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

/** The tokenizer's listener for one worksheet part: where it is, the cell being read, the row so far. */
class SheetReader implements SaxHandlers {
  readonly headerFooter: HeaderFooter[] = [];
  private readonly feed: RowFeed;
  private readonly rich = new RichText();
  private readonly raw: RawCell = { type: undefined, value: undefined, inline: undefined };
  private cells: Row | null = null;
  /** The row the cells' own references name (a row element may leave out its r). */
  private cellsRow = -1;
  private inData = false;
  private row = 0;
  private column = -1;
  private ref: string | undefined;
  private style: string | undefined;
  private value: string | null = null;
  private inline = false;
  private hf: string | null = null;

  constructor(
    private readonly shared: SharedTables,
    private readonly target: SheetTarget,
  ) {
    this.feed = new RowFeed(target);
  }

  open = (name: string, attrs: Record<string, string>): void => {
    if (this.inline) this.rich.open(name);
    else if (name === 'v') this.value = '';
    else if (name === 'c' && this.inData) this.startCell(attrs);
    else if (name === 'is') this.inline = true;
    else if (name === 'row' && this.inData) this.startRow(attrs);
    else if (name === 'sheetData') this.inData = true;
    else if (name === 'col' && !this.inData) hideColumns(this.target.visibility, attrs);
    else if (HEADER_FOOTER.test(name)) this.hf = '';
  };

  text = (s: string): void => {
    if (this.value !== null) this.value += s;
    else if (this.inline) this.rich.text(s);
    else if (this.hf !== null) this.hf += s;
  };

  close = (name: string): void => {
    if (name === 'is') {
      this.inline = false;
      this.raw.inline = this.rich.take();
    } else if (this.inline) this.rich.close(name);
    else if (name === 'v') {
      // The first <v> is the value; an empty one is none.
      if (this.raw.value === undefined && this.value) this.raw.value = this.value;
      this.value = null;
    } else if (name === 'c' && this.inData) this.endCell();
    else if (name === 'row' && this.inData) {
      this.feed.row(this.cellsRow >= 0 ? this.cellsRow : this.row - 1, this.cells!);
      this.cells = null;
    } else if (name === 'sheetData') this.inData = false;
    else if (this.hf !== null) this.endHeaderFooter(name);
  };

  /** Comments below the last row with cells (or on a sheet without cells). */
  end(): void {
    this.feed.commentsBefore(Infinity);
  }

  private startRow(attrs: Record<string, string>): void {
    this.row = attrs.r === undefined ? this.row + 1 : parseInt(attrs.r, 10);
    this.column = -1;
    this.cells = [];
    this.cellsRow = -1;
    if (xmlTrue(attrs.hidden)) this.target.visibility.hiddenRows[this.row - 1] = true;
  }

  private startCell(attrs: Record<string, string>): void {
    this.ref = attrs.r;
    this.column = this.ref === undefined ? this.column + 1 : columnOf(this.ref);
    this.raw.type = attrs.t;
    this.style = attrs.s;
    this.raw.value = this.raw.inline = undefined;
  }

  private endCell(): void {
    const { strings, formats } = this.shared;
    const cell: GridCell | null = makeCell(this.raw, (this.style !== undefined && formats?.[parseInt(this.style, 10)]) || 0, strings);
    if (!cell) return;
    if (!this.cells || this.column < 0 || this.column >= MAX_COLUMNS) throw corruptError();
    if (this.ref !== undefined) {
      const r = rowOf(this.ref);
      // The cells of one row element all stand in one row.
      if (this.cellsRow >= 0 && r !== this.cellsRow) throw corruptError();
      this.cellsRow = r;
    }
    this.cells[this.column] = cell;
  }

  private endHeaderFooter(name: string): void {
    const m = HEADER_FOOTER.exec(name);
    const text = headerFooterText(this.hf!);
    if (m && text) this.headerFooter.push({ part: m[1] === 'Header' ? 'header' : 'footer', text });
    this.hf = null;
  }
}

/**
 * A worksheet part, read in one pass: column and row visibility, every cell with a value (typed and
 * formatted as SheetJS would), each row handed on as soon as it ends; and the header/footer, which
 * stands after the cells.
 */
export function readSheet(bytes: Uint8Array, shared: SharedTables, target: SheetTarget): HeaderFooter[] {
  const reader = new SheetReader(shared, target);
  saxPart(bytes, reader);
  reader.end();
  return reader.headerFooter;
}
