/**
 * The first bytes of the compressed formats the gate inflates (lib/gate/binary-text.ts). Apart from
 * it, so the page's guard can tell a compressed body without loading the inflater into the page.
 */

export const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b && b[2] === 8;

/** RFC 1950: deflate method, a window of at most 32 KB, and a header that is a multiple of 31. */
export const isZlib = (b: Uint8Array) => b.length >= 2 && (b[0]! & 0x0f) === 8 && b[0]! >> 4 <= 7 && ((b[0]! << 8) | b[1]!) % 31 === 0;
