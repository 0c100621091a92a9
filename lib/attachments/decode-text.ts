const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/**
 * Text files are UTF-8 (with or without a BOM), or GB18030 — a superset of GBK — when they are not
 * valid UTF-8, as files saved by Excel/WPS on Chinese Windows and older county CMSs are. Excel's
 * "Unicode text" is UTF-16 with a BOM. The BOM is dropped, as editors drop it, so offsets match.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be.decode(bytes.subarray(2));
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return utf8.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
}
