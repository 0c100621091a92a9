import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { corruptError, encryptedError } from '../container';
import type { ExtractedSegment } from '../types';
import { gridSegments, workbookSegments, type Grid } from './sheet-segments';

// Excel 95 (BIFF5) files from Chinese Windows store text in code page 936; BIFF8 and xlsx are Unicode.
XLSX.set_cptable(cptable);

function open(bytes: Uint8Array): XLSX.WorkBook {
  try {
    // dense: rows as arrays (half the memory of a cell map at 50,000 rows); cellStyles: hidden rows and columns.
    return XLSX.read(bytes, { type: 'array', dense: true, cellStyles: true, cellHTML: false, cellFormula: false });
  } catch (err) {
    throw /password|encrypt/i.test(String((err as Error)?.message)) ? encryptedError() : corruptError();
  }
}

function grid(ws: XLSX.WorkSheet): Grid {
  return {
    data: ws['!data'] ?? [],
    hiddenRows: (ws['!rows'] ?? []).map((r) => r?.hidden),
    hiddenColumns: (ws['!cols'] ?? []).map((c) => c?.hidden),
  };
}

/**
 * The binary workbooks (.xls BIFF2–8, a WPS .et saved as BIFF8, .xlsb) through SheetJS: every sheet
 * (hidden and very hidden ones too), hidden rows and columns, cell comments, document properties.
 * Their headers, footers and text boxes are not read (README).
 */
export function readWorkbook(bytes: Uint8Array): ExtractedSegment[] {
  const wb = open(bytes);
  const sheets = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const hidden = !!wb.Workbook?.Sheets?.[i]?.Hidden;
    return { name, hidden, cells: ws ? gridSegments(name, hidden, grid(ws)) : [], parts: [] };
  });
  return workbookSegments(wb.Props ?? {}, sheets);
}
