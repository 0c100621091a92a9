import { corruptError } from '../container';
import { sheetPartLocation } from '../location-text';
import type { ExtractedSegment } from '../types';
import { relationships, unzipXmlParts, type PackageParts } from './ooxml-package';
import { SheetSegmenter, workbookSegments, type BookSheet, type PropertyKey, type Row, type Visibility } from './sheet-segments';
import { insertComments, readComments, readThreadedComments, type CellComment } from './xlsx-comments';
import { sheetTextBoxes } from './xlsx-parts';
import { readSheet, type SharedTables } from './xlsx-sheet';
import { readNumberFormats } from './xlsx-styles';
import { readSharedStrings } from './xlsx-strings';
import { readProperties, readSheetList, WORKBOOK, workbookPart, type WorkbookSheet } from './xlsx-workbook';

/** One sheet: its cells with their comments (legacy first, then threaded ones over them), then headers, footers, text boxes. */
function bookSheet(parts: PackageParts, sheet: WorkbookSheet, shared: SharedTables): BookSheet {
  const { name, hidden, path } = sheet;
  if (!path) return { name, hidden, cells: [], parts: [] };
  const comments: (Row | undefined)[] = [];
  const threaded: CellComment[] = [];
  for (const rel of relationships(parts, path)) {
    const bytes = parts[rel.target];
    if (!bytes) continue;
    if (rel.type === 'comments') insertComments(comments, readComments(bytes), false);
    else if (rel.type === 'threadedComment') threaded.push(...readThreadedComments(bytes));
  }
  insertComments(comments, threaded, true);
  const visibility: Visibility = { hiddenRows: [], hiddenColumns: [] };
  const segmenter = new SheetSegmenter(name, hidden, visibility);
  const headerFooter = readSheet(parts[path]!, shared, { segmenter, visibility, comments });
  const segments: ExtractedSegment[] = headerFooter.map((hf) => ({ text: hf.text, location: sheetPartLocation(name, hidden, hf.part) }));
  for (const text of sheetTextBoxes(parts, path)) segments.push({ text, location: sheetPartLocation(name, hidden, 'textbox') });
  return { name, hidden, cells: segmenter.segments, parts: segments };
}

/**
 * Opens an .xlsx/.xlsm package: fflate inflates the XML parts, saxes tokenizes them as they are
 * decoded. Every sheet (hidden and very hidden ones too) with its hidden rows and columns, shared and
 * inline strings, numbers as Excel shows them (SheetJS's formatter), comments, headers, footers, text
 * boxes; and the document properties. A part that is not well-formed XML makes the file corrupt.
 */
export function openXlsx(parts: PackageParts): { props: Partial<Record<PropertyKey, string>>; sheets: BookSheet[] } {
  const sst = workbookPart(parts, 'sharedStrings', 'xl/sharedStrings.xml');
  const styles = workbookPart(parts, 'styles', 'xl/styles.xml');
  const shared: SharedTables = { strings: sst ? readSharedStrings(sst) : [], formats: styles ? readNumberFormats(styles) : null };
  return { props: readProperties(parts), sheets: readSheetList(parts).map((sheet) => bookSheet(parts, sheet, shared)) };
}

/** An .xlsx/.xlsm as segments; a package without its workbook is corrupt. */
export async function readXlsx(bytes: Uint8Array): Promise<ExtractedSegment[]> {
  const parts = unzipXmlParts(bytes);
  if (!parts[WORKBOOK]) {
    // The binary workbook (.xlsb) saved under an .xlsx name: SheetJS reads that format.
    if (parts['xl/_rels/workbook.bin.rels']) return (await import('./sheet')).readWorkbook(bytes);
    throw corruptError();
  }
  const book = openXlsx(parts);
  return workbookSegments(book.props, book.sheets);
}
