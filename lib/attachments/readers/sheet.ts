import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { corruptError, encryptedError } from '../container';
import { cellLocation, cellRef, propertyLocation } from '../location-text';
import type { ExtractedSegment } from '../types';
import { ooxmlSheetParts } from './xlsx-parts';

// Excel 95 (BIFF5) files from Chinese Windows store text in code page 936; BIFF8 and xlsx are Unicode.
XLSX.set_cptable(cptable);

const PROPERTY_NAMES: [keyof XLSX.FullProperties, string][] = [
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

function open(bytes: Uint8Array): XLSX.WorkBook {
  try {
    // dense: rows as arrays (half the memory of a cell map at 50,000 rows); cellStyles: hidden rows
    // and columns; bookFiles: the package's parts, for headers, footers and text boxes.
    return XLSX.read(bytes, { type: 'array', dense: true, cellStyles: true, bookFiles: true, cellHTML: false, cellFormula: false });
  } catch (err) {
    throw /password|encrypt/i.test(String((err as Error)?.message)) ? encryptedError() : corruptError();
  }
}

/** What a reader of the file sees in a cell; for an exact whole number, every digit. */
function cellText(cell: XLSX.CellObject): string {
  if (cell.t === 'n' && typeof cell.v === 'number') return Number.isSafeInteger(cell.v) ? String(cell.v) : (cell.w ?? String(cell.v));
  if (cell.t === 's' || cell.t === 'd' || cell.t === 'b') return cell.w ?? String(cell.v ?? '');
  return '';
}

type Row = (XLSX.CellObject | undefined)[];

/**
 * A sheet's cells as segments. A 名单 has hundreds of thousands of cells and few of them hold a
 * finding: each segment carries one small function that names its place only when asked.
 */
function sheetSegments(name: string, ws: XLSX.WorkSheet, sheetHidden: boolean, out: ExtractedSegment[]): void {
  const data = (ws['!data'] ?? []) as (Row | undefined)[];
  const rows = ws['!rows'] ?? [];
  const cols = ws['!cols'] ?? [];
  let header: Row | undefined;
  let headerRow = -1;
  const place = (r: number, c: number, part?: 'comment') =>
    cellLocation({
      sheet: name,
      cell: cellRef(r, c),
      sheetHidden,
      rowHidden: !!rows[r]?.hidden,
      columnHidden: !!cols[c]?.hidden,
      columnHeader: headerRow >= 0 && headerRow < r ? header?.[c]?.w : undefined,
      part,
    });
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    let last: ExtractedSegment | undefined;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const text = cellText(cell);
      if (text) {
        last = { text, location: () => place(r, c), separator: '\t' };
        if (cell.t === 'n') last.number = cell.v as number;
        out.push(last);
      }
      if (cell.c) for (const comment of cell.c) if (comment.t) out.push((last = { text: comment.t, location: () => place(r, c, 'comment'), separator: '\t' }));
    }
    if (last) last.separator = '\n';
    // The first row with content names the columns for the rows below it.
    if (headerRow < 0 && last) {
      header = row;
      headerRow = r;
    }
  }
}

/** Every sheet (hidden and very hidden ones too), cell comments, properties, headers, footers, text boxes. */
export function readWorkbook(bytes: Uint8Array): ExtractedSegment[] {
  const wb = open(bytes);
  const out: ExtractedSegment[] = [];
  const props = wb.Props ?? {};
  for (const [key, label] of PROPERTY_NAMES) {
    const value = props[key];
    if (typeof value === 'string' && value.trim()) out.push({ text: value, location: propertyLocation(label) });
  }
  const parts = ooxmlSheetParts(wb);
  wb.SheetNames.forEach((name, i) => {
    const hidden = !!wb.Workbook?.Sheets?.[i]?.Hidden;
    const ws = wb.Sheets[name];
    if (ws) sheetSegments(name, ws, hidden, out);
    out.push(...(parts.get(name) ?? []));
  });
  return out;
}
