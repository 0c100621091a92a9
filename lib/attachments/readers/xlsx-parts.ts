import type * as XLSX from '@e965/xlsx';
import { sheetPartLocation } from '../location-text';
import type { ExtractedSegment } from '../types';
import { childElements, decodePart, elements, paragraphText, parseXml } from '../xml';

/**
 * Headers, footers and text boxes of an .xlsx: printed or shown to every reader, but not read by
 * SheetJS. Read from the package parts SheetJS already unzipped (bookFiles), so nothing is inflated
 * twice. An .xls has no such parts: its headers and text boxes are not read (README).
 */
type Files = Record<string, { content: Uint8Array | number[] | string } | undefined>;

function part(files: Files, path: string): string | null {
  const f = files[path] ?? files['/' + path];
  return f ? decodePart(f.content) : null;
}

/** Relationship id → target path, resolved against the part's folder. */
function relations(files: Files, partPath: string): Map<string, string> {
  const dir = partPath.slice(0, partPath.lastIndexOf('/') + 1);
  const relsPath = `${dir}_rels/${partPath.slice(dir.length)}.rels`;
  const xml = part(files, relsPath);
  const out = new Map<string, string>();
  if (!xml) return out;
  for (const rel of elements(parseXml(xml), 'Relationship')) {
    const target = rel.getAttribute('Target') ?? '';
    out.set(rel.getAttribute('Id') ?? '', target.startsWith('/') ? target.slice(1) : normalise(dir + target));
  }
  return out;
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '..') out.pop();
    else if (s !== '.') out.push(s);
  }
  return out.join('/');
}

/** Sheet name → its part path, from workbook.xml and its relationships. */
function sheetPaths(files: Files): Map<string, string> {
  const out = new Map<string, string>();
  const xml = part(files, 'xl/workbook.xml');
  if (!xml) return out;
  const rels = relations(files, 'xl/workbook.xml');
  for (const sheet of elements(parseXml(xml), 'sheet')) {
    const id = sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? '';
    const path = rels.get(id);
    if (path) out.set(sheet.getAttribute('name') ?? '', path);
  }
  return out;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : (XML_ENTITIES[e] ?? m),
  );
}

/** Excel's header codes (&L &C &R section marks, &P page, &"font,style", &12 size) are not text. */
function headerText(code: string): string {
  return code
    .replace(/&"[^"]*"/g, '')
    .replace(/&\d+/g, '')
    .split('&&')
    .map((piece) => piece.replace(/&[LCR]/g, '\n').replace(/&[A-Za-z]/g, ''))
    .join('&')
    .trim();
}

/**
 * The header/footer element sits after sheetData, which can be megabytes: it is found by a string
 * search instead of parsing the whole sheet.
 */
function headersFooters(sheetXml: string): { part: 'header' | 'footer'; text: string }[] {
  const start = sheetXml.search(/<(?:\w+:)?headerFooter[\s>/]/);
  if (start < 0) return [];
  const end = sheetXml.indexOf('headerFooter>', start + 13);
  const fragment = sheetXml.slice(start, end < 0 ? undefined : end);
  const out: { part: 'header' | 'footer'; text: string }[] = [];
  for (const m of fragment.matchAll(/<(?:\w+:)?(?:odd|even|first)(Header|Footer)\b[^>]*>([^<]*)</g)) {
    const text = headerText(unescapeXml(m[2]!));
    if (text) out.push({ part: m[1] === 'Header' ? 'header' : 'footer', text });
  }
  return out;
}

/** Each shape's text (a:p paragraphs joined by line breaks) in a drawing part. */
function textBoxes(drawingXml: string): string[] {
  return elements(parseXml(drawingXml), 'txBody')
    .map((body) => childElements(body, 'p').map(paragraphText).join('\n').trim())
    .filter(Boolean);
}

const SHEET_DATA_END = new TextEncoder().encode('sheetData>');

/**
 * The part of a sheet after its cells (headerFooter comes after sheetData in the schema's order): a
 * sheet of 50,000 rows is tens of megabytes of XML that SheetJS has already read, not decoded again.
 */
function sheetTail(files: Files, path: string): string | null {
  const f = files[path] ?? files['/' + path];
  if (!f) return null;
  if (typeof f.content === 'string' || !(f.content instanceof Uint8Array)) return decodePart(f.content);
  const at = closingTagAt(f.content, SHEET_DATA_END);
  return decodePart(at < 0 ? f.content : f.content.subarray(at));
}

const LT = 0x3c;
const SLASH = 0x2f;
const COLON = 0x3a;

/**
 * Where the last closing tag `</name>` or `</prefix:name>` starts (needle: 'name>'), searched from
 * the end. Text may hold 'name>' (a '>' needs no escaping) but never '<', so '</' marks a real tag.
 */
function closingTagAt(bytes: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = bytes.length - needle.length; i >= 2; i--) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    let k = i - 1;
    if (bytes[k] === COLON) while (k > 0 && bytes[k] !== SLASH && bytes[k] !== LT && bytes[k] !== 0x20) k--;
    if (bytes[k] === SLASH && bytes[k - 1] === LT) return k - 1;
  }
  return -1;
}

export function ooxmlSheetParts(wb: XLSX.WorkBook): Map<string, ExtractedSegment[]> {
  const files = (wb as { files?: Files }).files;
  const out = new Map<string, ExtractedSegment[]>();
  if (!files || !part(files, 'xl/workbook.xml')) return out;
  const paths = sheetPaths(files);
  wb.SheetNames.forEach((name, i) => {
    const path = paths.get(name);
    if (!path) return;
    const hidden = !!wb.Workbook?.Sheets?.[i]?.Hidden;
    const segs: ExtractedSegment[] = [];
    const xml = sheetTail(files, path);
    for (const hf of xml ? headersFooters(xml) : []) segs.push({ text: hf.text, location: sheetPartLocation(name, hidden, hf.part) });
    for (const [, target] of relations(files, path)) {
      if (!/\/drawings\/drawing[^/]*\.xml$/.test(target)) continue;
      const drawing = part(files, target);
      for (const text of drawing ? textBoxes(drawing) : []) segs.push({ text, location: sheetPartLocation(name, hidden, 'textbox') });
    }
    out.set(name, segs);
  });
  return out;
}
