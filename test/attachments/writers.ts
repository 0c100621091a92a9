/**
 * Writers for the generated attachment corpus: real libraries that WRITE these formats (ExcelJS,
 * docx, PDFKit with an embedded Noto CJK font, officecrypto-tool for Office encryption, LibreOffice
 * headless for the legacy binary .xls/.doc). The readers under test never write anything.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';

export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

export interface SheetSpec {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  rows: ExcelJS.CellValue[][];
  /** Column number (1-based) → Excel number format code. */
  formats?: Record<number, string>;
  hiddenColumns?: number[];
  hiddenRows?: number[];
  /** A1 → note text. */
  notes?: Record<string, string>;
  header?: string;
  footer?: string;
}

export type WorkbookProps = Partial<Pick<ExcelJS.Workbook, 'title' | 'subject' | 'creator' | 'lastModifiedBy' | 'manager' | 'company' | 'category' | 'keywords' | 'description'>>;

/**
 * ExcelJS's writers: the workbook writer always uses the shared string table; the streaming writer
 * (useSharedStrings: false) writes text into the cells, as t="str" and rich text as inline strings.
 */
export interface XlsxOptions {
  useSharedStrings?: false;
}

function fillSheet(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  // Column formats and visibility first: the streaming writer styles a cell when it is made.
  for (const [c, numFmt] of Object.entries(spec.formats ?? {})) ws.getColumn(Number(c)).numFmt = numFmt;
  for (const c of spec.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  for (const row of spec.rows) ws.addRow(row);
  for (const r of spec.hiddenRows ?? []) ws.getRow(r).hidden = true;
  for (const [cell, note] of Object.entries(spec.notes ?? {})) ws.getCell(cell).note = note;
  if (spec.header) ws.headerFooter.oddHeader = `&C${spec.header}`;
  if (spec.footer) ws.headerFooter.oddFooter = `&L${spec.footer}&R第&P页`;
}

export async function xlsx(sheets: SheetSpec[], props: WorkbookProps = {}, options: XlsxOptions = {}): Promise<Uint8Array> {
  if (options.useSharedStrings === false) return streamedXlsx(sheets, props);
  const wb = new ExcelJS.Workbook();
  Object.assign(wb, props);
  for (const spec of sheets) fillSheet(wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' }), spec);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function streamedXlsx(sheets: SheetSpec[], props: WorkbookProps): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  Object.assign(wb, props);
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
    fillSheet(ws, spec);
    ws.commit();
  }
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

export interface PdfText {
  text: string;
  x: number;
  y: number;
  size?: number;
}

/** A PDF whose text is placed where a table's cells would put it; Noto Sans CJK embedded (subset). */
export async function pdf(pages: PdfText[][], opts: { userPassword?: string; title?: string } = {}): Promise<Uint8Array> {
  if (!existsSync(CJK_FONT)) throw new Error(`${CJK_FONT} is missing: apt-get install fonts-noto-cjk (see .ci/run)`);
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: opts.title ? { Title: opts.title } : {},
    ...(opts.userPassword && { userPassword: opts.userPassword, pdfVersion: '1.7ext3' as const }),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.registerFont('cjk', CJK_FONT, CJK_FONT_NAME);
  for (const page of pages) {
    doc.addPage({ size: 'A4' });
    doc.font('cjk');
    for (const t of page) doc.fontSize(t.size ?? 10).text(t.text, t.x, t.y, { lineBreak: false });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** ECMA-376 agile encryption, as Office applies it for 用密码进行加密. */
export async function encryptOffice(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const tool = (await import('officecrypto-tool')).default as { encrypt(this: void, b: Buffer, o: { password: string }): Buffer };
  return new Uint8Array(tool.encrypt(Buffer.from(bytes), { password }));
}

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/**
 * LibreOffice headless converts a generated .xlsx/.docx into the legacy binary format (MS Excel 97 /
 * MS Word 97), as an office saving 另存为 .xls / .doc would. Needs Debian's libreoffice-calc-nogui and
 * libreoffice-writer-nogui (installed by .ci/run).
 */
export async function legacy(bytes: Uint8Array, from: 'xlsx' | 'docx'): Promise<Uint8Array> {
  if (!SOFFICE) throw new Error('LibreOffice is missing: apt-get install libreoffice-calc-nogui libreoffice-writer-nogui (see .ci/run)');
  const dir = await mkdtemp(path.join(tmpdir(), 'precheck-lo-'));
  try {
    const input = path.join(dir, `in.${from}`);
    await writeFile(input, bytes);
    const filter = from === 'xlsx' ? 'xls:MS Excel 97' : 'doc:MS Word 97';
    // A private profile: parallel runs (and a user's open LibreOffice) do not share a lock.
    await promisify(execFile)(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', filter, '--outdir', dir, input], { timeout: 120_000 });
    return new Uint8Array(await readFile(path.join(dir, `in.${from === 'xlsx' ? 'xls' : 'doc'}`)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface DocxSpec {
  paragraphs?: string[];
  /** Rows of a table after the paragraphs; the first row is the header. */
  table?: string[][];
  header?: string;
  footer?: string;
  /** A comment attached to the first paragraph. */
  comment?: string;
  title?: string;
  creator?: string;
}

export async function docx(spec: DocxSpec): Promise<Uint8Array> {
  const d = await import('docx');
  const para = (text: string) => new d.Paragraph({ children: [new d.TextRun(text)] });
  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = (spec.paragraphs ?? []).map((text, i) =>
    i === 0 && spec.comment
      ? new d.Paragraph({ children: [new d.CommentRangeStart(0), new d.TextRun(text), new d.CommentRangeEnd(0), new d.TextRun({ children: [new d.CommentReference(0)] })] })
      : para(text),
  );
  if (spec.table) {
    children.push(
      new d.Table({
        rows: spec.table.map((row) => new d.TableRow({ children: row.map((cell) => new d.TableCell({ children: [para(cell)] })) })),
      }),
    );
  }
  const doc = new d.Document({
    ...(spec.title && { title: spec.title }),
    ...(spec.creator && { creator: spec.creator }),
    ...(spec.comment && { comments: { children: [{ id: 0, author: '审核', date: new Date(0), children: [para(spec.comment)] }] } }),
    sections: [
      {
        ...(spec.header && { headers: { default: new d.Header({ children: [para(spec.header)] }) } }),
        ...(spec.footer && { footers: { default: new d.Footer({ children: [para(spec.footer)] }) } }),
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toBuffer(doc));
}
