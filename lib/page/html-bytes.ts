/**
 * The characters of an HTML file. A page that names its encoding (a BOM, or <meta charset> /
 * http-equiv in its head) is left to the HTML parser's own sniffing. A page that names none — a table
 * saved from Excel or WPS, a fragment cut from a CMS — would be read as windows-1252 by the parser, as
 * the HTML standard says, turning every Chinese column header into mojibake; it is decoded as the
 * CLI decodes text files instead: UTF-8 when valid, else GB18030.
 */
import { decodeText } from '../attachments/decode-text';

/** The standard's prescan looks at the first 1024 bytes for a declaration. */
const PRESCAN_BYTES = 1024;
const DECLARATION = /<meta[^>]+charset\s*=/i;

export function declaresEncoding(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return true;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  return DECLARATION.test(head);
}

/** Bytes for the parser to sniff when they say their encoding; decoded text when they do not. */
export function htmlSource(bytes: Uint8Array): Uint8Array | string {
  return declaresEncoding(bytes) ? bytes : decodeText(bytes);
}
