import { corruptError } from '../container';
import { RichText } from './rich-text';
import { saxPart } from './sax';
import type { Grid, GridCell } from './sheet-segments';
import { makeCell, type RawCell } from './xlsx-cell';
import { headerFooterText } from './xlsx-parts';
import type { NumberFormat } from './xlsx-styles';

export interface SheetRead {
  grid: Grid;
  /** Header and footer texts, in the order the sheet lists them. */
  headerFooter: { part: 'header' | 'footer'; text: string }[];
}

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

function hideColumns(grid: Grid, attrs: Record<string, string>): void {
  const hidden = xmlTrue(attrs.hidden);
  const last = Math.min(parseInt(attrs.max ?? '', 10), MAX_COLUMNS);
  for (let c = parseInt(attrs.min ?? '', 10) - 1; c < last; c++) grid.hiddenColumns[c] = hidden;
}

function place(grid: Grid, r: number, c: number, cell: GridCell): void {
  if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLUMNS) throw corruptError();
  (grid.data[r] ??= [])[c] = cell;
}

/**
 * A worksheet part, read in one pass: column and row visibility, every cell with a value (typed and
 * formatted as SheetJS would), and the header/footer, which stands after the cells.
 */
export function readSheet(bytes: Uint8Array, strings: readonly string[], formats: readonly NumberFormat[] | null): SheetRead {
  const grid: Grid = { data: [], hiddenRows: [], hiddenColumns: [] };
  const headerFooter: SheetRead['headerFooter'] = [];
  const rich = new RichText();
  const raw: RawCell = { type: undefined, value: undefined, inline: undefined };
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
        if (xmlTrue(attrs.hidden)) grid.hiddenRows[row - 1] = true;
      } else if (name === 'sheetData') inData = true;
      else if (name === 'col' && !inData) hideColumns(grid, attrs);
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
        const cell = makeCell(raw, (style !== undefined && formats?.[parseInt(style, 10)]) || 0, strings);
        if (cell) place(grid, ref === undefined ? row - 1 : rowOf(ref), column, cell);
      } else if (name === 'sheetData') inData = false;
      else if (hf !== null) {
        const m = HEADER_FOOTER.exec(name);
        const text = headerFooterText(hf);
        if (m && text) headerFooter.push({ part: m[1] === 'Header' ? 'header' : 'footer', text });
        hf = null;
      }
    },
  });
  return { grid, headerFooter };
}
