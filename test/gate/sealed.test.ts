import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { couldHoldDraft, sealedSize } from '../../lib/gate/sealed';
import { seededBytes } from './seeded-bytes';

const ID = '11010519491231002X';
const DRAFT = `城乡低保对象公示：申请人张三，身份证号 ${ID}，住址城关镇和平村。`.repeat(3);

/** What an encrypting admin page sends: the cipher's output as base64 (or hex), under a fixed key. */
function sealed(cipher: string, keyBytes: number, text: string, ivBytes = 16): Buffer {
  const c = createCipheriv(cipher, seededBytes(`${cipher} key`, keyBytes), ivBytes ? seededBytes(`${cipher} iv`, ivBytes) : null);
  return Buffer.concat([c.update(text, 'utf8'), c.final()]);
}
/** crypto-js `AES.encrypt(text, passphrase).toString()`: OpenSSL's "Salted__" + salt + ciphertext. */
const openSsl = (text: string) => Buffer.concat([Buffer.from('Salted__'), seededBytes('salt', 8), sealed('aes-256-cbc', 32, text)]);

describe('sealedSize: ciphertext a script made, big enough to be a draft', () => {
  const flagged: [string, string][] = [
    ['crypto-js AES with a passphrase (OpenSSL format, base64)', openSsl(DRAFT).toString('base64')],
    ['AES-128-CBC, base64', sealed('aes-128-cbc', 16, DRAFT).toString('base64')],
    ['SM4-CBC (sm-crypto, 国密), hex', sealed('sm4-cbc', 16, DRAFT).toString('hex')],
    ['SM4-ECB, base64url without padding', sealed('sm4-ecb', 16, DRAFT, 0).toString('base64url')],
    ['AES of the gzipped draft', sealed('aes-128-cbc', 16, gzipSync(DRAFT).toString('latin1')).toString('base64')],
    ['AES of a long draft (its head read before the rest)', sealed('aes-128-cbc', 16, DRAFT.repeat(20)).toString('base64')],
    ['a short notice with an ID, AES (112 bytes)', sealed('aes-128-cbc', 16, `城乡低保对象公示：申请人张三，身份证号 ${ID}，住址城关镇和平村`).toString('base64')],
  ];
  it.each(flagged)('%s', (_, value) => {
    expect(sealedSize('data', value)).toBeGreaterThanOrEqual(96);
  });

  const quiet: [string, string, string][] = [
    ['the draft itself, base64', 'content', Buffer.from(DRAFT).toString('base64')],
    ['the draft gzipped, base64 (read as text instead)', 'content', gzipSync(DRAFT).toString('base64')],
    ['a SHA-512 hash, hex', 'sign', createHash('sha512').update(DRAFT).digest('hex')],
    ['an HMAC-SHA256 signature, base64', 'signature', createHmac('sha256', 'k').update(DRAFT).digest('base64')],
    ['a 64-byte token', 'token', randomBytes(64).toString('base64')],
    ['an ASP.NET view state (server state, any size)', '__VIEWSTATE', randomBytes(4000).toString('base64')],
    ['a PNG pasted as base64', 'img', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)]).toString('base64')],
    ['a JPEG of 200 KB, base64url (told by its head)', 'upfile', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), seededBytes('jpeg', 200_000)]).toString('base64url')],
    ['a PDF whose header stands 900 bytes in (told by its first KB)', 'file', Buffer.concat([seededBytes('junk', 900), Buffer.from('%PDF-1.7\n'), seededBytes('pdf', 50_000)]).toString('base64')],
    ['a long digit string', 'ids', '1234567890'.repeat(30)],
    ['prose', 'content', DRAFT],
    ['binary with text in it (a serialised record)', 'blob', Buffer.concat(Array.from({ length: 20 }, (_, i) => Buffer.from([0x0a, 0x10 + i, ...Buffer.from(`字段${i}：值${i}`)]))).toString('base64')],
  ];
  it.each(quiet)('not %s', (_, name, value) => {
    expect(sealedSize(name, value)).toBe(0);
  });
});

describe('couldHoldDraft', () => {
  it.each([
    [300, 600, true],
    [300, 1200, false],
    [96, 100, true],
    [95, 10, false],
  ])('%i sealed bytes, a draft of %i characters: %s', (size, draft, want) => {
    expect(couldHoldDraft(size, draft)).toBe(want);
  });
});
