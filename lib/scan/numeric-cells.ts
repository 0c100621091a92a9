/**
 * Whether a tab or pipe row has a cell holding only a number: what splitting the row and testing
 * each trimmed cell against /^[\d*.,\sXx-]{3,}$/ says (lib/scan/columns.ts), read in place. Every
 * row of a table is asked once, and a split row is an array and a string per cell.
 */

/** JavaScript's \s, which is also what trim() removes: WhiteSpace and LineTerminator. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** [\d*.,Xx-] */
function isNumberMark(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 42 || c === 46 || c === 44 || c === 88 || c === 120 || c === 45;
}

/** Is line[from, to), trimmed, three or more characters of number marks and blanks? */
function numericCell(line: string, from: number, to: number): boolean {
  while (from < to && isSpace(line.charCodeAt(from))) from++;
  while (to > from && isSpace(line.charCodeAt(to - 1))) to--;
  if (to - from < 3) return false;
  for (let p = from; p < to; p++) {
    const c = line.charCodeAt(p);
    if (!isNumberMark(c) && !isSpace(c)) return false;
  }
  return true;
}

/** Does a cell of `line`, split at `separator` (one character), hold only a number? */
export function hasNumericCell(line: string, separator: string): boolean {
  const sep = separator.charCodeAt(0);
  let from = 0;
  for (let p = 0; p <= line.length; p++) {
    if (p < line.length && line.charCodeAt(p) !== sep) continue;
    if (numericCell(line, from, p)) return true;
    from = p + 1;
  }
  return false;
}
