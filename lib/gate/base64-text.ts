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
/** C0 controls other than tab, newline and carriage return, and DEL: bytes, not text. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Either alphabet, and spaces: a quick no for markup and prose before anything is copied. */
const SHAPE = /^[A-Za-z0-9+/_ -]+={0,2}$/;

/** The value in the standard alphabet without padding, when it can be base64; else null. */
function base64Body(value: string): string | null {
  if (value.length < MIN_LENGTH || !SHAPE.test(value)) return null;
  // A '+' that went through form encoding unescaped arrives as a space.
  let v = value.replace(/ /g, '+');
  if (!BASE64.test(v)) {
    if (!BASE64URL.test(v)) return null;
    v = v.replace(/-/g, '+').replace(/_/g, '/');
  }
  const body = v.replace(/=+$/, '');
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

/** Do the value's first bytes read as text? Spares decoding a megabyte of picture to learn it is none. */
function headIsText(body: string): boolean {
  if (body.length <= HEAD) return true;
  const head = bytesOf(body.slice(0, HEAD));
  if (!head) return false;
  try {
    // stream: a character cut at the end of the head is no error.
    return !hasControl(new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true }));
  } catch {
    return false;
  }
}

export function base64Text(value: string): string | null {
  const body = base64Body(value.trim());
  if (body === null || !headIsText(body)) return null;
  const bytes = bytesOf(body);
  if (!bytes) return null;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  // `encodeURIComponent` before `btoa` (btoa takes Latin-1 only): the decoded text is percent-encoded.
  text = percentText(text) ?? text;
  return text.trim() === '' || hasControl(text) ? null : text;
}
