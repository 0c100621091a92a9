import { bytesOf, standardBase64 } from './base64-text';
import { binaryText, hexBytes, utf8Text } from './binary-text';
import { isFileBytes } from './files';

/**
 * Ciphertext a page's own script made (crypto-js AES, sm-crypto SM4, anything sent as base64 or hex of
 * random bytes): no reading tells what it says. Admin systems built for 等保 encrypt their request
 * bodies so; read as it stands such a publish carried an ID past the gate as "no text". The gate
 * cannot read it, so it judges it by what it could hold: a sealed value big enough to hold the draft
 * of the page is held as the draft would be (lib/gate/verdict.ts). Pure.
 *
 * Random bytes are told from other binary by their spread: encrypted or compressed bytes use nearly
 * all 256 values evenly, where a serialised structure with text in it (protobuf, ASP.NET view state)
 * does not.
 */

/**
 * Smaller values are keys, nonces, hashes, signatures and tokens (SHA-512 is 64 bytes). Raw byte
 * bodies need more: a binary format with text in it (protobuf) is harder to tell from random bytes
 * when it is short.
 */
export const MIN_SEALED_VALUE = 96;
export const MIN_SEALED_BODY = 256;

/**
 * Server state an ASP.NET WebForms page round-trips in every postback (base64 of its own binary
 * format): the server's, not a script's ciphertext.
 */
const SERVER_STATE = /^__(?:VIEWSTATE|EVENTVALIDATION|PREVIOUSPAGE)/i;

/** Shannon entropy of the bytes, in bits per byte. */
function entropy(bytes: Uint8Array): number {
  const counts = new Uint32Array(256);
  for (const b of bytes) counts[b]!++;
  let h = 0;
  for (const c of counts) {
    if (c === 0) continue;
    const p = c / bytes.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * Do the bytes look uniformly random? The entropy of n truly random bytes falls short of 8 bits by
 * about 255 / (2 n ln 2); twice that shortfall is allowed.
 */
export function looksRandom(bytes: Uint8Array): boolean {
  return bytes.length > 0 && entropy(bytes) >= 8 - 255 / (bytes.length * Math.LN2);
}

/**
 * Bytes that are sealed: at least `min` of them, random, and no text, picture, document or compressed
 * text (a picture is compressed, so random-looking: told by its head first).
 */
export function sealedBytes(bytes: Uint8Array, min = MIN_SEALED_BODY): boolean {
  if (bytes.length < min || isFileBytes(bytes) || !looksRandom(bytes)) return false;
  return utf8Text(bytes) === null && binaryText(bytes) === null;
}

const BASE64_VALUE = /^[A-Za-z0-9+/_ -]+={0,2}$/;

/** base64 characters of the first 1,026 bytes: what isDocumentBytes() reads of a file (a PDF header within 1 KB). */
const FILE_HEAD_CHARS = 1368;

/**
 * The bytes a base64 (either alphabet) or hex value spells, or null; null too for a picture or a
 * document, told by its head before the rest is decoded: a pasted picture's upload (UEditor sends
 * megabytes of base64) is no ciphertext, and decoding it whole held up its request.
 */
function valueBytes(value: string): Uint8Array | null {
  const v = value.trim();
  const hex = hexBytes(v);
  if (hex) return hex;
  if (v.length < 128 || !BASE64_VALUE.test(v)) return null;
  if (v.length > FILE_HEAD_CHARS) {
    const head = bytesOf(standardBase64(v.slice(0, FILE_HEAD_CHARS)));
    if (head && isFileBytes(head)) return null;
  }
  const body = standardBase64(v);
  return body.length % 4 === 1 ? null : bytesOf(body);
}

/** How many sealed bytes a field's value is (0 when it is not sealed). */
export function sealedSize(name: string, value: string): number {
  if (SERVER_STATE.test(name)) return 0;
  const bytes = valueBytes(value);
  return bytes && sealedBytes(bytes, MIN_SEALED_VALUE) ? bytes.length : 0;
}

/**
 * Could a sealed value of `size` bytes hold the draft (`draftLength` UTF-16 units of its text)?
 * Encrypted, the draft grows; compressed first, Chinese text shrinks to about a third.
 */
export function couldHoldDraft(size: number, draftLength: number): boolean {
  return size >= MIN_SEALED_VALUE && size >= draftLength * 0.3;
}

/** How long after a judged encryption its ciphertext may leave. */
export const ENCRYPTED_WINDOW_MS = 30_000;
/** What a cipher adds to the plaintext: a tag or padding, an IV or salt put in front, a header. */
const CIPHER_OVERHEAD = 64;

/**
 * Encryptions whose plaintext the gate judged and let through (Web Crypto's `encrypt`,
 * lib/intercept/main/hooks/encrypt.ts): the ciphertext that follows is no unknown, and one sealed
 * value of a fitting size may leave for each, once.
 */
export class JudgedEncryptions {
  private list: { size: number; until: number }[] = [];

  add(plaintextBytes: number, now: number): void {
    this.list = [...this.list.filter((e) => e.until >= now), { size: plaintextBytes, until: now + ENCRYPTED_WINDOW_MS }];
  }

  /** Could a sealed value of `size` bytes be the ciphertext of one of them? */
  fits(size: number, now: number): boolean {
    return this.indexOf(size, now) >= 0;
  }

  /** The ciphertext of one of them left: that one is spent. */
  take(size: number, now: number): void {
    const i = this.indexOf(size, now);
    if (i >= 0) this.list.splice(i, 1);
  }

  private indexOf(size: number, now: number): number {
    return this.list.findIndex((e) => e.until >= now && size >= e.size && size <= e.size + CIPHER_OVERHEAD);
  }
}
