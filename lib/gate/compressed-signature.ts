/**
 * The first bytes of the compressed formats the gate inflates (lib/gate/binary-text.ts). Apart from
 * it, so the page's guard can tell a compressed body without loading the inflater into the page.
 */

export const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b && b[2] === 8;

/**
 * RFC 1950: deflate method, a window of at most 32 KB, and a header that is a multiple of 31. Two bytes
 * at least, told by the second's index (undefined past the end), not by `length`: a typed array's
 * length getter is the page's to replace, and the page's guard asks this.
 */
export const isZlib = (b: Uint8Array) => b[1] !== undefined && (b[0]! & 0x0f) === 8 && b[0]! >> 4 <= 7 && ((b[0]! << 8) | b[1]) % 31 === 0;
