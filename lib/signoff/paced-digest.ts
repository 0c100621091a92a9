/**
 * draftDigest of a large draft in pieces, with a pause between them: normalising and hashing a 1 MB
 * body at once took 50–90 ms of one task on a loaded machine (the first run of the invisible-character
 * regex over the whole body, NFKC, UTF-8, SHA-256). The value is byte for byte draftDigest's: a
 * sign-off taken of it must match the gate's digest of what is sent (test/signoff/paced-digest.test.ts).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { digestFrame, finishNormalising, jsonStringBody, startNormalising } from './digest';
import type { DigestInput } from './types';

/** Characters normalised and hashed between pauses. */
export const PIECE_CHARS = 32 * 1024;

/**
 * A place to cut the partly normalised text at or after `at`, so that normalising and writing out each
 * piece gives what doing it to the whole gives: before a printable ASCII character or a CJK ideograph.
 * Both are starters that nothing composes onto under NFKC and that are never removed (a removed space
 * could join two halves of a surrogate pair across the cut), and neither is half of a pair. A text
 * without one after `at` is not cut again.
 */
export function cutAt(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) return i;
  }
  return text.length;
}

export async function pacedDraftDigest(input: DigestInput, pause: () => Promise<void>, piece = PIECE_CHARS): Promise<string> {
  const hash = sha256.create();
  const put = (s: string) => hash.update(utf8ToBytes(s));
  const { head, tail } = digestFrame(input);
  put(head);
  const body = startNormalising(input.body);
  for (let from = 0; from < body.length; ) {
    await pause();
    const to = cutAt(body, from + piece);
    put(jsonStringBody(finishNormalising(body.slice(from, to))));
    from = to;
  }
  put(tail);
  return bytesToHex(hash.digest());
}
