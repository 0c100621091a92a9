/**
 * The attachments the upload e2e files send (Chromium and Firefox): written by the attachment corpus
 * (ExcelJS), and what of them reached the recording server, found by each multipart part's SHA-256.
 */
import { createHash } from 'node:crypto';
import type { CmsServer } from '../../lib/demo/server.ts';
import { CASES } from '../attachments/corpus';

/** A 低保名单 whose visible sheet is masked over a hidden sheet with the full IDs. */
export const LIST = '低保名单-隐藏工作表.xlsx';
/** The control: a clean 财政预算 workbook. */
export const CLEAN = '财政预算-干净.xlsx';

export const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function corpusFiles(names: readonly string[]): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of names) files.set(name, Buffer.from(await CASES.find((c) => c.name === name)!.bytes()));
  return files;
}

/** The requests since `since` that carried a file part with exactly `name`'s bytes. */
export function arrivedFiles(server: Pick<CmsServer, 'requests'>, files: ReadonlyMap<string, Buffer>, name: string, since: number) {
  return server.requests({ since }).filter((r) => r.files.some((f) => f.sha256 === sha(files.get(name)!)));
}

/** The SHA-256 of each `size`-byte piece of `bytes`, in order: what a chunked upload (attachments-dialogs.html) sends. */
export function pieceShas(bytes: Buffer, size = 2048): string[] {
  const out: string[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(sha(bytes.subarray(at, at + size)));
  return out;
}

/** The file parts that reached `path` since `since` and are pieces of `bytes`, in the order they arrived. */
export function arrivedPieces(server: Pick<CmsServer, 'requests'>, bytes: Buffer, path: string, since: number): string[] {
  const pieces = new Set(pieceShas(bytes));
  return server.requests({ path, since }).flatMap((r) => r.files.filter((f) => pieces.has(f.sha256)).map((f) => f.sha256));
}

/** A 1×1 PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const PICTURE_FORMS_PATH = /^\/sink\/media-form\//;

/**
 * Page script: text with an ID named a.png and a real PNG, each posted by a form of its own into a
 * hidden iframe, by form.submit() and by requestSubmit() (a native submission). The files are set
 * without a change event, so nothing read them before the submission.
 */
export const pictureForms = (id: string, busyMs = 0) => `(async () => {
  const png = Uint8Array.from(atob(${JSON.stringify(PNG_BASE64)}), (c) => c.charCodeAt(0));
  const files = { 'text-png': () => new File(['申请人 ' + ${JSON.stringify(id)}], 'a.png', { type: 'image/png' }), png: () => new File([png], '图表.png', { type: 'image/png' }) };
  for (const how of ['submit', 'requestSubmit']) {
    for (const [key, file] of Object.entries(files)) {
      const name = key + '-' + how;
      const frame = Object.assign(document.createElement('iframe'), { name, hidden: true });
      const form = Object.assign(document.createElement('form'), { action: '/sink/media-form/' + name, method: 'post', enctype: 'multipart/form-data', target: name });
      const input = Object.assign(document.createElement('input'), { type: 'file', name: 'upfile' });
      const dt = new DataTransfer();
      dt.items.add(file());
      input.files = dt.files;
      form.append(input);
      document.body.append(frame, form);
      // a busy page: a task queued before the submission keeps the thread while the files are read
      if (${busyMs} > 0) setTimeout(() => { const until = performance.now() + ${busyMs}; while (performance.now() < until); }, 0);
      form[how]();
      await new Promise((r) => setTimeout(r, 300));
    }
  }
})()`;

/** The picture forms' requests that carried a file (a refused submission into another window leaves empty). */
export function picturesArrived(server: Pick<CmsServer, 'requests'>, since: number): string[] {
  return server
    .requests({ path: PICTURE_FORMS_PATH, since })
    .filter((r) => r.files.some((f) => f.size > 0))
    .map((r) => r.path)
    .sort();
}

export const PICTURES_EXPECTED = ['/sink/media-form/png-requestSubmit', '/sink/media-form/png-submit'];

/**
 * Page script: text with an ID named a.png and a real PNG, each posted in FormData by a synchronous
 * XHR (to /sink/media/<key>-sync), which cannot wait for a file to be read: what each part's first
 * bytes are is read at once. Resolves to each send's outcome.
 */
export const syncPictureSends = (id: string) => `(() => {
  const png = Uint8Array.from(atob(${JSON.stringify(PNG_BASE64)}), (c) => c.charCodeAt(0));
  const files = { 'text-png': new File(['申请人 ' + ${JSON.stringify(id)}], 'a.png', { type: 'image/png' }), png: new File([png], '图表.png', { type: 'image/png' }) };
  const out = {};
  for (const [key, file] of Object.entries(files)) {
    const fd = new FormData();
    fd.append('upfile', file);
    const x = new XMLHttpRequest();
    x.open('POST', '/sink/media/' + key + '-sync', false);
    try { x.send(fd); out[key + '-sync'] = x.status === 200 ? 'sent' : 'refused'; } catch (e) { out[key + '-sync'] = 'refused'; }
  }
  return out;
})()`;

export const SYNC_PICTURES_EXPECTED = { 'text-png-sync': 'refused', 'png-sync': 'sent' };
