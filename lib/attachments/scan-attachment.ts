import type { ScanOptions } from '../scan/engine';
import { readAttachment } from './read-attachment';
import { scanExtracted } from './scan-segments';
import { AttachmentError, type AttachmentResult } from './types';

export const DEFAULT_MAX_MB = 50;

export interface AttachmentScanOptions extends ScanOptions {
  /** The policy's attachments.maxMB: larger files are not opened at all. */
  maxMB?: number;
}

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

/**
 * Reads and scans one attachment. Never throws for a bad file: an encrypted, corrupt, unsupported or
 * too large file comes back with its status and reason, and no findings — which is not "clean".
 */
export async function scanAttachment(bytes: Uint8Array, name: string, options: AttachmentScanOptions): Promise<AttachmentResult> {
  const file = baseName(name);
  const size = bytes.byteLength;
  const maxMB = options.maxMB ?? DEFAULT_MAX_MB;
  if (size > maxMB * 1024 * 1024) {
    const mb = (size / 1024 / 1024).toFixed(1);
    return {
      file,
      size,
      status: 'too-large',
      reason: { zh: `文件 ${mb} MB，超过策略上限 ${maxMB} MB，未检查，需审核人确认`, en: `the file is ${mb} MB, over the policy's ${maxMB} MB limit: not checked, a reviewer must confirm it` },
      findings: [],
    };
  }
  try {
    const extracted = await readAttachment(bytes, name);
    return { file, size, status: 'scanned', format: extracted.format, findings: scanExtracted(extracted, options, file) };
  } catch (err) {
    if (err instanceof AttachmentError) return { file, size, status: err.status, reason: err.reason, findings: [] };
    // A parser that fails in a way nobody foresaw still leaves the content unknown: unreadable, not clean.
    return { file, size, status: 'unreadable', reason: { zh: '读取文件时出错，无法检查内容', en: 'reading the file failed; its content was not checked' }, findings: [] };
  }
}
