import { describe, expect, it } from 'vitest';
import { blobText, blobUrlVerdict, blobUseVerdict, loadingType, WORKER_REFUSED_BLOB_TYPE, type BlobPart } from '../../lib/gate/blob-text';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => ({ bytes: new TextEncoder().encode(s) });

describe('loadingType: blob types the browser parses into something that fetches', () => {
  it.each([
    ['text/css', true],
    ['text/html;charset=utf-8', true],
    ['application/xhtml+xml', true],
    ['image/svg+xml', true],
    ['application/xml', true],
    ['text/xml', true],
    ['application/rss+xml', true],
    ['image/png', false],
    ['application/pdf', false],
    ['text/plain', false],
    ['', false],
    ['text/csv', false],
  ])('%s → %s', (type, loads) => {
    expect(loadingType(type)).toBe(loads);
  });
});

describe('blobText: the text of a Blob the page builds', () => {
  it.each([
    ['strings', [{ text: 'a{' }, { text: 'b}' }], 'text/css', ['a{b}']],
    ['a Blob already read', [{ blob: ['x'] }, { text: 'y' }], 'text/html', ['xy']],
    ['UTF-8 bytes of a loading type', [bytes('身份证'), { text: '!' }], 'text/css', ['身份证!']],
    ['bytes of no type: not decoded, unknown', [bytes('abc')], '', undefined],
    ['a Blob from elsewhere: unknown', [{ blob: undefined }], 'text/css', undefined],
    ['strings of no type (a quirks-mode page takes it as CSS)', [{ text: 'x' }], '', ['x']],
    ['a <meta charset> of UTF-8: one reading', [{ text: '<meta charset="utf-8"><p>x' }], 'text/html', ['<meta charset="utf-8"><p>x']],
  ] as [string, BlobPart[], string, string[] | undefined][])('%s', (_name, parts, type, text) => {
    expect(blobText(parts, type, decode)).toEqual(text);
  });

  const ID = '11010519491231002X';
  const IMG = `<img src="/sink?c=${ID}">`;
  const u16le = (s: string, bom = true) => {
    const b = new Uint8Array((bom ? 2 : 0) + s.length * 2);
    if (bom) b.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) b.set([s.charCodeAt(i) & 255, s.charCodeAt(i) >> 8], (bom ? 2 : 0) + 2 * i);
    return { bytes: b };
  };
  const u16be = (s: string) => ({ bytes: Uint8Array.from([0xfe, 0xff, ...Array.from(s, (c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255]).flat()]) });
  it.each([
    ['UTF-16LE by its BOM', [u16le(IMG)], 'text/html'],
    ['UTF-16LE by the type alone (no BOM)', [u16le(IMG, false)], 'text/html;charset=utf-16le'],
    ['UTF-16BE by its BOM', [u16be(IMG)], 'text/css'],
    ['UTF-16LE across parts (the BOM and a space in one, the rest in the next)', [{ bytes: Uint8Array.from([0xff, 0xfe, 0x20]) }, { bytes: u16le(IMG, false).bytes.slice(1) }], 'text/html'],
    ['ISO-2022-JP by <meta charset>, an escape sequence inside the ID', [{ text: `<meta charset="iso-2022-jp"><img src="/sink?c=${ID.slice(0, 10)}\x1b(B${ID.slice(10)}">` }], 'text/html'],
    ['ISO-2022-JP by @charset, ESC $ B … ESC ( B inside the ID', [{ text: `@charset "iso-2022-jp";@import url("/sink?c=${ID.slice(0, 10)}\x1b$B\x1b(B${ID.slice(10)}");` }], 'text/css'],
  ] as [string, BlobPart[], string][])('%s: a reading holds the ID whole', (_name, parts, type) => {
    const texts = blobText(parts, type, decode)!;
    expect(texts.some((t) => t.includes(`/sink?c=${ID}`))).toBe(true);
  });
  it("a Blob part's other readings are the whole's too", () => {
    const inner = blobText([u16le(IMG)], 'text/html', decode)!;
    expect(blobText([{ text: '<p>' }, { blob: inner }], 'text/html', decode)!.some((t) => t.includes(IMG))).toBe(true);
  });
});

describe('blobUrlVerdict: asked for a blob: URL', () => {
  it('a known text is judged', () => expect(blobUrlVerdict(['body{}'], 'text/css')).toEqual({ kind: 'judge', texts: ['body{}'] }));
  it("a worker's or module's code is not judged as markup (its requests are, where it runs)", () => {
    expect(blobUrlVerdict(['fetch("/x?content=1")'], 'text/javascript')).toEqual({ kind: 'pass' });
    expect(blobUrlVerdict(undefined, 'application/json')).toEqual({ kind: 'pass' });
  });
  it('an unknown stylesheet or document is refused', () => expect(blobUrlVerdict(undefined, 'image/svg+xml')).toEqual({ kind: 'refuse' }));
  it('an unknown picture, PDF or file of no type passes (an upload preview)', () => {
    expect(blobUrlVerdict(undefined, 'image/png')).toEqual({ kind: 'pass' });
    expect(blobUrlVerdict(undefined, '')).toEqual({ kind: 'pass' });
  });
});

describe('blobUseVerdict: a blob: URL written where the browser may parse it', () => {
  const made = (judged: boolean, type: string, text?: string) => ({ judged, type, texts: text === undefined ? undefined : [text] });
  it.each([
    ['judged at createObjectURL: not asked again', made(true, 'text/css', 'x'), 'stylesheet', { kind: 'pass' }],
    ['a picture or media place: nothing in it loads', undefined, 'other', { kind: 'pass' }],
    ["a worker's URL as a stylesheet: read", undefined, 'stylesheet', { kind: 'read' }],
    ["a worker's URL as a frame's document: read", undefined, 'document', { kind: 'read' }],
    ["a worker's URL in markup: read", undefined, 'markup', { kind: 'read' }],
    ['script text as a stylesheet (CSS to a quirks-mode document)', made(false, 'text/javascript', 'a{}'), 'stylesheet', { kind: 'judge', texts: ['a{}'] }],
    ['JSON in markup', made(false, 'application/json', '{}'), 'markup', { kind: 'judge', texts: ['{}'] }],
    ['bytes of a picture type as a stylesheet: read', made(false, 'image/png'), 'stylesheet', { kind: 'read' }],
    ['bytes of no type in a frame: sniffed, read', made(false, ''), 'document', { kind: 'read' }],
    ['a picture in a frame: shown as one', made(false, 'image/png'), 'document', { kind: 'pass' }],
    ['a picture as a picture: not read', made(false, 'image/png'), 'other', { kind: 'pass' }],
  ] as const)('%s', (_name, m, use, verdict) => {
    expect(blobUseVerdict(m, use)).toEqual(verdict);
  });
  it('only a stylesheet type is refused in a worker', () => {
    const re = new RegExp(WORKER_REFUSED_BLOB_TYPE, 'i');
    expect(['text/css', 'TEXT/CSS; charset=utf-8'].every((t) => re.test(t))).toBe(true);
    expect(['text/html', 'image/png', '', 'text/css2'].some((t) => re.test(t))).toBe(false);
  });
});
