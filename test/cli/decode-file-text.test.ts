import { describe, expect, it } from 'vitest';
import { decodeText } from '../../lib/attachments/decode-text';
import { decodeFileText } from '../../lib/cli/decode-file-text';

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.from(utf16le(s).swap16());
// 张三 身份证 in GB18030 (GBK): not valid UTF-8, so the fallback decoder reads it.
const GBK = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x20, 0xc9, 0xed, 0xb7, 0xdd, 0xd6, 0xa4]);

// Each row: the file's bytes and the text a scan must see (the shared decoder's reading).
const rows: [name: string, bytes: Buffer, text: string][] = [
  ['empty', Buffer.alloc(0), ''],
  ['ASCII', Buffer.from('ID 11010519491231002X\n'), 'ID 11010519491231002X\n'],
  ['UTF-8 Chinese, full-width digits', Buffer.from('身份证号：１１０１０５'), '身份证号：１１０１０５'],
  ['UTF-8 BOM dropped', Buffer.from('\ufeff公示名单', 'utf8'), '公示名单'],
  ['a BOM only', Buffer.from([0xef, 0xbb, 0xbf]), ''],
  ['a second BOM inside kept', Buffer.from('\ufeffa\ufeffb', 'utf8'), 'a\ufeffb'],
  ['astral characters (surrogate pairs)', Buffer.from('😀𠀀表', 'utf8'), '😀𠀀表'],
  ['UTF-16LE with BOM', utf16le('申请人 13912345678'), '申请人 13912345678'],
  ['UTF-16BE with BOM', utf16be('申请人 13912345678'), '申请人 13912345678'],
  ['GB18030', GBK, '张三 身份证'],
  ['truncated UTF-8 falls back as before', Buffer.from([0x61, 0xe4, 0xb8]), decodeText(Buffer.from([0x61, 0xe4, 0xb8]))],
];

describe('decodeFileText: the CLI decodes a file as the shared decoder does', () => {
  it.each(rows)('%s', (_name, bytes, text) => {
    expect(decodeFileText(bytes)).toBe(text);
    expect(decodeFileText(bytes)).toBe(decodeText(bytes));
  });

  it('a large mixed file, unit for unit', () => {
    const s = '　　各乡镇人民政府：640205198011071171，联系人 139 1234 5678 😀\n'.repeat(20_000);
    const bytes = Buffer.from(s, 'utf8');
    expect(decodeFileText(bytes)).toBe(s);
  });
});
