import { lastAtOrBefore } from '../scan/bisect';

/** Offsets where each line starts; \r\n, \n and a lone \r all end a line, as editors count them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Most drafts have no \r: indexOf finds the \n natively instead of a loop over every character.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** 1-based line and column of a UTF-16 offset; the column counts UTF-16 units, as JS editors do. */
export function lineCol(starts: readonly number[], offset: number): { line: number; col: number } {
  const lo = lastAtOrBefore(starts, offset);
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}
