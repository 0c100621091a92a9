import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../lib/policy/base64';
import { DEFAULT_PIN_ITERATIONS, hashPin, PinFormatError, pinFormatProblem, verifyPin } from '../../lib/policy/pin';

// Fewer iterations than the policy allows: these tests are about the mechanism, not its cost.
const FAST = { iterations: 1000 };

describe('hashPin', () => {
  it('makes a PBKDF2-SHA256 record with a 16-byte salt and a 32-byte hash', async () => {
    const record = await hashPin('246810', FAST);
    expect(record.algorithm).toBe('PBKDF2-SHA256');
    expect(record.iterations).toBe(1000);
    expect(fromBase64(record.salt)?.length).toBe(16);
    expect(fromBase64(record.hash)?.length).toBe(32);
    expect(JSON.stringify(record)).not.toContain('246810');
  });

  it('uses 210000 iterations by default', async () => {
    const record = await hashPin('246810');
    expect(record.iterations).toBe(DEFAULT_PIN_ITERATIONS);
    expect(DEFAULT_PIN_ITERATIONS).toBe(210_000);
    expect(await verifyPin('246810', record)).toBe(true);
  });

  it('salts every record afresh', async () => {
    const [a, b] = await Promise.all([hashPin('246810', FAST), hashPin('246810', FAST)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('matches a known PBKDF2-HMAC-SHA256 vector', async () => {
    // Cross-checked against an independent implementation: Node's crypto.pbkdf2Sync.
    const { pbkdf2Sync } = await import('node:crypto');
    const salt = new Uint8Array(16).map((_, i) => i);
    const record = await hashPin('1234', { iterations: 2, salt });
    expect(record.hash).toBe(pbkdf2Sync('1234', salt, 2, 32, 'sha256').toString('base64'));
    expect(record.salt).toBe(toBase64(salt));
  });

  it.each(['123', '1234567890123', '12a4', '', ' 1234', '１２３４'])('refuses the PIN %j with a zh/en reason', async (pin) => {
    expect(pinFormatProblem(pin)?.zh).toBe('PIN 必须是 4–12 位数字');
    const error: unknown = await hashPin(pin, FAST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PinFormatError);
    expect((error as PinFormatError).problem.en).toBe('the PIN must be 4–12 digits');
  });

  it.each(['1234', '246810', '123456789012'])('accepts the PIN %j', (pin) => {
    expect(pinFormatProblem(pin)).toBeNull();
  });
});

describe('verifyPin', () => {
  it('accepts the right PIN and refuses a wrong one', async () => {
    const record = await hashPin('246810', FAST);
    expect(await verifyPin('246810', record)).toBe(true);
    expect(await verifyPin('246811', record)).toBe(false);
    expect(await verifyPin('2468100', record)).toBe(false);
    expect(await verifyPin('', record)).toBe(false);
  });

  it('refuses when the salt, hash or iteration count were tampered with', async () => {
    const record = await hashPin('246810', FAST);
    const salt = fromBase64(record.salt)!;
    salt[0]! ^= 1;
    expect(await verifyPin('246810', { ...record, salt: toBase64(salt) })).toBe(false);
    const hash = fromBase64(record.hash)!;
    hash[31]! ^= 0x80;
    expect(await verifyPin('246810', { ...record, hash: toBase64(hash) })).toBe(false);
    expect(await verifyPin('246810', { ...record, iterations: 1001 })).toBe(false);
  });

  it('refuses malformed records instead of throwing', async () => {
    const record = await hashPin('246810', FAST);
    expect(await verifyPin('246810', { ...record, salt: '%%%' })).toBe(false);
    expect(await verifyPin('246810', { ...record, hash: record.hash.slice(0, 20) })).toBe(false);
    expect(await verifyPin('246810', { ...record, iterations: 0 })).toBe(false);
    expect(await verifyPin('246810', { ...record, iterations: 1e9 })).toBe(false);
    expect(await verifyPin('246810', { ...record, algorithm: 'MD5' as 'PBKDF2-SHA256' })).toBe(false);
  });
});
