import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../lib/policy/base64';
import { hashPin, PinFormatError } from '../../lib/policy/pin';
import type { PinRecord } from '../../lib/policy/schema';
import { newNonce, pinProof, verifyPinProof } from '../../lib/signoff/pin-proof';

// Fewer iterations than the policy allows: these tests are about the mechanism, not its cost.
const FAST = { iterations: 1000 };

async function setup(): Promise<{ record: PinRecord; nonce: string; proof: string }> {
  const record = await hashPin('246810', FAST);
  const nonce = newNonce();
  const proof = await pinProof('246810', { salt: record.salt, iterations: record.iterations, nonce });
  return { record, nonce, proof };
}

describe('newNonce', () => {
  it('is 32 random bytes in base64', () => {
    const a = newNonce();
    expect(fromBase64(a)?.length).toBe(32);
    expect(newNonce()).not.toBe(a);
  });
});

describe('pinProof / verifyPinProof', () => {
  it('proves the right PIN without containing it', async () => {
    const { record, nonce, proof } = await setup();
    expect(await verifyPinProof(record, nonce, proof)).toBe(true);
    expect(proof).not.toContain('246810');
    expect(fromBase64(proof)?.length).toBe(32);
  });

  it('refuses a wrong PIN', async () => {
    const { record, nonce } = await setup();
    const wrong = await pinProof('246811', { salt: record.salt, iterations: record.iterations, nonce });
    expect(await verifyPinProof(record, nonce, wrong)).toBe(false);
  });

  it('refuses a proof replayed against another nonce', async () => {
    const { record, proof } = await setup();
    expect(await verifyPinProof(record, newNonce(), proof)).toBe(false);
  });

  it('refuses a proof made with the wrong salt or iteration count', async () => {
    const { record, nonce } = await setup();
    const other = await hashPin('246810', FAST);
    expect(await verifyPinProof(record, nonce, await pinProof('246810', { salt: other.salt, iterations: 1000, nonce }))).toBe(false);
    expect(await verifyPinProof(record, nonce, await pinProof('246810', { salt: record.salt, iterations: 1001, nonce }))).toBe(false);
  });

  it('is HMAC-SHA256 keyed with the PBKDF2 bytes', async () => {
    const { createHmac } = await import('node:crypto');
    const { record, nonce, proof } = await setup();
    const expected = createHmac('sha256', Buffer.from(record.hash, 'base64')).update(Buffer.from(nonce, 'base64')).digest('base64');
    expect(proof).toBe(expected);
  });

  it.each<[string, (r: PinRecord) => PinRecord]>([
    ['another algorithm', (r) => ({ ...r, algorithm: 'MD5' as 'PBKDF2-SHA256' })],
    ['a hash that is not base64', (r) => ({ ...r, hash: '%%%' })],
    ['a short hash', (r) => ({ ...r, hash: r.hash.slice(0, 20) })],
    ['a missing hash', (r) => ({ ...r, hash: undefined as unknown as string })],
  ])('refuses a record with %s', async (_, spoil) => {
    const { record, nonce, proof } = await setup();
    expect(await verifyPinProof(spoil(record), nonce, proof)).toBe(false);
  });

  it.each([
    ['an empty proof', ''],
    ['a proof that is not base64', 'not base64!'],
    ['a truncated proof', 'AAAA'],
  ])('refuses %s', async (_, proof) => {
    const { record, nonce } = await setup();
    expect(await verifyPinProof(record, nonce, proof)).toBe(false);
  });

  it('refuses an empty or malformed nonce', async () => {
    const { record, proof } = await setup();
    expect(await verifyPinProof(record, '', proof)).toBe(false);
    expect(await verifyPinProof(record, '***', proof)).toBe(false);
  });

  it('refuses to make a proof for a PIN that cannot be anyone’s (no try is spent on a typo)', async () => {
    const { record, nonce } = await setup();
    await expect(pinProof('12a4', { salt: record.salt, iterations: 1000, nonce })).rejects.toBeInstanceOf(PinFormatError);
  });
});
