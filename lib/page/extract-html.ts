/**
 * extractMain() for an HTML file or string outside a browser (the CLI, HTML attachments): jsdom
 * builds the Document. Node only; loaded on first use, as jsdom takes long to import.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import type { FindingLocation } from '../scan/types';
import { locationAt } from './block-text';
import { extractMain, type MainContent, type TextSegment } from './extract-main';
import { htmlSource } from './html-bytes';

export function extractHtml(html: Buffer | string, url?: string): MainContent & { segments: TextSegment[] } {
  // A silent console: jsdom would otherwise echo CSS/parse errors, which can quote page content.
  const source = typeof html === 'string' ? html : htmlSource(html);
  const dom = new JSDOM(source, { url, virtualConsole: new VirtualConsole() });
  try {
    return extractMain(dom.window.document);
  } finally {
    dom.window.close();
  }
}

/**
 * The text to scan of a page: its title, then its main content (the title is published too, and a
 * marking or a name in it is as public as one in the body), with the place of each table cell.
 * The popup's page scan reads a page the same way.
 */
export function pageText(page: MainContent & { segments: TextSegment[] }): { text: string; locate: (start: number) => FindingLocation | undefined } {
  const head = page.title ? `${page.title}\n` : '';
  return { text: head + page.text, locate: (start) => locationAt(page.segments, start - head.length) };
}
