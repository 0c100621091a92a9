/**
 * The .xlsx reader (fflate + saxes) against SheetJS reading the same bytes: for every readable .xlsx
 * of the generated corpus and for workbooks written here to reach each part of the format, the cells,
 * comments and properties — text, separator, number and the whole location — are the same, in the
 * same order. SheetJS reads no headers, footers or text boxes: those are checked against what the
 * writer was given.
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../lib/attachments/readers/sheet';
import { readXlsx } from '../../lib/attachments/readers/xlsx';
import { scanAttachment } from '../../lib/attachments/scan-attachment';
import type { ExtractedSegment } from '../../lib/attachments/types';
import type { FindingLocation } from '../../lib/scan/types';
import { rules } from '../../rules/index';
import { CASES } from './corpus';
import { IDS } from './labelled';
import { xlsx, type SheetSpec, type WorkbookProps, type XlsxOptions } from './writers';

const [A, B, C, D] = IDS as [string, string, string, string];

interface Seen {
  text: string;
  separator?: string;
  number?: number;
  location: FindingLocation;
}

function seen(segments: ExtractedSegment[]): Seen[] {
  return segments.map((s) => ({
    text: s.text,
    separator: s.separator,
    number: s.number,
    location: typeof s.location === 'function' ? s.location() : s.location,
  }));
}

/**
 * SheetJS leaves a threaded comment's text as undecoded UTF-8 bytes (线程 comes out as çº¿ç¨); ours
 * decodes it. SheetJS's text is compared once decoded.
 */
function utf8Decoded(s: Seen): Seen {
  const codes = [...s.text].map((ch) => ch.charCodeAt(0));
  const undecoded = s.location.part === 'comment' && codes.some((c) => c >= 0x80) && codes.every((c) => c <= 0xff);
  return undecoded ? { ...s, text: Buffer.from(s.text, 'latin1').toString('utf8') } : s;
}

const isSheetPart = (s: Seen) => s.location.part === 'header' || s.location.part === 'footer' || s.location.part === 'textbox';

/** A workbook of every kind of cell a 名单 has, over three sheets, one very hidden and one hidden. */
const SHEETS: SheetSpec[] = [
  {
    name: '名单',
    rows: [
      ['序号', '姓名', '身份证号', '电话', '金额', '比例', '日期', '在册', '核对', '备注'],
      [1, { richText: [{ text: '王' }, { font: { bold: true }, text: '秀兰' }] }, A, 13912345678, 1234.5, 0.125, new Date(Date.UTC(2024, 2, 1, 12)), true, { formula: 'B2&C2', result: `王秀兰${A}` }, '第一行\r\n第二行'],
      [2, '李建国', Number(B), 13812345678, 98765.4321, 1, new Date(Date.UTC(1990, 0, 15)), false, { error: '#N/A' }, null],
      [],
      [3, '张永福', C, null, 2024000012345678, 0.5, null, null, null, '低保 & 临时救助 <一类>'],
    ],
    formats: { 5: '#,##0.00', 6: '0.00%', 7: 'yyyy"年"m"月"d"日"' },
    hiddenRows: [5],
    hiddenColumns: [3],
    // On a cell with a value, on an empty row between rows with cells, below the last row.
    notes: { C3: `身份证号 ${D}`, B4: '空行上的批注', L7: '空白单元格上的批注' },
    header: '内部资料',
    footer: '民政局',
  },
  { name: '原始', state: 'veryHidden', rows: [['身份证号'], [A]], header: '机密' },
  { name: '备用', state: 'hidden', rows: [['a', 'b']] },
];

const PROPS: WorkbookProps = {
  title: '2024年低保名单',
  subject: '低保',
  creator: '民政局',
  lastModifiedBy: '王科长',
  manager: '李局长',
  company: '平罗县民政局',
  category: '名单',
  keywords: '低保 名单',
  description: `联系人身份证号 ${D}`,
};

/** The header and footer texts the writer was given, where a reader finds them. */
const SHEET_PARTS: [string, string][] = [
  ['内部资料', '工作表「名单」页眉'],
  ['民政局\n第页', '工作表「名单」页脚'],
  ['机密', '隐藏工作表「原始」页眉'],
];

