import { HEADER_LOOKBACK_LINES, headerWalkPasses } from './columns';
import { normalize } from './normalize';

/**
 * What a piece of a large text is scanned with, so that its rules read what they would read in one
 * scan of the whole text (lib/scan/chunked.ts). Above the piece, a rule reads:
 * - the line or two before it (a trigger word's line, 20 characters before a number, the previous
 *   non-blank line of a classification level);
 * - its column's header, which can stand up to HEADER_LOOKBACK_LINES lines above, with the row over
 *   it (two-row headers). The walk up to it passes over blank lines and data rows only, so those
 *   lines can be handed over as blank lines: the header keeps its distance, and a 1,500-row list
 *   costs its two header rows per piece instead of 500 rows.
 * Below it, a rule reads a few characters after a number and the next non-blank line.
 */
export interface Above {
  /** The header rows and blank lines standing in for the rows between them and `start`. */
  prefix: string;
  /** Where the text scanned as it is begins (≤ the piece's start). */
  start: number;
}

/** Past this many characters a line is prose or the text has no lines: the plain carry is used. */
export const CONTEXT_CHARS = 64 * 1024;
const NEIGHBOUR_LINES = 2;
const BELOW_CHARS = 4096;

const lineStart = (text: string, pos: number) => (pos <= 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1);
const isBlank = (text: string, start: number, end: number) => text.slice(start, end).trim() === '';

/** The plain carry: whole lines above `from`, as many as a header can be away, within CONTEXT_CHARS. */
function plainAbove(text: string, from: number): Above {
  const floor = Math.max(0, from - CONTEXT_CHARS);
  let at = from;
  for (let i = 0; i < HEADER_LOOKBACK_LINES + 2 && at > floor; i++) at = lineStart(text, at - 1);
  return { prefix: '', start: Math.max(at, floor) };
}

export function carryAbove(text: string, from: number): Above {
  if (from === 0) return { prefix: '', start: 0 };
  const first = lineStart(text, from);
  // Walk up line by line: `near` ends once NEIGHBOUR_LINES non-blank lines are passed, `header` at
  // the first line the column-header walk would stop at (or HEADER_LOOKBACK_LINES up).
  let near = -1;
  let header = -1;
  let nonBlank = 0;
  let at = first;
  for (let up = 1; at > 0 && up <= HEADER_LOOKBACK_LINES && (near < 0 || header < 0); up++) {
    const end = at - 1;
    at = lineStart(text, end);
    if (from - at > CONTEXT_CHARS) return plainAbove(text, from);
    if (near < 0 && !isBlank(text, at, end) && ++nonBlank === NEIGHBOUR_LINES) near = at;
    if (header < 0 && !headerWalkPasses(normalize(text.slice(at, end)).text)) header = at;
  }
  if (near < 0) near = at;
  if (header < 0) return { prefix: '', start: near };
  // The header's own row and the row over it (a two-row header), then one blank line for each line
  // between it and `near`: every one of those is a line the walk passes over.
  const top = lineStart(text, header - 1);
  const headerEnd = text.indexOf('\n', header) + 1;
  if (headerEnd >= near) return { prefix: '', start: Math.min(top, near) };
  return { prefix: text.slice(top, headerEnd) + '\n'.repeat(countLines(text, headerEnd, near)), start: near };
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let p = text.indexOf('\n', from); p >= 0 && p < to; p = text.indexOf('\n', p + 1)) n++;
  return n;
}

/** Where the text scanned with a piece ending at `to` ends: two non-blank lines on, within BELOW_CHARS. */
export function carryBelow(text: string, to: number): number {
  const limit = Math.min(text.length, to + BELOW_CHARS);
  let at = to;
  for (let nonBlank = 0; at < limit && nonBlank < NEIGHBOUR_LINES; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    if (!isBlank(text, at, nl)) nonBlank++;
    at = nl + 1;
  }
  return Math.min(at, limit);
}
