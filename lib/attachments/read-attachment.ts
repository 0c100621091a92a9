import { detectFormat } from './container';
import { extensionOf } from './extensions';
import type { AttachmentFormat, Extracted, ExtractedSegment } from './types';

/** Each reader is its own chunk: a run that sees only spreadsheets never loads pdf.js. */
const READERS: Record<AttachmentFormat, (bytes: Uint8Array) => Promise<ExtractedSegment[]>> = {
  xlsx: async (b) => (await import('./readers/xlsx')).readXlsx(b),
  xls: async (b) => (await import('./readers/sheet')).readWorkbook(b),
  csv: async (b) => (await import('./readers/text')).readCsv(b),
  txt: async (b) => (await import('./readers/text')).readPlainText(b),
  docx: async (b) => (await import('./readers/docx')).readDocx(b),
  doc: async (b) => (await import('./readers/doc')).readDoc(b),
  pdf: async (b) => (await import('./readers/pdf')).readPdf(b),
};

/**
 * The text of an attachment, segment by segment, each with where it stands (sheet and cell,
 * document part, page). Throws AttachmentError when the file is encrypted, corrupt or unsupported.
 */
export async function readAttachment(bytes: Uint8Array, name: string): Promise<Extracted> {
  const format = detectFormat(bytes, extensionOf(name));
  return { format, segments: await READERS[format](bytes) };
}
