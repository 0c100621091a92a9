import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_ATTACHMENT_EXTENSIONS } from '../attachments/scan-file';
import type { FindingLocation } from '../scan/types';
import { decodeFileText } from './decode-file-text';

/**
 * What a reader makes of one file: the text Precheck scans, and where in the file a stretch of that
 * text stands (a table cell of an HTML page, a sheet's cell, a PDF page), when the file has such places.
 */
export interface ReadResult {
  text: string;
  locate?: (start: number, end: number) => FindingLocation | undefined;
}

/** Turns a file's bytes into text; loaded lazily, so a run over .txt files never loads jsdom. */
export type Reader = (bytes: Buffer, path: string) => ReadResult | Promise<ReadResult>;

const readText: Reader = (bytes) => ({ text: decodeFileText(bytes) });

/** The page as its reader sees it (lib/page/extract-main.ts): title and main content, table cells located. */
const readHtml: Reader = async (bytes, path) => {
  const { extractHtml, pageText } = await import('../page/extract-html');
  return pageText(extractHtml(bytes, pathToFileURL(path).href));
};

/** One reader per file extension (lower case, with the dot). Attachment formats plug in here. */
export const READERS: Readonly<Record<string, Reader>> = {
  '.txt': readText,
  '.md': readText,
  '.html': readHtml,
  '.htm': readHtml,
};

export function readerFor(path: string): Reader | undefined {
  return READERS[extname(path).toLowerCase()];
}

/** The extensions the CLI reads, for messages: ".txt .md .html .htm .xlsx …". */
export function readableExtensions(): string {
  return [...Object.keys(READERS), ...CLI_ATTACHMENT_EXTENSIONS.map((e) => `.${e}`)].join(' ');
}
