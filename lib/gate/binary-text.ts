import { Gunzip, Inflate, Unzlib, type FlateStreamHandler } from 'fflate';
import { isGzip, isZlib } from './compressed-signature';

/**
 * The text bytes carry when they are not UTF-8 text as they stand: compressed (gzip, zlib, raw
 * deflate: what `CompressionStream`, pako and fflate write) or UTF-16. Page code that sends the draft
 * so — `new Response(blob.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer()`, then
 * fetch — got it past a gate that read the bytes as UTF-8 (a probe saw the ID arrive). Pure.
 */

export type BinaryReading = { text: string; how: BinaryHow } | { tooLarge: true; how: BinaryHow };
export type BinaryHow = 'gzip' | 'zlib' | 'deflate' | 'utf-16';

/** Inflated output beyond this is not read: a compression bomb is refused as unreadable, not unpacked. */
export const MAX_INFLATED = 32 * 1024 * 1024;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** C0 controls other than tab, newline and carriage return, and DEL: bytes, not text. */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/** UTF-8 text without control characters, or null. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    const text = fatalUtf8.decode(bytes);
    return hasControl(text) ? null : text;
  } catch {
    return null;
  }
}


type Stream = { push(chunk: Uint8Array, final?: boolean): void; ondata: FlateStreamHandler };

class TooLarge extends Error {}

/** Inflates with `make`'s stream, stopping at MAX_INFLATED; null when the bytes are not that format. */
function inflate(bytes: Uint8Array, make: () => Stream): Uint8Array | 'too-large' | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = make();
  stream.ondata = (data) => {
    size += data.length;
    if (size > MAX_INFLATED) throw new TooLarge();
    chunks.push(data);
  };
  try {
    stream.push(bytes, true);
  } catch (err) {
    return err instanceof TooLarge ? 'too-large' : null;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * UTF-16 text (`new Uint16Array` of the char codes, or `TextEncoder`'s absence worked around): a BOM,
 * or the zero bytes ASCII characters leave in every text with digits, spaces or markup in it.
 */
function utf16Text(bytes: Uint8Array): string | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let le = bytes[0] === 0xff && bytes[1] === 0xfe;
  let be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < bytes.length; i += 2) {
      if (bytes[i] === 0) evenZeros++;
      if (bytes[i + 1] === 0) oddZeros++;
    }
    const units = bytes.length / 2;
    le = oddZeros * 4 >= units && evenZeros < oddZeros;
    be = evenZeros * 4 >= units && oddZeros < evenZeros;
  }
  if (!le && !be) return null;
  try {
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    return hasControl(text) ? null : text;
  } catch {
    return null;
  }
}

/** The text inflated bytes hold: UTF-8, or UTF-16. */
function inflatedText(out: Uint8Array): string | null {
  return utf8Text(out) ?? utf16Text(out);
}

/**
 * What bytes that are not UTF-8 text say: null when they are no text in any of these forms (a picture,
 * ciphertext, random bytes). A reading that would inflate past MAX_INFLATED says so instead.
 */
export function binaryText(bytes: Uint8Array): BinaryReading | null {
  const formats: [BinaryHow, () => Stream][] = [];
  if (isGzip(bytes)) formats.push(['gzip', () => new Gunzip()]);
  if (isZlib(bytes)) formats.push(['zlib', () => new Unzlib()]);
  const utf16 = utf16Text(bytes);
  if (utf16 !== null) return { text: utf16, how: 'utf-16' };
  // Raw deflate has no signature: any other bytes are tried (random bytes fail within a few).
  formats.push(['deflate', () => new Inflate()]);
  for (const [how, make] of formats) {
    const out = inflate(bytes, make);
    if (out === 'too-large') return { tooLarge: true, how };
    // Compressed text inflates to more than it was; random bytes that happen to open a deflate block
    // end in a few characters, the rest of the input unread.
    if (out === null || out.length * 2 < bytes.length) continue;
    const text = inflatedText(out);
    if (text !== null && text.trim() !== '') return { text, how };
  }
  return null;
}

/** Hex of at least 16 bytes (`Buffer.toString('hex')`, a hand-rolled encoder): its bytes, or null. */
export function hexBytes(value: string): Uint8Array | null {
  const v = value.trim();
  if (v.length < 32 || v.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(v)) return null;
  const out = new Uint8Array(v.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(v.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** The text a hex value spells (UTF-8, or compressed or UTF-16 bytes), or that it is compressed past the inflate limit; null for none. */
export function hexReading(value: string): { text: string } | { unreadable: string } | null {
  const bytes = hexBytes(value);
  if (!bytes) return null;
  const direct = utf8Text(bytes);
  if (direct !== null) return direct.trim() === '' ? null : { text: direct };
  const reading = binaryText(bytes);
  if (!reading) return null;
  return 'tooLarge' in reading ? { unreadable: `${reading.how} > 32 MB` } : { text: reading.text };
}
