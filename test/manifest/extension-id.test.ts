import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { EXTENSION_ID, EXTENSION_KEY } from '../../wxt.config';

// Chromium's rule: the ID is the first 128 bits of SHA-256 over the public key, written with a–p.
it('derives the documented extension ID from the manifest key', () => {
  const digest = createHash('sha256').update(Buffer.from(EXTENSION_KEY, 'base64')).digest('hex');
  const id = [...digest.slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  expect(id).toBe(EXTENSION_ID);
});
