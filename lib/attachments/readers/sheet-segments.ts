import { cellLocation, cellRef, propertyLocation } from '../location-text';
import type { FindingLocation } from '../../scan/types';
import type { ExtractedSegment } from '../types';

/**
 * What both spreadsheet readers (the .xlsx reader, SheetJS for .xls) hand over, and how it becomes
 * segments: one place, so a cell, a hidden row or a comment is named the same whichever read it.
 */

/**
 * A cell in SheetJS's terms: t the type (n number, s text, b boolean, e error, z a cell that only
 * carries a comment), v the value, w the text a reader of the file sees, c its comments (T: threaded).
 */
export interface GridCell {
  t: string;
  v?: string | number | boolean | Date;
  w?: string;
  c?: { t?: string; T?: boolean }[];
}

/** Which rows and columns of a sheet are hidden (0-based, sparse). */
export interface Visibility {
  hiddenRows: (boolean | undefined)[];
  hiddenColumns: (boolean | undefined)[];
}

/** A sheet's cells as rows of columns (0-based, sparse), with its hidden rows and columns. */
export interface Grid extends Visibility {
  data: (Row | undefined)[];
}

export type Row = (GridCell | undefined)[];

export interface BookSheet {
  name: string;
  /** Hidden or very hidden. */
  hidden: boolean;
  /** Its cells' and comments' segments, row by row. */
  cells: ExtractedSegment[];
  /** Its headers, footers and text boxes. */
  parts: ExtractedSegment[];
}

export type PropertyKey = 'Title' | 'Subject' | 'Author' | 'LastAuthor' | 'Manager' | 'Company' | 'Category' | 'Keywords' | 'Comments';

const PROPERTY_NAMES: [PropertyKey, string][] = [
  ['Title', '标题'],
  ['Subject', '主题'],
  ['Author', '作者'],
  ['LastAuthor', '最后修改者'],
  ['Manager', '经理'],
  ['Company', '单位'],
  ['Category', '类别'],
  ['Keywords', '关键词'],
  ['Comments', '备注'],
];

/** What a reader of the file sees in a cell; for an exact whole number, every digit. */
function cellText(cell: GridCell): string {
  if (cell.t === 'n' && typeof cell.v === 'number') return Number.isSafeInteger(cell.v) ? String(cell.v) : (cell.w ?? String(cell.v));
  if (cell.t === 's' || cell.t === 'd' || cell.t === 'b') return cell.w ?? String(cell.v ?? '');
  return '';
}

/** A sheet's name and visibility, and the row that names its columns once it is known. */
class SheetPlaces {
  header: Row | undefined;
  headerRow = -1;

  constructor(
    readonly name: string,
    readonly hidden: boolean,
    readonly visibility: Visibility,
  ) {}

  place(r: number, c: number, comment: boolean): FindingLocation {
    return cellLocation({
      sheet: this.name,
      cell: cellRef(r, c),
      sheetHidden: this.hidden,
      rowHidden: !!this.visibility.hiddenRows[r],
      columnHidden: !!this.visibility.hiddenColumns[c],
      columnHeader: this.headerRow >= 0 && this.headerRow < r ? this.header?.[c]?.w : undefined,
      part: comment ? 'comment' : undefined,
    });
  }
}

/**
 * A cell's (or a cell comment's) segment. A 名单 has hundreds of thousands of cells and few of them
 * hold a finding: the segment keeps its row and column, and names its place only when asked.
 */
class CellSegment implements ExtractedSegment {
  separator: '\t' | '\n' = '\t';
  number: number | undefined = undefined;

  constructor(
    readonly text: string,
    private readonly sheet: SheetPlaces,
    private readonly r: number,
    private readonly c: number,
    private readonly comment: boolean,
  ) {}

  location(): FindingLocation {
    return this.sheet.place(this.r, this.c, this.comment);
  }
}

/**
 * Turns a sheet's rows, handed over in ascending order, into segments: each row's cells, each cell
 * followed by its comments; the last of a row ends the line. A reader may hand a row over as soon as
 * it has read it and drop it then: only the segments stay.
 */
export class SheetSegmenter {
  readonly segments: ExtractedSegment[] = [];
  private readonly places: SheetPlaces;

  constructor(name: string, hidden: boolean, visibility: Visibility) {
    this.places = new SheetPlaces(name, hidden, visibility);
  }

  row(r: number, row: Row): void {
    const places = this.places;
    let last: CellSegment | undefined;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const text = cellText(cell);
      if (text) {
        last = new CellSegment(text, places, r, c, false);
        if (cell.t === 'n') last.number = cell.v as number;
        this.segments.push(last);
      }
      if (cell.c) for (const comment of cell.c) if (comment.t) this.segments.push((last = new CellSegment(comment.t, places, r, c, true)));
    }
    if (last) last.separator = '\n';
    // The first row with content names the columns for the rows below it.
    if (places.headerRow < 0 && last) {
      places.header = row;
      places.headerRow = r;
    }
  }
}

/** The segments of a sheet read whole (SheetJS's dense rows). */
export function gridSegments(name: string, hidden: boolean, grid: Grid): ExtractedSegment[] {
  const segmenter = new SheetSegmenter(name, hidden, grid);
  for (let r = 0; r < grid.data.length; r++) {
    const row = grid.data[r];
    if (row) segmenter.row(r, row);
  }
  return segmenter.segments;
}

/** Document properties first, then each sheet (hidden ones too): its cells and comments, then its other parts. */
export function workbookSegments(props: Partial<Record<PropertyKey, unknown>>, sheets: readonly BookSheet[]): ExtractedSegment[] {
  const out: ExtractedSegment[] = [];
  for (const [key, label] of PROPERTY_NAMES) {
    const value = props[key];
    if (typeof value === 'string' && value.trim()) out.push({ text: value, location: propertyLocation(label) });
  }
  // concat, not push(...): a sheet has hundreds of thousands of segments, too many for arguments.
  return out.concat(...sheets.flatMap((sheet) => [sheet.cells, sheet.parts]));
}
