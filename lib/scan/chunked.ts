import { digitsAround } from './candidates';
import { HEADER_LOOKBACK_LINES } from './columns';
import { docSignals } from './context';
import { scan, type ScanOptions } from './engine';
import type { Finding } from './types';

export const CHUNK_CHARS = 64 * 1024;

/**
 * Lines before a piece that are scanned with it: what the rules read above a value — its column's
 * header (up to HEADER_LOOKBACK_LINES above, and the row over that for two-row headers), a trigger
 * word's line — stands there, and is found only if those lines are in the text scanned.
 */
const CONTEXT_LINES = HEADER_LOOKBACK_LINES + 2;
/** ...but never more than this many characters of them: long prose lines hold no table header. */
const CONTEXT_CHARS = 64 * 1024;

/** Where a piece ends: a line break at or before `to` that splits no number (a wrapped ID joins across one). */
function pieceEnd(text: string, from: number, to: number): number {
  if (to >= text.length) return text.length;
  for (let nl = text.lastIndexOf('\n', to - 1); nl > from; nl = text.lastIndexOf('\n', nl - 1)) {
    if (!digitsAround(text, nl)) return nl + 1;
  }
  return to;
}

/** Where the lines a piece starting at `from` is scanned with begin. */
function contextStart(text: string, from: number): number {
  const floor = Math.max(0, from - CONTEXT_CHARS);
  let at = from;
  for (let i = 0; i < CONTEXT_LINES && at > floor; i++) at = text.lastIndexOf('\n', at - 2) + 1;
  return Math.max(at, floor);
}

/**
 * Scans a large text in line-aligned pieces and yields between them, so a 1 MB draft never holds the
 * page's main thread for long, and finds what one scan of the whole text finds: a piece never ends
 * inside a wrapped number, each is scanned with the lines above it (a table's header, a list's
 * 申请人 line), and the document-level signals are computed once for the whole text. A finding that
 * lies wholly in those lines belongs to the piece before.
 */
export async function scanChunked(
  text: string,
  options: ScanOptions,
  yieldToPage: () => Promise<void>,
  chunkChars = CHUNK_CHARS,
): Promise<Finding[]> {
  if (text.length <= chunkChars) return scan(text, options);
  const doc = options.doc ?? docSignals(text);
  const findings: Finding[] = [];
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from, Math.min(text.length, from + chunkChars));
    const start = contextStart(text, from);
    for (const f of scan(text.slice(start, to), { ...options, doc })) {
      if (f.end + start > from) findings.push({ ...f, start: f.start + start, end: f.end + start });
    }
    from = to;
    if (from < text.length) await yieldToPage();
  }
  return findings;
}
