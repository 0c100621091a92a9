import { describe, expect, it } from 'vitest';
import { isMediaBytes } from '../../lib/gate/files';

const b = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('isMediaBytes: what passes unread is decided by the bytes', () => {
  it.each<[string, Uint8Array, boolean]>([
    ['PNG', b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), true],
    ['JPEG', b([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), true],
    ['GIF', b('GIF89a'), true],
    ['WebP', b('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), true],
    ['WAV', b('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), true],
    ['MP4', b([0, 0, 0, 0x18], 'ftypmp42'), true],
    ['WebM', b([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), true],
    ['MP3 with ID3', b('ID3', [3, 0, 0]), true],
    ['WOFF2', b('wOF2', [0, 1, 0, 0]), true],
    ['an SVG (XML text: read)', b('<svg xmlns="http://www.w3.org/2000/svg"><text>张三</text></svg>'), false],
    ['text named a.png', b('申请人 11010519491231002X'), false],
    ['a workbook named a.jpg', b([0x50, 0x4b, 0x03, 0x04]), false],
    ['a PDF', b('%PDF-1.7'), false],
    ['too short to tell', b([0x89, 0x50]), false],
    ['RIFF of another kind', b('RIFF', [0, 0, 0, 0], 'XXXX'), false],
  ])('%s → %s', (_what, head, want) => expect(isMediaBytes(head)).toBe(want));
});
