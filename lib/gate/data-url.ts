/**
 * The content of a data: URL, for where the browser parses it into something that loads: a frame's,
 * object's or embed's document, a stylesheet (`<link href>`, `@import url(data:…)`). Its address
 * never leaves the machine, but what its document or stylesheet fetches does — an eleventh probe sent
 * the ID out of `<iframe src="data:text/html,<img src=…>">`, a data: stylesheet's @import and an
 * SVG embed's image, each past every hook of the page. So its text is judged as a blob: URL's is.
 * Pure: no DOM; through the kept built-ins (lib/realm/intrinsics.ts).
 */
import { add, codeAt, decodeUri, execOnce, fromCharCode, matches, replaceEach, sliceText } from '../realm/intrinsics';
import { readings, utf8Bytes } from './text-readings';

const DATA_URL = /^data:([^,]*),/i;
const BASE64 = /;\s*base64\s*$/i;
/** Pictures, sound, video and fonts: parsed into nothing that loads more (an editor's pasted image is one). */
const MEDIA_TYPE = /^\s*(?:image\/(?!svg)|audio\/|video\/|font\/)/i;
const PERCENT = /%([0-9a-f]{2})/gi;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export const isDataUrl = (url: string): boolean => execOnce(DATA_URL, url) !== null;

/**
 * The text a data: URL's document or stylesheet is parsed from (UTF-8, percent escapes and base64
 * written out), or undefined when it is not a data: URL or is a picture, sound, video or font.
 */
export function dataUrlText(url: string): string | undefined {
  const m = execOnce(DATA_URL, url);
  if (!m) return undefined;
  const meta = m[1]!;
  if (matches(MEDIA_TYPE, meta)) return undefined;
  const payload = sliceText(url, m[0].length);
  return utf8(matches(BASE64, meta) ? percentOf(base64Bytes(payload)) : payload);
}

/**
 * Every reading of a data: URL's document or stylesheet to judge (lib/gate/text-readings.ts): its
 * UTF-8 text first, then, where its bytes or its charset give cause, UTF-16 and the text an ISO-2022
 * decoder shows. Undefined as for dataUrlText.
 */
export function dataUrlReadings(url: string): string[] | undefined {
  const text = dataUrlText(url);
  if (text === undefined) return undefined;
  const m = execOnce(DATA_URL, url)!;
  const meta = m[1]!;
  const payload = sliceText(url, m[0].length);
  return readings(matches(BASE64, meta) ? base64Bytes(payload) : percentBytes(payload), text, utf8(meta));
}

/** The bytes of a percent-encoded text: each escape a byte, any other character its UTF-8. */
function percentBytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = codeAt(text, i);
    if (c === 0x25 && i + 2 < text.length && isHex(codeAt(text, i + 1)) && isHex(codeAt(text, i + 2))) {
      add(bytes, hexByte(sliceText(text, i + 1, i + 3)));
      i += 2;
    } else if (c < 0x80) add(bytes, c);
    else {
      // a surrogate pair is two code units: its UTF-8 at once
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
      utf8Bytes(sliceText(text, i, i + pair), bytes);
      i += pair - 1;
    }
  }
  return bytes;
}

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);

/** Percent escapes as UTF-8; escapes that are no UTF-8 are read one byte to a character. */
function utf8(percentEncoded: string): string {
  try {
    return decodeUri(percentEncoded);
  } catch {
    return replaceEach(PERCENT, percentEncoded, (e) => fromCharCode(hexByte(e[1]!)));
  }
}

const hexByte = (hex: string) => hexDigit(codeAt(hex, 0)) * 16 + hexDigit(codeAt(hex, 1));
const hexDigit = (c: number) => (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57);
const HEX_DIGITS = '0123456789abcdef';

/** Bytes written as %XX, for utf8(). */
function percentOf(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += '%' + HEX_DIGITS[bytes[i]! >> 4] + HEX_DIGITS[bytes[i]! & 15];
  return out;
}

/** Base64 as the browser's forgiving decoder reads a data: URL (blanks and percent escapes aside). */
function base64Bytes(payload: string): number[] {
  const text = utf8(payload);
  const bytes: number[] = [];
  let bits = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const v = b64Value(codeAt(text, i));
    if (v < 0) continue;
    bits = (bits << 6) | v;
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes[bytes.length] = (bits >> count) & 0xff;
    }
  }
  return bytes;
}

const B64_VALUE = new Int16Array(128);
for (let c = 0; c < 128; c++) B64_VALUE[c] = -1;
for (let k = 0; k < 64; k++) B64_VALUE[codeAt(B64, k)] = k;

const b64Value = (c: number): number => (c < 128 ? B64_VALUE[c]! : -1);
