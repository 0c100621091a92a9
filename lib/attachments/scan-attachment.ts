import type { ScanOptions } from '../scan/engine';
import { baseName } from './extensions';
import { readAttachment } from './read-attachment';
import { scanExtracted } from './scan-segments';
import { tooLarge } from './too-large';
import { AttachmentError, type AttachmentResult } from './types';

export interface AttachmentScanOptions extends ScanOptions {
  /** The policy's attachments.maxMB: larger files are not opened at all. */
  maxMB?: number;
}

/**
 * Reads and scans one attachment. Never throws for a bad file: an encrypted, corrupt, unsupported or
 * too large file comes back with its status and reason, and no findings — which is not "clean".
 */
export async function scanAttachment(bytes: Uint8Array, name: string, options: AttachmentScanOptions): Promise<AttachmentResult> {
  const file = baseName(name);
  const size = bytes.byteLength;
  const over = tooLarge(file, size, options.maxMB);
  if (over) return over;
  try {
    const extracted = await readAttachment(bytes, name);
    return { file, size, status: 'scanned', format: extracted.format, findings: scanExtracted(extracted, options, file) };
  } catch (err) {
    if (err instanceof AttachmentError) return { file, size, status: err.status, reason: err.reason, ...(err.unreadable && { cause: err.unreadable }), findings: [] };
    // A parser that fails in a way nobody foresaw still leaves the content unknown: unreadable, not clean.
    return { file, size, status: 'unreadable', reason: { zh: '读取文件时出错，无法检查内容', en: 'reading the file failed; its content was not checked' }, findings: [] };
  }
}