/** The package with one part rewritten: what no writer library makes (phonetic runs, damage). */
function rewrite(bytes: Uint8Array, path: string, edit: (xml: string) => string | null): Uint8Array {
  const files = unzipSync(bytes);
  const xml = edit(strFromU8(files[path]!));
  if (xml === null) delete files[path];
  else files[path] = strToU8(xml);
  return zipSync(files);
}

/** Phonetic guides (rPh) as Japanese and Chinese Excel keep them: not shown, not read. */
async function phonetic(): Promise<Uint8Array> {
  const bytes = await xlsx([{ name: '名单', rows: [['姓名', '备注'], ['王秀兰', { richText: [{ text: '李' }, { text: '建国' }] }]] }]);
  return rewrite(bytes, 'xl/sharedStrings.xml', (xml) =>
    xml
      .replace('<t>王秀兰</t>', '<t>王秀兰</t><rPh sb="0" eb="3"><t>wang xiu lan</t></rPh><phoneticPr fontId="1"/>')
      .replace(/(<r>(?:(?!<\/r>).)*建国<\/t><\/r>)/, '$1<rPh sb="0" eb="1"><t>li</t></rPh>'),
  );
}

/** SheetJS as the writer: text as t="str", a threaded comment over its legacy copy, app properties. */
function sheetjsWritten(bookType: 'xlsx' | 'xlsb'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['姓名', '身份证号', '在册'],
    ['王秀兰', A, true],
    ['李建国', Number(B), false],
  ]);
  (ws.A2 as XLSX.CellObject).c = [{ a: '审核', t: `线程批注 ${C}`, T: true }];
  (ws.B3 as XLSX.CellObject).c = [{ a: '审核', t: '旧式批注' }];
  const hidden = XLSX.utils.aoa_to_sheet([['身份证号'], [D]]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '名单');
  XLSX.utils.book_append_sheet(wb, hidden, '原始');
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
  wb.Props = { Title: '名单', Author: '民政局', Company: '平罗县民政局', Manager: '李局长', Category: '名单' };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

interface Book {
  name: string;
  bytes: () => Promise<Uint8Array>;
  /** Header/footer/text box segments expected, as [text, location text]. */
  parts?: [string, string][];
}

const written = (options: XlsxOptions): Book['bytes'] => () => xlsx(SHEETS, PROPS, options);

const BOOKS: Book[] = [
  ...CASES.filter((c) => c.name.endsWith('.xlsx') && !c.status).map((c) => ({ name: c.name, bytes: c.bytes })),
  { name: 'ExcelJS, shared strings', bytes: written({}), parts: SHEET_PARTS },
  { name: 'ExcelJS streaming, text in the cells (t="str", inline rich text)', bytes: written({ useSharedStrings: false }), parts: SHEET_PARTS },
  {
    // ExcelJS writes an empty row element under each note: without them, the notes on B4 and L7
    // stand on rows the sheet does not have.
    name: 'comments on cells the sheet does not write',
    bytes: async () => rewrite(await written({})(), 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<row r="[47]"(?:[^>]*\/>|[^>]*>(?:(?!<\/row>)[^])*<\/row>)/g, '')),
    parts: SHEET_PARTS,
  },
  { name: 'phonetic runs', bytes: phonetic, parts: [] },
  { name: 'SheetJS-written, threaded comments', bytes: () => Promise.resolve(sheetjsWritten('xlsx')), parts: [] },
];

const read = new Map<string, { ours: Seen[]; sheetjs: Seen[]; xml: string }>();

beforeAll(async () => {
  for (const book of BOOKS) {
    const bytes = await book.bytes();
    const xml = Object.values(unzipSync(bytes)).map((part) => strFromU8(part)).join('\n');
    read.set(book.name, { ours: seen(await readXlsx(bytes)), sheetjs: seen(readWorkbook(bytes)).map(utf8Decoded), xml });
  }
}, 120_000);

