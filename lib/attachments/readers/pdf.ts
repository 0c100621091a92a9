import { corruptError, encryptedError } from '../container';
import { pageLocation, propertyLocation } from '../location-text';
import type { ExtractedSegment } from '../types';
import { pageLines, type TextItem } from './pdf-layout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJs> | undefined;
let workerFactory: (() => Worker) | undefined;
const NODE_PDF_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * In the extension's attachment worker, pdf.js gets a worker of its own: its worker code, loaded
 * into a Worker's global scope, would take over that worker's messages.
 */
export function usePdfWorker(factory: () => Worker): void {
  workerFactory = factory;
}

/**
 * pdf.js, its worker code run in this thread (globalThis.pdfjsWorker) in Node, or in the worker
 * usePdfWorker() names: the reader already runs off the page's main thread.
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    if (!workerFactory) {
      // Not bundled into the extension (a variable specifier): there the factory's worker loads it.
      const worker: unknown = await import(/* @vite-ignore */ NODE_PDF_WORKER);
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    }
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    if (workerFactory) lib.GlobalWorkerOptions.workerPort = workerFactory();
    return lib;
  })();
  return loaded;
}

function itemsOf(content: { items: unknown[] }): TextItem[] {
  const out: TextItem[] = [];
  for (const raw of content.items) {
    const item = raw as { str?: string; transform?: number[]; width?: number; height?: number };
    if (typeof item.str !== 'string' || !item.transform) continue;
    const height = item.height || Math.hypot(item.transform[2]!, item.transform[3]!) || 1;
    out.push({ str: item.str, x: item.transform[4]!, y: item.transform[5]!, width: item.width ?? 0, height });
  }
  return out;
}

/** Every page's text (and the document's title and author), located by page. */
export async function readPdf(bytes: Uint8Array): Promise<ExtractedSegment[]> {
  const lib = await pdfjs();
  // pdf.js takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
  const task = lib.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    throw (err as Error)?.name === 'PasswordException' ? encryptedError() : corruptError();
  }
  try {
    const out: ExtractedSegment[] = [];
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    for (const [key, label] of [['Title', '标题'], ['Author', '作者'], ['Subject', '主题'], ['Keywords', '关键词']] as const) {
      const value = info[key];
      if (typeof value === 'string' && value.trim()) out.push({ text: value, location: propertyLocation(label) });
    }
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      for (const text of pageLines(itemsOf(await page.getTextContent()))) out.push({ text, location: pageLocation(n) });
      page.cleanup();
    }
    return out;
  } catch {
    throw corruptError();
  } finally {
    await doc.destroy();
  }
}
