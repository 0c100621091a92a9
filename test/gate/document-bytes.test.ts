import { describe, expect, it } from 'vitest';
import { isDocumentBytes } from '../../lib/gate/files';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('isDocumentBytes: raw bodies judged as the file they are', () => {
  it.each<[string, Uint8Array, boolean]>([
    ['an .xlsx / .docx (zip local header)', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), true],
    ['an empty zip (end of central directory first)', bytes([0x50, 0x4b, 0x05, 0x06, 0, 0]), true],
    ['an .xls / .doc (compound file)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), true],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n'), true],
    ['a PDF behind junk a generator wrote first', bytes('\r\n\r\n   %%garbage %PDF-1.4\n'), true],
    ['text', bytes('title=x&content=abc'), false],
    ['JSON', bytes('{"content":"<p>x</p>"}'), false],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), false],
    ['protobuf-like bytes with NULs', bytes([0x0a, 0x03, 0x61, 0x62, 0x63, 0x10, 0, 0x18, 0]), false],
    ['"PK" as text', bytes('PK is a key'), false],
    ['%PDF- past the first KB', bytes('x'.repeat(1100), '%PDF-1.7'), false],
    ['nothing', new Uint8Array(0), false],
  ])('%s → %s', (_what, b, want) => expect(isDocumentBytes(b)).toBe(want));
});
