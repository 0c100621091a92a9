import { isUtf8, transcode } from 'node:buffer';
import { decodeText } from '../attachments/decode-text';

/**
 * decodeText() for the CLI, with Node's own converters for the common case, a valid UTF-8 file:
 * TextDecoder and Buffer#toString turn 5 MB of Chinese UTF-8 into a string in ~25 ms here, while
 * simdutf's check (`isUtf8`, 0.3 ms) and ICU's transcode to UTF-16 followed by a two-byte copy take
 * ~5 ms (`npm run bench`'s CLI corpus; a fifth of what `precheck scan` spent before scanning). Anything
 * else (a BOM of UTF-16, GB18030) goes to decodeText(), which the browser shares.
 */
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeFileText(bytes: Buffer): string {
  if (bytes.length === 0 || !isUtf8(bytes)) return decodeText(bytes);
  // TextDecoder drops a UTF-8 BOM, and so must this: offsets are counted as editors count them.
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b) ? UTF8_BOM.length : 0;
  return transcode(bytes.subarray(bom), 'utf8', 'ucs2').toString('ucs2');
}
