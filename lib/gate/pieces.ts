/**
 * Chunked uploads (plupload, webuploader, resumable uploads) send a file as `file.slice()` pieces, one
 * request each. A piece on its own is no document (the zip directory of a workbook is in its last
 * piece, a PDF's header in its first) and an ID may be cut in two between pieces: each piece is judged
 * as the whole file it was cut from. The MAIN-world hook of `Blob.prototype.slice` records where each
 * piece comes from; this is the arithmetic.
 */

/** Where a piece lies in the Blob it was first cut from. */
export interface Piece<B> {
  whole: B;
  start: number;
  end: number;
}

/** WebIDL's [Clamp] long long: NaN is 0, and a fraction rounds to the nearest integer, a half to the even one. */
function clampInteger(value: unknown): number {
  const x = Number(value);
  if (Number.isNaN(x)) return 0;
  if (!Number.isFinite(x)) return x;
  const floor = Math.floor(x);
  const rest = x - floor;
  if (rest !== 0.5) return rest < 0.5 ? floor : floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Blob.prototype.slice's reading of one bound (negative counts from the end, clamped to the size). */
function bound(value: unknown, size: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = clampInteger(value);
  return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
}

/** The bytes [start, end) of a Blob of `size` that `slice(start, end)` takes, as the File API reads them. */
export function sliceSpan(size: number, start?: unknown, end?: unknown): { start: number; end: number } {
  const s = bound(start, size, 0);
  const e = bound(end, size, size);
  return { start: s, end: Math.max(s, e) };
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
