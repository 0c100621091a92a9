import { createHash } from 'node:crypto';

/**
 * Bytes that look random and are the same every run (SHA-256 in counter mode): a test that needs
 * ciphertext-like bytes must not fail the one run in ten thousand whose random bytes happen to open
 * like an MP3 frame.
 */
export function seededBytes(seed: string, n: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; i * 32 < n; i++) blocks.push(createHash('sha256').update(`${seed}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, n);
}
