import { linesOf, openLinesFor, type LineIndex } from './lines';
import { LazyText, type TextView } from './text-view';
import type { DocSignals } from './types';

/** Is any of `words` within `before` characters before or `after` characters after [start, end)? */
export function near(text: TextView, start: number, end: number, words: readonly string[], before = 16, after = 8): boolean {
  const windowText = text.slice(Math.max(0, start - before), start) + '\u0000' + text.slice(end, end + after);
  return words.some((w) => windowText.includes(w));
}

/** The words just before a match, on its own line only: a label like "身份证号:" sits there. */
export function labelBefore(text: TextView, start: number, width = 12): string {
  const from = Math.max(0, start - width);
  const slice = text.slice(from, start);
  const nl = slice.lastIndexOf('\n');
  return nl >= 0 ? slice.slice(nl + 1) : slice;
}

export function lineAt(text: TextView, pos: number): { start: number; end: number; text: string } {
  // In the scanned document the line index answers without a scan back through a long line. Not at
  // 0: lastIndexOf('\n', -1) looks at offset 0 itself, and that quirk is kept as it was.
  const lines = pos > 0 ? openLinesFor(text) : undefined;
  if (lines) {
    const i = lines.lineOf(pos);
    return { start: lines.start(i), end: lines.end(i), text: lines.lineText(i) };
  }
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  let end = text.indexOf('\n', pos);
  if (end < 0) end = text.length;
  return { start, end, text: text.slice(start, end) };
}

/** A row of a table pasted from Word or Excel: cells split by tabs, pipes or wide gaps. */
export function isTableRow(line: string): boolean {
  if (line.includes('\t') || line.includes('|')) return true;
  return (line.match(/\S {2,}(?=\S)/g)?.length ?? 0) >= 3;
}

const TABLE_ROW = Symbol('tableRow');
const perLine = (lines: LineIndex) => new Uint8Array(lines.count);

/** isTableRow() of line `i`, computed once per document. */
export function tableRowAt(lines: LineIndex, i: number): boolean {
  const known = lines.memo(TABLE_ROW, perLine);
  if (known[i] === 0) known[i] = isTableRow(lines.lineText(i)) ? 2 : 1;
  return known[i] === 2;
}

const PEOPLE_HEADER = /姓名|户主|申请人|联系人姓名|家庭成员|收款人|持卡人/;
const PEOPLE_TITLE = /名单|公示|花名册|明细表|发放表|登记表/;
const LIST_TITLE = /名单|公示|花名册|名册/;
const HEAD_CHARS = 4000;

/**
 * Where a whole-text search for words can look: the original of a LazyText (folding and the removal
 * of digit-group separators never change a Chinese word, and a text with invisible characters is
 * never a LazyText), else the text itself.
 */
function searchable(text: TextView): string {
  return text instanceof LazyText ? text.original : (text as string);
}

/**
 * The first HEAD_CHARS characters of the normalised text, for a search for Chinese words: of a
 * LazyText read from its original (the same words, with the removed separators still in), so a
 * draft's head is not normalised only to be searched.
 */
function headOf(text: TextView): string {
  if (!(text instanceof LazyText)) return text.slice(0, HEAD_CHARS);
  return text.original.slice(0, HEAD_CHARS >= text.length ? text.original.length : text.toOriginal(HEAD_CHARS));
}

/** Signals of the whole text, each computed when a rule first asks for it. */
export function docSignals(text: TextView): DocSignals {
  let peopleList: boolean | undefined;
  let listTitle: boolean | undefined;
  return {
    get peopleList() {
      if (peopleList === undefined) {
        const all = searchable(text);
        peopleList = PEOPLE_HEADER.test(all) && (PEOPLE_TITLE.test(headOf(text)) || /[\t|｜]/.test(all));
      }
      return peopleList;
    },
    get listTitle() {
      return (listTitle ??= LIST_TITLE.test(headOf(text)));
    },
  };
}

/** A match in a row of a list of people, or labelled as one person's data. */
export function inPeopleRow(text: TextView, start: number, doc: DocSignals): boolean {
  if (!doc.peopleList) return false;
  const lines = linesOf(text);
  return tableRowAt(lines, lines.lineOf(start));
}
