import { digitsAround } from './candidates';
import { docSignals } from './context';
import { scan, type ScanOptions } from './engine';
import { carryAbove, carryBelow } from './piece-context';
import type { Finding } from './types';

export const CHUNK_CHARS = 64 * 1024;
/**
 * The first piece is this small and each next one twice the last, up to the chunk size: the first
 * scans of a page run cold (code not yet compiled, expressions not yet native), several times slower
 * than later ones, and a full-size first piece would be the longest task of the whole scan.
 */
const FIRST_PIECE = 2048;

/** Where a piece ends: a line break at or before `to` that splits no number (a wrapped ID joins across one). */
function pieceEnd(text: string, from: number, to: number): number {
  if (to >= text.length) return text.length;
  for (let nl = text.lastIndexOf('\n', to - 1); nl > from; nl = text.lastIndexOf('\n', nl - 1)) {
    if (!digitsAround(text, nl)) return nl + 1;
  }
  return to;
}

/**
 * Scans a large text in line-aligned pieces and yields between them, so a 1 MB draft never holds the
 * page's main thread for long, and finds what one scan of the whole text finds: a piece never ends
 * inside a wrapped number, each is scanned with what its rules read above and below it (a table's
 * header, the neighbouring lines: lib/scan/piece-context.ts), and the document-level signals are
 * computed once for the whole text.
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
  for (let from = 0, size = Math.min(FIRST_PIECE, chunkChars); from < text.length; size = Math.min(chunkChars, size * 2)) {
    const to = pieceEnd(text, from, Math.min(text.length, from + size));
    const above = carryAbove(text, from);
    const shift = above.start - above.prefix.length;
    // A finding belongs to the piece its end lies in: those in the lines carried above belong to the
    // piece before, those in the lines carried below to the next.
    for (const f of scan(above.prefix + text.slice(above.start, carryBelow(text, to)), { ...options, doc })) {
      const end = f.end + shift;
      if (end > from && end <= to) findings.push({ ...f, start: f.start + shift, end });
    }
    from = to;
    if (from < text.length) await yieldToPage();
  }
  return findings;
}
