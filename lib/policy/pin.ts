/**
 * Reviewer PINs. Only a salted PBKDF2-SHA256 hash is stored, so a policy file or a copy of the
 * extension's storage does not reveal anyone's PIN. WebCrypto (globalThis.crypto.subtle) is the same
 * in Node 20 and in browsers.
 */
import type { Localized } from '../scan/types';
import { fromBase64, toBase64 } from './base64';
import { MAX_PIN_ITERATIONS } from './limits';
import type { PinRecord } from './schema';

/**
 * OWASP (2023) suggests 600000 for PBKDF2-HMAC-SHA256; 210000 is a compromise for old office PCs
 * (about 50 ms in Node 20 on a current CPU). A PIN has few digits, so the real protection is that the
 * record stays inside managed policy and browser storage; the hash only keeps the PIN out of sight.
 */
export const DEFAULT_PIN_ITERATIONS = 210_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

const PIN = /^\d{4,12}$/;

export function pinFormatProblem(pin: string): Localized | null {
  return PIN.test(pin) ? null : { zh: 'PIN 必须是 4–12 位数字', en: 'the PIN must be 4–12 digits' };
}

export class PinFormatError extends Error {
  constructor(readonly problem: Localized) {
    super(problem.en);
    this.name = 'PinFormatError';
  }
}

/** The PBKDF2 bytes a record's hash is; the sign-off's PIN proof (lib/signoff/pin-proof.ts) keys an HMAC with them. */
export async function derivePinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export interface HashPinOptions {
  /** Lower values are for tests only: the policy schema refuses records under 100000. */
  iterations?: number;
  /** For reproducible fixtures; normally a fresh random salt. */
  salt?: Uint8Array<ArrayBuffer>;
}

/** A new PIN record. Throws PinFormatError (with zh/en text) when the PIN is not 4–12 digits. */
export async function hashPin(pin: string, options: HashPinOptions = {}): Promise<PinRecord> {
  const problem = pinFormatProblem(pin);
  if (problem) throw new PinFormatError(problem);
  return hashSecret(pin, options);
}

/** A salted PBKDF2 record of any secret (a PIN, the administrator password), in the PIN record's shape. */
export async function hashSecret(secret: string, options: HashPinOptions = {}): Promise<PinRecord> {
  const iterations = options.iterations ?? DEFAULT_PIN_ITERATIONS;
  const salt = options.salt ?? globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derivePinKey(secret, salt, iterations);
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** Compares every byte whatever the first difference, so timing does not tell how close a guess was. */
export function equalConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** True when `pin` is the PIN the record was made from. A malformed record never verifies. */
export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  return pinFormatProblem(pin) === null && verifySecret(pin, record);
}

/** True when `secret` is what the record was made from. A malformed record never verifies. */
export async function verifySecret(secret: string, record: PinRecord): Promise<boolean> {
  if (record.algorithm !== 'PBKDF2-SHA256') return false;
  const { iterations } = record;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_PIN_ITERATIONS) return false;
  const salt = fromBase64(record.salt);
  const expected = fromBase64(record.hash);
  if (!salt || !expected || salt.length === 0) return false;
  return equalConstantTime(await derivePinKey(secret, salt, iterations), expected);
}
