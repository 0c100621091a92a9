import './node-buffer';
import * as XLSX from '@e965/xlsx';
import WordOleExtractor, { type WordDocument } from 'word-extractor/lib/word-ole-extractor.js';
import { corruptError } from '../container';
import { paragraphLocation } from '../location-text';
import type { ExtractedSegment } from '../types';

interface CfbEntry {
  content: Uint8Array | number[];
}
const CFB = XLSX.CFB as { read(d: Uint8Array, o: { type: 'array' }): unknown; find(c: unknown, p: string): CfbEntry | null };

/**
 * word-extractor's .doc text extraction (piece table, headers, notes, annotations, text boxes), fed
 * with the streams of the compound file as SheetJS's CFB reader gives them: its own OLE reader goes
 * through Node streams and file handles, which a Worker has not.
 */
class CfbWordExtractor extends WordOleExtractor {
  constructor(private readonly container: unknown) {
    super();
  }
  override documentStream(_document: unknown, streamName: string): Promise<unknown> {
    return Promise.resolve(streamName);
  }
  override streamBuffer(streamName: unknown): Promise<Uint8Array> {
    const entry = CFB.find(this.container, String(streamName));
    if (!entry) return Promise.reject(new Error(`no ${String(streamName)} stream`));
    return Promise.resolve(Buffer.from(entry.content));
  }
  run(): Promise<WordDocument> {
    return this.streamBuffer('WordDocument').then((buffer) => this.extractWordDocument(null, buffer));
  }
}

function paragraphs(text: string, part: 'body' | 'header' | 'footer' | 'footnote' | 'comment' | 'textbox', out: ExtractedSegment[]): void {
  // Word ends table cells with \t-like marks that word-extractor turns into tabs; each line is a paragraph.
  text.split('\n').forEach((line, i) => {
    if (line.trim()) out.push({ text: line, location: paragraphLocation(part, part === 'body' ? i + 1 : undefined) });
  });
}

/** Body paragraphs, headers, footers, footnotes and endnotes, comments and text boxes of a .doc (or a WPS .wps in that format). */
export async function readDoc(bytes: Uint8Array): Promise<ExtractedSegment[]> {
  let doc: WordDocument;
  try {
    doc = await new CfbWordExtractor(CFB.read(bytes, { type: 'array' })).run();
  } catch {
    throw corruptError();
  }
  const out: ExtractedSegment[] = [];
  paragraphs(doc.getBody(), 'body', out);
  paragraphs(doc.getHeaders({ includeFooters: false }), 'header', out);
  paragraphs(doc.getFooters(), 'footer', out);
  paragraphs(doc.getFootnotes() + '\n' + doc.getEndnotes(), 'footnote', out);
  paragraphs(doc.getAnnotations(), 'comment', out);
  paragraphs(doc.getTextboxes({ includeHeadersAndFooters: true, includeBody: true }), 'textbox', out);
  return out;
}
