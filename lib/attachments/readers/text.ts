import Papa from 'papaparse';
import { decodeText } from '../decode-text';
import { cellLocation, cellRef, lineLocation } from '../location-text';
import type { ExtractedSegment } from '../types';

/** A plain-text file: one segment per line, located by line number. */
export function readPlainText(bytes: Uint8Array): ExtractedSegment[] {
  return decodeText(bytes)
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ text, location: lineLocation(i + 1) }));
}

/**
 * A CSV file (Excel's and WPS's exports: UTF-8, UTF-8 with BOM, GBK), split by papaparse, which
 * handles quoted cells with commas and line breaks. Cells are located like a sheet's (C7).
 */
export function readCsv(bytes: Uint8Array): ExtractedSegment[] {
  const { data } = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
  const out: ExtractedSegment[] = [];
  const header = data.find((row) => row.some((c) => c.trim()));
  const headerRow = header ? data.indexOf(header) : -1;
  data.forEach((row, r) => {
    let last: ExtractedSegment | undefined;
    row.forEach((text, c) => {
      if (!text) return;
      const columnHeader = r > headerRow ? header?.[c] : undefined;
      out.push((last = { text, location: cellLocation({ cell: cellRef(r, c), columnHeader }), separator: '\t' }));
    });
    if (last) last.separator = '\n';
  });
  return out;
}
