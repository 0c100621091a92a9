import { binaryText, hasControl, utf8Text } from './binary-text';
import { isFileBytes } from './files';
import { percentText } from './percent-text';

/**
 * The text a base64 value carries, when it carries text. CMS admin pages behind a web application
 * firewall often send the article as base64 (`btoa(encodeURIComponent(html))`, js-base64's
 * `Base64.encode`) so that the firewall does not take its markup for an attack; the gate must read
 * what such a field says, or an ID number leaves the page unseen.
 *
 * Tokens, hashes and IDs are base64-shaped too: they decode to bytes that are no UTF-8 text, or to
 * control characters, and are left as they are. The value itself is always judged as well.
 */

/** Shorter values hold no draft worth decoding (an ID number is 24 base64 characters). */
const MIN_LENGTH = 16;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
/** Either alphabet, and spaces: a quick no for markup and prose before anything is copied. */
const SHAPE = /^[A-Za-z0-9+/_ -]+={0,2}$/;

/**
 * base64 of either alphabet in the standard one, padding left off. A '+' that went through form
 * encoding unescaped arrives as a space.
 */
export function standardBase64(value: string): string {
  return value.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}

/** The value in the standard alphabet without padding, when it can be base64 (one alphabet); else null. */
function base64Body(value: string): string | null {
  if (value.length < MIN_LENGTH || !SHAPE.test(value)) return null;
  const v = value.replace(/ /g, '+');
  if (!BASE64.test(v) && !BASE64URL.test(v)) return null;
  const body = standardBase64(v);
  return body.length % 4 === 1 ? null : body;
}

/** The bytes of base64 in the standard alphabet, padding left off; null when it is none. */
export function bytesOf(body: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(body + '='.repeat((4 - (body.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Base64 characters looked at first: a picture (a pasted image's base64 upload) fails on its first bytes. */
const HEAD = 64;

/**
 * Can a value of this head (its first HEAD characters, in the standard alphabet) hold text, by its
 * first bytes? Text, or bytes that may be compressed text; not a picture or a document (read as files
 * elsewhere): spares even the shape tests of a megabyte of picture to learn it is none.
 */
function headMayBeText(body: string): boolean {
  const head = bytesOf(body);
  if (!head) return false;
  try {
    // stream: a character cut at the end of the head is no error.
    if (!hasControl(new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true }))) return true;
  } catch {
    // Not UTF-8: maybe compressed.
  }
  return !isFileBytes(head);
}

/** What a value's reading says: its text, or that it is compressed past the inflate limit. */
export type ValueReading = { text: string } | { unreadable: string };

/** The text a base64 value spells (UTF-8, compressed or UTF-16 bytes), or null when it spells none. */
export function base64Reading(value: string): ValueReading | null {
  const t = value.trim();
  if (t.length > HEAD) {
    // A head that is no base64 makes the value none; its alphabet is the value's (no '-' or '_' in it, no matter).
    const head = base64Body(t.slice(0, HEAD));
    if (head === null || !headMayBeText(head)) return null;
  }
  const body = base64Body(t);
  if (body === null) return null;
  const bytes = bytesOf(body);
  if (!bytes) return null;
  let text = utf8Text(bytes);
  if (text === null) {
    // Compressed or UTF-16 text (pako.gzip or CompressionStream, then base64).
    const reading = binaryText(bytes);
    if (reading && 'tooLarge' in reading) return { unreadable: `${reading.how} > 32 MB` };
    text = reading ? reading.text : null;
  }
  if (text === null) return null;
  // `encodeURIComponent` before `btoa` (btoa takes Latin-1 only): the decoded text is percent-encoded.
  text = percentText(text) ?? text;
  return text.trim() === '' || hasControl(text) ? null : { text };
}
