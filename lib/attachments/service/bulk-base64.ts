/**
 * Base64 for megabytes of file content on their way through JSON-only extension messaging. The
 * native Uint8Array.toBase64/fromBase64 (Chrome 140, Firefox 133) where present; otherwise btoa/atob
 * over 32 KiB slices (String.fromCharCode with one argument per byte would overflow the stack).
 */
interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
interface NativeFromBase64 {
  fromBase64?: (text: string) => Uint8Array;
}

const SLICE = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as NativeBase64).toBase64;
  if (native) return native.call(bytes);
  const parts: string[] = [];
  // Slices of a multiple of 3 bytes encode without padding in the middle, so they concatenate.
  const step = SLICE - (SLICE % 3);
  for (let i = 0; i < bytes.length; i += step) parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + step))));
  return parts.join('');
}

/** Decodes into `target` at `offset`; returns the number of bytes written. */
export function base64Into(text: string, target: Uint8Array, offset: number): number {
  const native = (Uint8Array as NativeFromBase64).fromBase64;
  const bytes = native ? native(text) : decodeSlow(text);
  if (offset + bytes.length > target.length) throw new RangeError('chunk beyond the announced size');
  target.set(bytes, offset);
  return bytes.length;
}

function decodeSlow(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
