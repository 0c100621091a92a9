import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../lib/page/extract-html';
import { declaresEncoding } from '../../lib/page/html-bytes';

const TABLE = '<table><tr><th>姓名</th><th>身份证号</th></tr><tr><td>张三</td><td>11010519491231002X</td></tr></table>';
const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('the encoding of an HTML file', () => {
  it.each([
    ['<meta charset="utf-8">', true],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', true],
    ['<META CHARSET=GBK>', true],
    ['<title>公示</title>', false],
    ['', false],
  ])('%s declares one: %s', (head, declared) => {
    expect(declaresEncoding(utf8(`<html><head>${head}</head><body>${TABLE}</body></html>`))).toBe(declared);
  });

  it('a UTF-8 BOM declares UTF-8', () => {
    expect(declaresEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(TABLE)]))).toBe(true);
  });

  it.each([
    ['UTF-8 without a declaration', utf8(`<html><body>${TABLE}</body></html>`)],
    ['GBK without a declaration', iconv.encode(`<html><body>${TABLE}</body></html>`, 'gbk')],
    ['GBK declared as gb2312', iconv.encode(`<html><head><meta charset="gb2312"></head><body>${TABLE}</body></html>`, 'gbk')],
    ['UTF-8 declared', utf8(`<html><head><meta charset="utf-8"></head><body>${TABLE}</body></html>`)],
  ])('%s: the column headers are read as written', (_name, bytes) => {
    const page = extractHtml(bytes);
    expect(page.text).toBe('姓名\t身份证号\n张三\t11010519491231002X');
  });
});
