import * as XLSX from '@e965/xlsx';
import { corruptError } from '../container';
import { ooxmlText } from './rich-text';
import type { GridCell } from './sheet-segments';
import type { NumberFormat } from './xlsx-styles';

/** SheetJS's number formatter (SSF), untyped in its declarations. */
const SSF = XLSX.SSF as { format(format: NumberFormat, value: unknown): string };

/** What a <c> element held: its t and s attributes, its <v> text, its inline string's text. */
export interface RawCell {
  type: string | undefined;
  value: string | undefined;
  inline: string | undefined;
}

/** Excel's serial day number of an ISO date (a t="d" cell), counted from 1899-12-30 as Excel counts after 1900-03-01. */
function serialDay(iso: string): number {
  const utc = /[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`;
  return (Date.parse(utc) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The cell's type and value as SheetJS reads them; null for a cell it skips (no value). */
function typed(raw: RawCell, strings: readonly string[]): GridCell | null {
  const { type, value } = raw;
  if (type === undefined && value === undefined) return null;
  switch (type ?? 'n') {
    case 'n':
      return value === undefined ? null : { t: 'n', v: parseFloat(value) };
    case 's': {
      if (value === undefined) return null;
      const text = strings[parseInt(value, 10)];
      // A cell pointing past the shared string table: the file is damaged.
      if (text === undefined) throw corruptError();
      return { t: 's', v: text };
    }
    case 'str':
      return { t: 's', v: value === undefined ? '' : ooxmlText(value) };
    case 'inlineStr':
      return { t: 's', v: raw.inline ?? '' };
    case 'b':
      return { t: 'b', v: value === '1' || value === 'true' };
    case 'd':
      return value === undefined ? null : { t: 'n', v: serialDay(value) };
    case 'e':
      return { t: 'e', v: value, w: value === undefined ? undefined : ooxmlText(value) };
    default:
      return { t: type!, v: value };
  }
}

/** The text SheetJS's number formatting gives the value; none when the format cannot show it. */
function display(v: unknown, format: NumberFormat): string | undefined {
  if (format === 0) {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && (v | 0) === v) return String(v);
  }
  try {
    return SSF.format(format, v);
  } catch {
    return undefined;
  }
}

/** One cell of a sheet, typed and formatted; null when the element holds no value. */
export function makeCell(raw: RawCell, format: NumberFormat, strings: readonly string[]): GridCell | null {
  const cell = typed(raw, strings);
  if (cell && cell.t !== 'e' && cell.v !== undefined) cell.w = display(cell.v, format);
  return cell;
}
