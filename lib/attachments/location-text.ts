import type { FindingLocation } from '../scan/types';

/**
 * The Chinese a person reads in the panel and the CLI: 隐藏工作表「原始」C7, 页眉, 第 3 页.
 * One place, so every reader names places the same way.
 */

const PART_NAMES: Record<NonNullable<FindingLocation['part']>, string> = {
  body: '正文',
  header: '页眉',
  footer: '页脚',
  comment: '批注',
  textbox: '文本框',
  footnote: '脚注',
  properties: '文档属性',
};

export interface CellPlace {
  sheet?: string;
  cell: string;
  sheetHidden?: boolean;
  rowHidden?: boolean;
  columnHidden?: boolean;
  part?: 'comment';
  columnHeader?: string;
}

/**
 * Spreadsheet cell: 工作表「低保名单」C7, 隐藏工作表「原始」C7, …C7（隐藏列）, …C7 的批注. Built field
 * by field: a 名单 gives one per finding, 150,000 in a large list.
 */
export function cellLocation(p: CellPlace): FindingLocation {
  const sheet = p.sheet === undefined ? '单元格 ' : `${p.sheetHidden ? '隐藏工作表' : '工作表'}「${p.sheet}」`;
  const marks = p.rowHidden ? (p.columnHidden ? '（隐藏行、隐藏列）' : '（隐藏行）') : p.columnHidden ? '（隐藏列）' : '';
  const loc: FindingLocation = { text: `${sheet}${p.cell}${marks}${p.part === 'comment' ? ' 的批注' : ''}` };
  if (p.sheet !== undefined) loc.sheet = p.sheet;
  loc.cell = p.cell;
  if (p.sheetHidden) loc.hidden = 'sheet';
  else if (p.columnHidden) loc.hidden = 'column';
  else if (p.rowHidden) loc.hidden = 'row';
  if (p.part) loc.part = p.part;
  if (p.columnHeader) loc.columnHeader = p.columnHeader;
  return loc;
}

/** A part of a sheet that is not a cell: its header, footer or a text box. */
export function sheetPartLocation(sheet: string, sheetHidden: boolean, part: 'header' | 'footer' | 'textbox'): FindingLocation {
  return {
    sheet,
    part,
    ...(sheetHidden && { hidden: 'sheet' as const }),
    text: `${sheetHidden ? '隐藏工作表' : '工作表'}「${sheet}」${PART_NAMES[part]}`,
  };
}

/** A document property: 文档属性「作者」. */
export function propertyLocation(name: string): FindingLocation {
  return { part: 'properties', text: `${PART_NAMES.properties}「${name}」` };
}

/** A paragraph of a document part: 正文第 3 段, 页眉, 批注 2. */
export function paragraphLocation(part: NonNullable<FindingLocation['part']>, paragraph?: number): FindingLocation {
  const where = paragraph === undefined ? PART_NAMES[part] : `${PART_NAMES[part]}第 ${paragraph} 段`;
  return { part, ...(paragraph !== undefined && { paragraph }), text: where };
}

/** A table cell of a document: 表格 2 第 3 行第 2 列「身份证号」. */
export function tableCellLocation(table: number, row: number, column: number, columnHeader?: string, part: 'body' | 'header' | 'footer' = 'body'): FindingLocation {
  const prefix = part === 'body' ? '' : PART_NAMES[part];
  const header = columnHeader ? `「${columnHeader}」` : '';
  return {
    part,
    table,
    row,
    column,
    ...(columnHeader && { columnHeader }),
    text: `${prefix}表格 ${table} 第 ${row} 行第 ${column} 列${header}`,
  };
}

/** A line of a plain-text file or a PDF page. */
export function lineLocation(line: number): FindingLocation {
  return { paragraph: line, text: `第 ${line} 行` };
}

export function pageLocation(page: number): FindingLocation {
  return { page, text: `第 ${page} 页` };
}

/** A1 reference of a 0-based row and column. */
export function cellRef(row: number, col: number): string {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row + 1}`;
}
