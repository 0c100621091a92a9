import { unzipSync } from 'fflate';
import mammoth, { type MammothDocument, type MammothNode } from 'mammoth';
import { corruptError } from '../container';
import { paragraphLocation, propertyLocation, tableCellLocation } from '../location-text';
import type { ExtractedSegment } from '../types';
import { decodePart, elements, paragraphTexts, parseXml } from '../xml';

/** The text under a node: runs, hyperlinks, tabs, line breaks, an image's alt text. */
function textOf(node: MammothNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'image':
      return node.altText ?? '';
    default:
      return (node.children ?? []).map(textOf).join('');
  }
}

interface Walk {
  out: ExtractedSegment[];
  paragraph: number;
  table: number;
  doc: MammothDocument;
}

function noteRefs(node: MammothNode, found: MammothNode[] = []): MammothNode[] {
  if (node.type === 'noteReference') found.push(node);
  for (const c of node.children ?? []) noteRefs(c, found);
  return found;
}

function table(node: MammothNode, w: Walk): void {
  const number = ++w.table;
  const rows = (node.children ?? []).filter((r) => r.type === 'tableRow');
  const header = (rows[0]?.children ?? []).map((c) => textOf(c).trim());
  rows.forEach((row, r) => {
    const cells = (row.children ?? []).filter((c) => c.type === 'tableCell');
    cells.forEach((cell, c) => {
      const text = (cell.children ?? []).map(textOf).join('\n');
      const location = tableCellLocation(number, r + 1, c + 1, r > 0 ? header[c] : undefined);
      if (text.trim()) w.out.push({ text, location, separator: c === cells.length - 1 ? '\n' : '\t' });
    });
    const last = w.out[w.out.length - 1];
    if (last) last.separator = '\n';
  });
}

function body(nodes: readonly MammothNode[], w: Walk): void {
  for (const node of nodes) {
    if (node.type === 'table') {
      table(node, w);
      continue;
    }
    w.paragraph++;
    const text = textOf(node);
    if (text.trim()) w.out.push({ text, location: paragraphLocation('body', w.paragraph) });
  }
}

/** Footnotes and endnotes, in the order they are referenced. */
function notes(w: Walk): void {
  let n = 0;
  for (const ref of noteRefs({ type: 'document', children: w.doc.children })) {
    const note = w.doc.notes.resolve(ref);
    const text = (note?.body ?? []).map(textOf).join('\n');
    n++;
    if (text.trim()) w.out.push({ text, location: paragraphLocation('footnote', n) });
  }
}

function comments(w: Walk): void {
  w.doc.comments.forEach((comment, i) => {
    const text = (comment.body ?? []).map(textOf).join('\n');
    if (text.trim()) w.out.push({ text, location: { ...paragraphLocation('comment'), paragraph: i + 1, text: `批注 ${i + 1}` } });
  });
}

/**
 * Headers, footers and core properties, which mammoth does not read: straight from the package
 * parts (word/header1.xml …, docProps/core.xml).
 */
function packageParts(bytes: Uint8Array, out: ExtractedSegment[]): void {
  const files = unzipSync(bytes, { filter: (f) => /^word\/(header|footer)\d*\.xml$|^docProps\/core\.xml$/.test(f.name) });
  for (const name of Object.keys(files).sort()) {
    const xml = parseXml(decodePart(files[name]!));
    if (name === 'docProps/core.xml') {
      for (const [tag, label] of [['title', '标题'], ['subject', '主题'], ['creator', '作者'], ['lastModifiedBy', '最后修改者'], ['keywords', '关键词'], ['description', '备注']] as const) {
        const value = elements(xml, tag)[0]?.textContent?.trim();
        if (value) out.push({ text: value, location: propertyLocation(label) });
      }
      continue;
    }
    const part = name.includes('header') ? 'header' : 'footer';
    const text = paragraphTexts(xml).join('\n');
    if (text.trim()) out.push({ text, location: paragraphLocation(part) });
  }
}

/** Body paragraphs and tables (text boxes inline), footnotes, comments, headers, footers, properties. */
export async function readDocx(bytes: Uint8Array): Promise<ExtractedSegment[]> {
  let doc: MammothDocument | undefined;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await mammoth.convertToHtml(
      // Node's mammoth opens `buffer`, the browser build `arrayBuffer`.
      { arrayBuffer: buffer, buffer: bytes },
      {
        transformDocument: (d) => {
          doc = d;
          // Nothing of the HTML is used: an empty document keeps mammoth's conversion cheap.
          return { ...d, children: [] };
        },
      },
    );
  } catch {
    throw corruptError();
  }
  if (!doc) throw corruptError();
  const w: Walk = { out: [], paragraph: 0, table: 0, doc };
  packageParts(bytes, w.out);
  body(doc.children ?? [], w);
  notes(w);
  comments(w);
  return w.out;
}
