import { describe, expect, it } from 'vitest';
import { decodeOutgoing } from '../../lib/gate/decode';
import { embeddedBytes, embeddedDocument } from '../../lib/gate/embedded-files';
import type { Outgoing } from '../../lib/gate/types';

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
/** A zip's local header and some bytes: what an .xlsx starts with. */
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(2000).fill(0x41)]);
const PDF = Buffer.from(`%PDF-1.7\n${'x'.repeat(2000)}`);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(2000).fill(0)]);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('embeddedDocument: a document carried as base64', () => {
  it.each<[string, string, string | null]>([
    ['a data: URL of a workbook (FileReader.readAsDataURL)', `data:${XLSX_TYPE};base64,${b64(ZIP)}`, XLSX_TYPE],
    ['a data: URL with a name parameter', `data:application/pdf;name=a.pdf;base64,${b64(PDF)}`, 'application/pdf'],
    ['bare base64 of a PDF', b64(PDF), ''],
    ['URL-safe base64 of a workbook', b64(ZIP).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), ''],
    ['base64 broken into 76-character lines (MIME)', b64(ZIP).replace(/(.{76})/g, '$1\r\n'), ''],
    ['a picture (a pasted image)', `data:image/png;base64,${b64(PNG)}`, null],
    ['base64 of text', b64('申请人张三'.repeat(200)), null],
    ['a token', b64('x'.repeat(60)), null],
    ['HTML', `<p>${'x'.repeat(1000)}</p>`, null],
  ])('%s', (_what, value, type) => {
    expect(embeddedDocument(value)?.type ?? null).toBe(type);
  });

  it('decodes the whole document it found', () => {
    const doc = embeddedDocument(`data:${XLSX_TYPE};base64,${b64(ZIP)}`)!;
    expect(embeddedBytes(doc)).toEqual(ZIP);
    expect(doc.size).toBe(ZIP.length);
  });
});

describe('decodeOutgoing: an embedded document is a file part', () => {
  const upload = (embedded?: Map<string, string>): Outgoing => ({
    route: 'fetch',
    method: 'POST',
    url: 'http://cms.test/api/upload',
    body: { kind: 'text', text: JSON.stringify({ name: '名单.xlsx', file: `data:${XLSX_TYPE};base64,${b64(ZIP)}` }), contentType: 'application/json' },
    ...(embedded && { embedded }),
  });

  it('without a content key (not read yet): a file part the gate holds as pending', () => {
    expect(decodeOutgoing(upload()).files).toEqual([{ name: 'file', filename: '', type: XLSX_TYPE, size: ZIP.length, key: undefined }]);
  });

  it('with the key the isolated world gave its base64', () => {
    expect(decodeOutgoing(upload(new Map([[b64(ZIP), 'k1']]))).files.map((f) => f.key)).toEqual(['k1']);
  });

  it('a form field of base64 too', () => {
    const o: Outgoing = { route: 'xhr', method: 'POST', url: 'http://cms.test/upload.do', body: { kind: 'text', text: `name=a&data=${encodeURIComponent(b64(PDF))}`, contentType: 'application/x-www-form-urlencoded' } };
    expect(decodeOutgoing(o).files.map((f) => f.name)).toEqual(['data']);
  });
});
