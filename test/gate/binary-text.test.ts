import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Reading } from '../../lib/gate/base64-text';
import { binaryText, hexReading, MAX_INFLATED } from '../../lib/gate/binary-text';
import { blobBodyText } from '../../lib/gate/blob-body';
import { sealedSize } from '../../lib/gate/sealed';
import { seededBytes } from './seeded-bytes';

const ID = '11010519491231002X';
const DRAFT = `<p>城乡低保对象公示</p><p>申请人张三，身份证号 ${ID}，住址城关镇</p>`;

/** What a browser's CompressionStream writes: the same class ships in Node. */
async function compressed(format: CompressionFormat, text: string | Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes);
};

const textOf = (r: ReturnType<typeof binaryText>) => (r && 'text' in r ? r.text : null);

describe('binaryText reads what compressed or UTF-16 bytes say', () => {
  const read: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ['gzip (CompressionStream, pako.gzip)', () => compressed('gzip', DRAFT), 'gzip'],
    ['zlib (CompressionStream "deflate", pako.deflate)', () => compressed('deflate', DRAFT), 'zlib'],
    ['raw deflate (CompressionStream "deflate-raw"): no signature', () => compressed('deflate-raw', DRAFT), 'deflate'],
    ['UTF-16LE with a BOM', () => utf16(DRAFT, 'le', true), 'utf-16'],
    ['UTF-16LE without a BOM (a Uint16Array of char codes)', () => utf16(DRAFT, 'le', false), 'utf-16'],
    ['UTF-16BE with a BOM', () => utf16(DRAFT, 'be', true), 'utf-16'],
    ['UTF-16LE, gzipped', async () => compressed('gzip', utf16(DRAFT, 'le', true)), 'gzip'],
  ];
  it.each(read)('%s', async (_, make, how) => {
    const r = binaryText(await make());
    expect(r && 'text' in r && r.how).toBe(how);
    expect(textOf(r)).toBe(DRAFT);
  });

  const none: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    ['random bytes (ciphertext)', () => new Uint8Array(randomBytes(4096))],
    ['a short random token', () => new Uint8Array(randomBytes(24))],
    ['a PNG head', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(200)])],
    ['compressed bytes that are no text (a compressed picture)', () => compressed('gzip', new Uint8Array(randomBytes(2000)))],
    ['a gzip header cut short', async () => (await compressed('gzip', DRAFT)).subarray(0, 20)],
    ['nothing', () => new Uint8Array(0)],
  ];
  it.each(none)('%s: null', async (_, make) => {
    expect(textOf(binaryText(await make()))).toBeNull();
  });

  it('random bytes never read as text (200 tries)', () => {
    for (let i = 0; i < 200; i++) expect(textOf(binaryText(new Uint8Array(randomBytes(64 + i))))).toBeNull();
  });

  it('does not unpack a compression bomb: over the limit it says too large', async () => {
    const bomb = await compressed('gzip', new Uint8Array(MAX_INFLATED + 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(binaryText(bomb)).toEqual({ tooLarge: true, how: 'gzip' });
  });
});

describe('hexReading', () => {
  const hex = (b: Uint8Array | string) => Buffer.from(b).toString('hex');
  it.each([
    ['UTF-8 text as hex', () => hex(DRAFT)],
    ['upper-case hex', () => hex(DRAFT).toUpperCase()],
    ['gzip as hex', async () => hex(await compressed('gzip', DRAFT))],
  ])('reads %s', async (_, make) => {
    expect(hexReading(await make())).toEqual({ text: DRAFT });
  });
  it('reads an ID number spelt in hex (all digits)', () => {
    expect(hex(`身份证${ID}`)).toMatch(/^[0-9a-f]+$/);
    expect(hexReading(hex(ID + ID))).toEqual({ text: ID + ID });
  });
  it.each([
    ['an MD5 digest', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a SHA-256 digest', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['a 40-digit number', '1234567890123456789012345678901234567890'],
    ['odd length', 'e4b8ade69687e4b8ade69687e4b8ade69'],
    ['too short', hex('身份证号')],
    ['not hex', 'zz'.repeat(40)],
  ])('leaves %s', (_, value) => {
    expect(hexReading(value)).toBeNull();
  });
});

describe('base64Reading reads compressed text too', () => {
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  it.each([
    ['gzip then base64 (pako.gzip + btoa)', async () => b64(await compressed('gzip', DRAFT))],
    ['raw deflate then base64', async () => b64(await compressed('deflate-raw', DRAFT))],
    ['base64url of zlib', async () => b64(await compressed('deflate', DRAFT)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')],
  ])('%s', async (_, make) => {
    expect(base64Reading(await make())).toEqual({ text: DRAFT });
  });
  it('leaves ciphertext (random bytes) as sent', () => {
    for (let i = 0; i < 50; i++) expect(base64Reading(b64(new Uint8Array(randomBytes(100 + i * 7))))).toBeNull();
  });
});

describe('blobBodyText: a Blob sent as the whole body', () => {
  it('reads text, compressed text, and leaves ciphertext as base64 for the sealed check', async () => {
    expect(blobBodyText(new TextEncoder().encode(DRAFT))).toBe(DRAFT);
    expect(blobBodyText(await compressed('gzip', DRAFT))).toBe(DRAFT);
    const sealed = new Uint8Array(seededBytes('blob body', 600));
    expect(blobBodyText(sealed)).toBe(Buffer.from(sealed).toString('base64'));
    expect(sealedSize('(blob)', blobBodyText(sealed))).toBe(600);
  });
  it('refuses (throws) a compression bomb rather than unpack it', async () => {
    const bomb = await compressed('gzip', new Uint8Array(MAX_INFLATED + 1024));
    expect(() => blobBodyText(bomb)).toThrow(/32 MB/);
  });
});
