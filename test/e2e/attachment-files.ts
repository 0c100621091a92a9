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
