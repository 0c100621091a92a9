/**
 * The readings of a document's or stylesheet's bytes that a browser may make, for a data: or blob:
 * URL whose text is judged. Read as UTF-8 only, the twelfth probe got the ID past the guard in
 * documents and stylesheets the browser decodes otherwise: UTF-16 (a `charset=utf-16le` parameter, a
 * Blob's type, or a BOM alone: `<\0i\0m\0g\0…` is no tag in UTF-8), and ISO-2022-JP (declared by the
 * type, `<meta charset>` or `@charset`), whose decoder drops an escape sequence (ESC `(` `B`) written
 * inside the ID. Which encoding the browser picks is not worked out here (fail closed): whenever the
 * bytes hold a NUL, an ESC or a BOM, or a charset other than UTF-8 is declared, every reading is
 * judged — UTF-16LE and UTF-16BE (from either byte: a decoder's lost byte cannot shift them) and the
 * text with escape sequences and other control characters taken out — and any that carries the ID
 * refuses. Each reading is a text of its own: joined, one could hide the next in a comment.
 * Pure: no DOM; through the kept built-ins (lib/realm/intrinsics.ts).
 */
import { add, codeAt, fromCharCode, matches, replaceEach } from '../realm/intrinsics';

/** A NUL, another C0 control (tab, line breaks and form feed aside), DEL, a BOM or a replaced byte. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const SUSPECT_TEXT = /[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff\ufffd]/;
/** A charset declared in the text (`<meta charset>`, `http-equiv` content, `@charset`, an XML declaration) that is not UTF-8. */
const OTHER_CHARSET = /(?:charset|encoding)\s*=\s*["']?(?!\s*utf-?8\b)[\w-]|@charset\s*["'](?!utf-?8\b)/i;
/** An ISO-2022 escape sequence (ESC, intermediate bytes, a final byte), and what is left of C0 controls and DEL. */
// eslint-disable-next-line no-control-regex -- as above
const ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]+/g;

/** Do these bytes (with `text`, their UTF-8 reading, and `type`, the declared type) need other readings? */
export function hasOtherReadings(bytes: ArrayLike<number>, text: string, type: string): boolean {
  const b0 = bytes.length > 1 ? bytes[0]! : 0;
  const b1 = bytes.length > 1 ? bytes[1]! : 0;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return true;
  return matches(SUSPECT_TEXT, text) || matches(OTHER_CHARSET, text) || matches(OTHER_CHARSET, type);
}

/**
 * Cheap first look at a text (no bytes at hand yet): could its bytes need other readings? When not,
 * `readings` would give the text alone.
 */
export const mayHaveOtherReadings = (text: string, type: string): boolean =>
  matches(SUSPECT_TEXT, text) || matches(OTHER_CHARSET, text) || matches(OTHER_CHARSET, type);

/** The bytes' UTF-16 code units from `start`, little- or big-endian (a last odd byte left out). */
export function utf16(bytes: ArrayLike<number>, start: number, bigEndian: boolean): string {
  let out = '';
  for (let i = start; i + 1 < bytes.length; i += 2) {
    out += fromCharCode(bigEndian ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]! | (bytes[i + 1]! << 8));
  }
  return out;
}

/** The text as an ISO-2022 decoder shows its ASCII: escape sequences and other control characters gone. */
export const withoutEscapes = (text: string): string => replaceEach(CONTROL, replaceEach(ESCAPE, text, () => ''), () => '');

/**
 * Every reading to judge of `bytes`: `text` (their UTF-8 reading) first, then — when the bytes or the
 * type give cause (hasOtherReadings) — UTF-16LE and UTF-16BE from the first and the second byte and
 * the text without escape sequences and control characters.
 */
export function readings(bytes: ArrayLike<number>, text: string, type: string): string[] {
  const out: string[] = [text];
  if (!hasOtherReadings(bytes, text, type)) return out;
  add(out, utf16(bytes, 0, false));
  add(out, utf16(bytes, 1, false));
  add(out, utf16(bytes, 0, true));
  add(out, utf16(bytes, 1, true));
  add(out, withoutEscapes(text));
  return out;
}

/** `text` as UTF-8 bytes, added to `into` (a lone surrogate as U+FFFD, as a Blob takes a string). */
export function utf8Bytes(text: string, into: number[]): number[] {
  for (let i = 0; i < text.length; i++) {
    let c = codeAt(text, i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? codeAt(text, i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x80) add(into, c);
    else if (c < 0x800) {
      add(into, 0xc0 | (c >> 6));
      add(into, 0x80 | (c & 63));
    } else if (c < 0x10000) {
      add(into, 0xe0 | (c >> 12));
      add(into, 0x80 | ((c >> 6) & 63));
      add(into, 0x80 | (c & 63));
    } else {
      add(into, 0xf0 | (c >> 18));
      add(into, 0x80 | ((c >> 12) & 63));
      add(into, 0x80 | ((c >> 6) & 63));
      add(into, 0x80 | (c & 63));
    }
  }
  return into;
}
