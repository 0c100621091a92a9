/**
 * Proving a PIN without sending it. The page derives the reviewer's PBKDF2 key from the typed PIN
 * and MACs the background's one-time nonce with it; the background holds that same key as the PIN
 * record's hash, so it can check the MAC without ever seeing the PIN. A proof answers one nonce only,
 * so a proof seen once (in a log, a message dump) is worth nothing afterwards.
 */
import { fromBase64, toBase64 } from '../policy/base64';
import { derivePinKey, equalConstantTime, PinFormatError, pinFormatProblem } from '../policy/pin';
import type { PinRecord } from '../policy/schema';

const NONCE_BYTES = 32;
const MAC_BYTES = 32;

export function newNonce(): string {
  return toBase64(globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES)));
}

async function hmac(key: Uint8Array<ArrayBuffer>, message: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const cryptoKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, message));
}

export interface ProofChallenge {
  salt: string;
  iterations: number;
  nonce: string;
}

/**
 * The page's answer to a challenge. Throws PinFormatError for a PIN that cannot be anyone's, so a
 * typo in the format does not cost one of the reviewer's limited tries; throws on a malformed challenge.
 */
export async function pinProof(pin: string, challenge: ProofChallenge): Promise<string> {
  const problem = pinFormatProblem(pin);
  if (problem) throw new PinFormatError(problem);
  const salt = fromBase64(challenge.salt);
  const nonce = fromBase64(challenge.nonce);
  if (!salt || !nonce || nonce.length === 0) throw new Error('malformed PIN challenge');
  const key = await derivePinKey(pin, salt, challenge.iterations);
  return toBase64(await hmac(key, nonce));
}

/** True when `proof` was made from the record's PIN for this nonce. Anything malformed is false. */
export async function verifyPinProof(record: PinRecord, nonce: string, proof: string): Promise<boolean> {
  if (record.algorithm !== 'PBKDF2-SHA256' || typeof nonce !== 'string' || typeof proof !== 'string') return false;
  const key = fromBase64(record.hash);
  const nonceBytes = fromBase64(nonce);
  const given = fromBase64(proof);
  if (!key || key.length !== MAC_BYTES || !nonceBytes || nonceBytes.length === 0 || !given) return false;
  return equalConstantTime(await hmac(key, nonceBytes), given);
}
