import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../lib/attachments/container';
import { decodeText } from '../../lib/attachments/decode-text';
import { cellLocation, cellRef } from '../../lib/attachments/location-text';
import { AttachmentError } from '../../lib/attachments/types';
import iconv from 'iconv-lite';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it.each([
    ['UTF-8', bytes('身份证号'), '身份证号'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('身份证号')]), '身份证号'],
    ['GBK', new Uint8Array(iconv.encode('身份证号', 'gbk')), '身份证号'],
    ['UTF-16LE with BOM', new Uint8Array(iconv.encode('\uFEFF身份证号', 'utf16le')), '身份证号'],
  ])('%s', (_name, input, expected) => expect(decodeText(input)).toBe(expected));
});

describe('detectFormat', () => {
  it.each([
    ['pdf', bytes('%PDF-1.7\n'), 'pdf', 'pdf'],
    ['csv by extension', bytes('a,b'), 'csv', 'csv'],
    ['a .pdf named .doc is read as what it is', bytes('%PDF-1.4\n'), 'doc', 'pdf'],
  ])('%s', (_name, input, ext, format) => expect(detectFormat(input, ext)).toBe(format));

  it.each([
    ['a broken .xlsx', bytes('PK\u0003\u0004broken'), 'xlsx', 'unreadable'],
    ['a .docx that is text', bytes('hello'), 'docx', 'unreadable'],
    ['WPS private format', bytes('hello'), 'wps', 'unsupported'],
    ['an image', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'png', 'unsupported'],
  ])('%s', (_name, input, ext, status) => {
    let err: unknown;
    try {
      detectFormat(input, ext);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AttachmentError);
    expect((err as AttachmentError).status).toBe(status);
  });
});

describe('location text', () => {
  it.each([
    [0, 0, 'A1'],
    [6, 2, 'C7'],
    [0, 25, 'Z1'],
    [0, 26, 'AA1'],
    [9, 701, 'ZZ10'],
    [0, 702, 'AAA1'],
  ])('cellRef(%i, %i) = %s', (r, c, ref) => expect(cellRef(r, c)).toBe(ref));

  it('names hidden sheets, rows, columns and comments the way a person reads them', () => {
    expect(cellLocation({ sheet: '原始', cell: 'C7', sheetHidden: true }).text).toBe('隐藏工作表「原始」C7');
    expect(cellLocation({ sheet: '名单', cell: 'C7', rowHidden: true, columnHidden: true })).toMatchObject({ hidden: 'column', text: '工作表「名单」C7（隐藏行、隐藏列）' });
    expect(cellLocation({ sheet: '名单', cell: 'A2', part: 'comment' }).text).toBe('工作表「名单」A2 的批注');
    expect(cellLocation({ cell: 'B2' }).text).toBe('单元格 B2');
  });
});
