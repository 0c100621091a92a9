import { browser } from 'wxt/browser';
import { onMessage, type AttachmentScannerReady } from '../../messaging/protocol';

/** The unlisted page that receives files and runs the attachment worker (entrypoints/attachment-scanner). */
export const SCANNER_PAGE = '/attachment-scanner.html';

interface OffscreenApi {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}

function chromeOffscreen(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

let opening: Promise<void> | undefined;

/**
 * Chrome: an offscreen document (its service worker cannot run Workers). Firefox: the background is
 * a page, which holds the scanner page in a frame. Either way created once and then reused.
 */
function openScanner(): Promise<void> {
  const offscreen = chromeOffscreen();
  if (offscreen) {
    return offscreen
      .createDocument({ url: SCANNER_PAGE, reasons: ['WORKERS'], justification: 'Reads attachments (xlsx, docx, pdf) in a worker to check them before upload' })
      .catch((err: unknown) => {
        // Left from before a service-worker restart: the page is still there and serving.
        if (!/single offscreen document/i.test(String((err as Error)?.message))) throw err;
      });
  }
  return new Promise<void>((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.src = browser.runtime.getURL(SCANNER_PAGE);
    frame.onload = () => resolve();
    frame.onerror = () => reject(new Error('scanner frame failed to load'));
    document.body.append(frame);
  });
}

export async function ensureScanner(): Promise<AttachmentScannerReady> {
  try {
    opening ??= openScanner();
    await opening;
    return { ok: true };
  } catch {
    opening = undefined;
    return { ok: false, message: { zh: '附件检查服务无法启动', en: 'the attachment scanner could not be started' } };
  }
}

export function listenForAttachmentScanner(): void {
  onMessage('openAttachmentScanner', () => ensureScanner());
}
