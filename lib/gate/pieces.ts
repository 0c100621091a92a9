/**
 * Chunked uploads (plupload, webuploader, resumable uploads) send a file as `file.slice()` pieces, one
 * request each. A piece on its own is no document (the zip directory of a workbook is in its last
 * piece, a PDF's header in its first) and an ID may be cut in two between pieces: each piece is judged
 * as the whole file it was cut from. The MAIN-world hook of `Blob.prototype.slice` records where each
 * piece comes from; this is the arithmetic, in plain comparisons and the kept Number and Math.floor
 * (lib/realm/intrinsics.ts): page code could replace the global ones before it cuts a file.
 */
import { floor, toNumber } from '../realm/intrinsics';

/** Where a piece lies in the Blob it was first cut from. */
export interface Piece<B> {
  whole: B;
  start: number;
  end: number;
}

/** WebIDL's [Clamp] long long: NaN is 0, and a fraction rounds to the nearest integer, a half to the even one. */
function clampInteger(value: unknown): number {
  const x = toNumber(value);
  if (x !== x) return 0;
  if (x === Infinity || x === -Infinity) return x;
  const down = floor(x);
  const rest = x - down;
  if (rest !== 0.5) return rest < 0.5 ? down : down + 1;
  return down % 2 === 0 ? down : down + 1;
}

/** Blob.prototype.slice's reading of one bound (negative counts from the end, clamped to the size). */
function bound(value: unknown, size: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = clampInteger(value);
  if (n < 0) return size + n > 0 ? size + n : 0;
  return n < size ? n : size;
}

/** The bytes [start, end) of a Blob of `size` that `slice(start, end)` takes, as the File API reads them. */
export function sliceSpan(size: number, start?: unknown, end?: unknown): { start: number; end: number } {
  const s = bound(start, size, 0);
  const e = bound(end, size, size);
  return { start: s, end: e > s ? e : s };
}

/**
 * The piece `slice(start, end)` of `blob` makes: of `blob` itself, or of the Blob `blob` was cut from
 * (a piece of a piece is a piece of the whole). `pieceOf` answers for Blobs cut before.
 */
export function pieceFrom<B>(blob: B, size: number, start: unknown, end: unknown, pieceOf: (b: B) => Piece<B> | undefined): Piece<B> {
  const span = sliceSpan(size, start, end);
  const parent = pieceOf(blob);
  if (!parent) return { whole: blob, ...span };
  return { whole: parent.whole, start: parent.start + span.start, end: parent.start + span.end };
}
