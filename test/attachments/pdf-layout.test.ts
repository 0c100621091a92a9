import { describe, expect, it } from 'vitest';
import { pageLines, type TextItem } from '../../lib/attachments/readers/pdf-layout';

/** Items as pdf.js gives them: y grows upwards, so a lower line has a smaller y. */
const at = (str: string, x: number, line: number, width = str.length * 5.5): TextItem => ({ str, x, y: 800 - line * 13, width, height: 10 });

describe('PDF page lines', () => {
  it('splits cells on wide gaps and drops the whitespace items pdf.js puts across them', () => {
    expect(pageLines([at('姓名', 80, 0), at(' ', 100, 0, 100), at('身份证号', 200, 0)])).toEqual(['姓名\t身份证号']);
  });

  it.each([
    ['an ID wrapped in its cell is joined', ['6402211958', '03120212'], ['640221195803120212']],
    // A wrapped line starts again at the paragraph's (or cell's) left edge.
    ['a labelled ID wrapped after the label is joined', ['身份证号：6402211958', '03120212'], ['身份证号：640221195803120212']],
    ['a column of complete IDs is never glued together', ['640221195803120212', '640221196307050440'], ['640221195803120212', '640221196307050440']],
    ['a column of amounts stays apart', ['12345', '67890'], ['12345', '67890']],
    ['phones in a column stay apart', ['13912345678', '13812345678'], ['13912345678', '13812345678']],
  ])('%s', (_name, lines, expected) => {
    expect(pageLines(lines.map((l, i) => at(l, 200, i)))).toEqual(expected);
  });

  it('does not join pieces in different columns or far apart', () => {
    expect(pageLines([at('6402211958', 200, 0), at('03120212', 300, 1)])).toEqual(['6402211958', '03120212']);
    expect(pageLines([at('6402211958', 200, 0), at('03120212', 200, 4)])).toEqual(['6402211958', '03120212']);
  });
});