describe('xlsx reader: the same segments as SheetJS', () => {
  it.each(BOOKS.map((b) => [b.name, b] as [string, Book]))('%s', (name, book) => {
    const { ours, sheetjs } = read.get(name)!;
    expect(sheetjs.length).toBeGreaterThan(0);
    expect(ours.filter((s) => !isSheetPart(s))).toEqual(sheetjs);
    if (book.parts) expect(ours.filter(isSheetPart).map((s) => [s.text, s.location.text])).toEqual(book.parts);
  });

  it('the comparison reaches hidden rows, hidden columns, hidden sheets, comments, numbers and properties', () => {
    // What SheetJS itself reports in the feature workbook: if either reader lost one of these, the
    // comparison above would fail on it.
    const texts = read.get('ExcelJS, shared strings')!.sheetjs.map((s) => s.location.text);
    for (const where of ['（隐藏行）', '（隐藏列）', '隐藏工作表「原始」', '隐藏工作表「备用」', ' 的批注', '文档属性「单位」', '文档属性「经理」']) {
      expect(texts.some((t) => t.includes(where)), where).toBe(true);
    }
    const values = read.get('ExcelJS, shared strings')!.sheetjs.map((s) => s.text);
    expect(values).toEqual(expect.arrayContaining(['王秀兰', '6.40221E+17', '13912345678', '1,234.50', '12.50%', '2024年3月1日', 'TRUE', '第一行\n第二行', '低保 & 临时救助 <一类>', '空行上的批注', '空白单元格上的批注']));
    expect(read.get('phonetic runs')!.ours.map((s) => s.text)).toEqual(expect.arrayContaining(['王秀兰', '李建国']));
    // Each written package holds the parts its name says.
    expect(read.get('ExcelJS streaming, text in the cells (t="str", inline rich text)')!.xml).toMatch(/t="inlineStr"[^]*t="str"|t="str"[^]*t="inlineStr"/);
    expect(read.get('phonetic runs')!.xml).toContain('<rPh');
    expect(read.get('comments on cells the sheet does not write')!.xml).not.toMatch(/<row r="[47]"/);
    expect(read.get('SheetJS-written, threaded comments')!.xml).toContain('<threadedComment ');
    const threaded = read.get('SheetJS-written, threaded comments')!.ours.find((s) => s.location.part === 'comment' && s.location.cell === 'A2');
    expect(threaded?.text).toBe(`线程批注 ${C}`);
  });
});

describe('xlsx reader: damaged packages are corrupt, never clean', () => {
  const good = () => xlsx(SHEETS, PROPS);
  it.each([
    ['a package without its workbook part', async () => rewrite(await good(), 'xl/workbook.xml', () => null)],
    ['a sheet that is not well-formed XML', async () => rewrite(await good(), 'xl/worksheets/sheet1.xml', (xml) => xml.slice(0, xml.length >> 1))],
    ['a shared string table that is not well-formed XML', async () => rewrite(await good(), 'xl/sharedStrings.xml', (xml) => xml.replace('</si>', '</sx>'))],
    ['rows out of order (a row given twice)', async () => rewrite(await good(), 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/(<row r="2"[^]*?<\/row>)/, '$1$1'))],
    ['a cell pointing past the shared strings', async () => rewrite(await good(), 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/(t="s"><v>)\d+/, '$19999'))],
    ['a zip cut short', async () => (await good()).slice(0, 3000)],
  ])('%s', async (_name, bytes) => {
    const r = await scanAttachment(await bytes(), '名单.xlsx', { rules });
    expect(r.status).toBe('unreadable');
    expect(r.status === 'scanned' ? undefined : r.cause).toBe('corrupt');
  });
});

it('a binary workbook (.xlsb) under an .xlsx name is read by SheetJS', async () => {
  const r = await scanAttachment(sheetjsWritten('xlsb'), '名单.xlsx', { rules });
  expect(r.status).toBe('scanned');
  expect(r.findings.filter((f) => f.kind === 'cn-id' && f.severity === 'block').map((f) => f.location?.text)).toEqual(
    expect.arrayContaining(['工作表「名单」B2', '隐藏工作表「原始」A2']),
  );
});
