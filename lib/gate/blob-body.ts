import { binaryText, utf8Text } from './binary-text';
import { sealedBytes } from './sealed';

/** Base64 of bytes, in pieces (a spread of a megabyte of arguments would overflow the stack). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const lossy = new TextDecoder('utf-8', { fatal: false });

/**
 * What a Blob sent as a whole body (not a document) is judged as: its text, the text compressed or
 * UTF-16 bytes hold (lib/gate/binary-text.ts), or — when it is ciphertext — its base64, which the
 * verdict then weighs as a sealed value (lib/gate/sealed.ts); other bytes by their UTF-8 reading.
 * A compressed body over the limit is no body to pass: it throws, and the gate refuses (fail closed).
 */
export function blobBodyText(bytes: Uint8Array): string {
  const text = utf8Text(bytes);
  if (text !== null) return text;
  const reading = binaryText(bytes);
  if (reading && 'tooLarge' in reading) throw new Error(`压缩内容解压后超过 32 MB，无法检查（${reading.how}）`);
  if (reading) return reading.text;
  return sealedBytes(bytes) ? base64(bytes) : lossy.decode(bytes);
}
