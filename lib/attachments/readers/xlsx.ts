import { corruptError } from '../container';
import { sheetPartLocation } from '../location-text';
import type { ExtractedSegment } from '../types';
import { relationships, unzipXmlParts, type PackageParts } from './ooxml-package';
import { workbookSegments, type BookSheet } from './sheet-segments';
import { insertComments, readComments, readThreadedComments, type CellComment } from './xlsx-comments';
import { sheetTextBoxes } from './xlsx-parts';
import { readSheet } from './xlsx-sheet';
import { readNumberFormats, type NumberFormat } from './xlsx-styles';
import { readSharedStrings } from './xlsx-strings';
import { readProperties, readSheetList, WORKBOOK, workbookPart, type WorkbookSheet } from './xlsx-workbook';

interface Shared {
  strings: readonly string[];
  formats: readonly NumberFormat[] | null;
}

/** One sheet: its cells with their comments (legacy first, then threaded ones over them), then headers, footers, text boxes. */
function bookSheet(parts: PackageParts, sheet: WorkbookSheet, shared: Shared): BookSheet {
  const { name, hidden, path } = sheet;
  if (!path) return { name, hidden, grid: undefined, parts: [] };
  const { grid, headerFooter } = readSheet(parts[path]!, shared.strings, shared.formats);
  const rels = relationships(parts, path);
  const threaded: CellComment[] = [];
  for (const rel of rels) {
    const bytes = parts[rel.target];
    if (!bytes) continue;
    if (rel.type === 'comments') insertComments(grid, readComments(bytes), false);
    else if (rel.type === 'threadedComment') threaded.push(...readThreadedComments(bytes));
  }
  insertComments(grid, threaded, true);
  const segments: ExtractedSegment[] = headerFooter.map((hf) => ({ text: hf.text, location: sheetPartLocation(name, hidden, hf.part) }));
  for (const text of sheetTextBoxes(parts, path)) segments.push({ text, location: sheetPartLocation(name, hidden, 'textbox') });
  return { name, hidden, grid, parts: segments };
}

/**
 * An .xlsx/.xlsm read straight from its package: fflate inflates the XML parts, saxes tokenizes them
 * as they are decoded. Every sheet (hidden and very hidden ones too), hidden rows and columns, shared
 * and inline strings, numbers as Excel shows them (SheetJS's formatter), comments, properties,
 * headers, footers, text boxes. A package without its workbook, or with a part that is not
 * well-formed XML, is corrupt.
 */
export async function readXlsx(bytes: Uint8Array): Promise<ExtractedSegment[]> {
  const parts = unzipXmlParts(bytes);
  if (!parts[WORKBOOK]) {
    // The binary workbook (.xlsb) saved under an .xlsx name: SheetJS reads that format.
    if (parts['xl/_rels/workbook.bin.rels']) return (await import('./sheet')).readWorkbook(bytes);
    throw corruptError();
  }
  const sst = workbookPart(parts, 'sharedStrings', 'xl/sharedStrings.xml');
  const styles = workbookPart(parts, 'styles', 'xl/styles.xml');
  const shared: Shared = { strings: sst ? readSharedStrings(sst) : [], formats: styles ? readNumberFormats(styles) : null };
  return workbookSegments(
    readProperties(parts),
    readSheetList(parts).map((sheet) => bookSheet(parts, sheet, shared)),
  );
}
