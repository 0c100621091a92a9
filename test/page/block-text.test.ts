/**
 * The one HTML-to-text reader: a line per block and table row, a tab per cell, a place for every cell.
 * Run on jsdom (the CLI, attachments) and happy-dom (the extension's unit tests) alike.
 */
import { Window } from 'happy-dom';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { locationAt, readBlocks } from '../../lib/page/block-text';
import { scan } from '../../lib/scan/engine';
import { rules } from '../../rules';

const parsers = {
  jsdom: (html: string) => new JSDOM(html).window.document,
  'happy-dom': (html: string) => new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document,
};

describe.each(Object.entries(parsers))('readBlocks on %s', (_name, parse) => {
  const read = (html: string) => readBlocks(parse(html).body);
  const text = (html: string) => read(html).text;

  it('breaks lines between blocks and at <br>, so digits of two paragraphs never join', () => {
    expect(text('<p>编号1234</p><p>5678号</p>')).toBe('编号1234\n5678号');
    expect(text('<div>a<br>b</div><ul><li>c</li><li>d</li></ul><h2>e</h2>')).toBe('a\nb\nc\nd\ne');
    expect(text('<p>  一段\n   文字  </p><pre>a  b\nc</pre><script>x()</script><style>p{}</style>')).toBe('一段 文字\na  b\nc');
  });

  it('separates cells with tabs and rows with lines, even cells written as <p> or a lone <span>', () => {
    const html =
      '<table><tr><th>姓名</th><th>身份证号</th><th>手机</th></tr>' +
      '<tr><td><p>张三</p></td><td><span>11010519491231002X</span></td><td>\n  <p class="MsoNormal"><span>13912345678</span></p>\n</td></tr></table>';
    expect(text(html)).toBe('姓名\t身份证号\t手机\n张三\t11010519491231002X\t13912345678');
  });

  it('keeps columns aligned when a cell is empty, first cells included', () => {
    expect(text('<table><tr><td></td><td>a</td><td>&nbsp;</td><td>b</td></tr></table>')).toBe('\ta\t\tb');
  });

  it('keeps a <br> inside a cell as a line break within the row (a wrapped number stays two pieces)', () => {
    expect(text('<table><tr><td>张三</td><td>640205198011<br>07117X</td><td>男</td></tr></table>')).toBe('张三\t640205198011\n07117X\t男');
  });

  it('skips what readers do not see', () => {
    expect(text('<p>看得见</p><p hidden>看不见</p><p style="display: none">也看不见</p><p aria-hidden="true">还是看不见</p>')).toBe('看得见');
  });

  it('names each cell by table, row and column header', () => {
    const { text: t, segments } = read(
      '<p>公示如下：</p><table><thead><tr><th>序号</th><th>姓名</th><th>身份证号</th></tr></thead>' +
        '<tbody><tr><td>1</td><td>张三</td><td>640221********1234</td></tr><tr><td>2</td><td>李四</td><td>11010519491231002X</td></tr></tbody></table>',
    );
    const at = t.indexOf('11010519491231002X');
    expect(locationAt(segments, at)).toEqual({ table: 1, row: 3, column: 3, columnHeader: '身份证号', text: '表格第 3 行「身份证号」' });
    expect(locationAt(segments, t.indexOf('公示'))).toBeUndefined();
  });

  it('takes a first row without long numbers as the header, and numbers the tables when there are several', () => {
    const { text: t, segments } = read(
      '<table><tr><td>项目</td><td>金额</td></tr><tr><td>补助</td><td>300</td></tr></table>' +
        '<table><tr><td>张三</td><td>11010519491231002X</td></tr></table>',
    );
    expect(locationAt(segments, t.indexOf('300'))?.text).toBe('第 1 个表格第 2 行「金额」');
    expect(locationAt(segments, t.indexOf('11010519491231002X'))?.text).toBe('第 2 个表格第 1 行第 2 列');
  });

  it('counts merged columns and finds the innermost cell of nested tables', () => {
    const { text: t, segments } = read(
      '<table><tr><th colspan="2">申请人</th><th>身份证号</th></tr><tr><td>1</td><td>张三</td><td>' +
        '<table><tr><td>旧</td><td>11010519491231002X</td></tr></table></td></tr></table>',
    );
    expect(locationAt(segments, t.indexOf('张三'))).toMatchObject({ table: 1, row: 2, column: 2, columnHeader: '申请人' });
    expect(locationAt(segments, t.indexOf('11010519491231002X'))).toMatchObject({ table: 2, row: 1, column: 2 });
  });

  it('gives the issue’s table row two findings where the glued text gave none', () => {
    const t = text('<table><tr><td>张三</td><td>11010519491231002X</td><td>13912345678</td></tr></table>');
    expect(scan(t, { rules }).map((f) => f.kind)).toEqual(['cn-id', 'phone']);
  });
});
