import { RichText } from './rich-text';
import { saxPart } from './sax';
import type { GridCell, Row } from './sheet-segments';
import { columnOf, rowOf } from './xlsx-sheet';

export interface CellComment {
  ref: string;
  text: string;
}

const lineBreaks = (s: string) => s.replace(/\r\n?/g, '\n');

/** A legacy comments part (xl/commentsN.xml, Excel's 批注 / notes): each comment's cell and rich text. */
export function readComments(bytes: Uint8Array): CellComment[] {
  const out: CellComment[] = [];
  const rich = new RichText();
  let ref: string | undefined;
  let inText = false;
  saxPart(bytes, {
    open(name, attrs) {
      if (inText) rich.open(name);
      else if (name === 'comment') ref = attrs.ref;
      else if (name === 'text' && ref !== undefined) inText = true;
    },
    text(s) {
      if (inText) rich.text(s);
    },
    close(name) {
      if (name === 'text' && inText) inText = false;
      else if (inText) rich.close(name);
      else if (name === 'comment' && ref !== undefined) {
        out.push({ ref, text: lineBreaks(rich.take()) });
        ref = undefined;
      }
    },
  });
  return out;
}

/** A threaded comments part (Excel 365's 批注 with replies): each comment and reply with its cell. */
export function readThreadedComments(bytes: Uint8Array): CellComment[] {
  const out: CellComment[] = [];
  let ref: string | undefined;
  let text: string | null = null;
  let inText = false;
  saxPart(bytes, {
    open(name, attrs) {
      if (name === 'threadedComment') {
        ref = attrs.ref;
        text = null;
      } else if (name === 'text' && ref !== undefined) {
        inText = true;
        text = '';
      }
    },
    text(s) {
      if (inText) text += s;
    },
    close(name) {
      if (name === 'text') inText = false;
      else if (name === 'threadedComment') {
        if (ref !== undefined && text !== null) out.push({ ref, text: lineBreaks(text) });
        ref = undefined;
      }
    },
  });
  return out;
}

/**
 * Puts comments on cells of their own, by row and column, as SheetJS does: threaded comments
 * replace the legacy copy Excel writes of them for older readers. The sheet's reader merges them
 * into its cells.
 */
export function insertComments(rows: (Row | undefined)[], comments: readonly CellComment[], threaded: boolean): void {
  for (const comment of comments) {
    const r = rowOf(comment.ref);
    const c = columnOf(comment.ref);
    if (r < 0 || c < 0) continue;
    const row = (rows[r] ??= []);
    const cell: GridCell = (row[c] ??= { t: 'z' });
    const list = (cell.c ??= []);
    if (!threaded && list.some((x) => x.T)) continue;
    if (threaded) for (let i = list.length - 1; i >= 0; i--) if (!list[i]!.T) list.splice(i, 1);
    list.push({ t: comment.text, T: threaded });
  }
}
