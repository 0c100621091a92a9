import { ooxmlText } from './rich-text';
import { saxPart } from './sax';

/**
 * A number format as SheetJS's SSF takes it: the file's own format code, or the id of one Excel
 * builds in (0 is General).
 */
export type NumberFormat = string | number;

/** Built-in ids end here; a higher id the file does not define shows as General (as in SheetJS). */
const LAST_BUILT_IN = 81;

/**
 * Each cell style's number format (styles.xml: numFmts, and cellXfs by index, the s of a cell), so a
 * number shows as the person filling the sheet saw it: 1.10105E+17, 1,234.50, 2024年3月1日.
 */
export function readNumberFormats(bytes: Uint8Array): NumberFormat[] {
  const codes = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  saxPart(bytes, {
    open(name, attrs) {
      if (name === 'numFmt' && attrs.formatCode !== undefined) codes.set(parseInt(attrs.numFmtId ?? '', 10), ooxmlText(attrs.formatCode));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(attrs.numFmtId ? parseInt(attrs.numFmtId, 10) : 0);
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return ids.map((id) => codes.get(id) ?? (id >= 0 && id <= LAST_BUILT_IN ? id : 0));
}
