import type { AttachmentResult } from './types';

/** The default of the policy's attachments.maxMB (lib/policy/limits.ts holds the policy's copy). */
export const DEFAULT_MAX_MB = 50;

/** A file's size as the panel, the checklist and the log say it: 63.2 MB, or 12.5 KB for a small one. */
export function sizeText(size: number): string {
  return size < 1024 * 1024 ? `${(size / 1024).toFixed(1)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A file over the size limit is not opened at all: it is reported as not scanned, for the reviewer
 * to confirm. Light on purpose: the content script asks this before any byte is sent anywhere.
 */
export function tooLarge(file: string, size: number, maxMB = DEFAULT_MAX_MB): AttachmentResult | null {
  if (size <= maxMB * 1024 * 1024) return null;
  const mb = sizeText(size);
  return {
    file,
    size,
    status: 'too-large',
    reason: { zh: `文件 ${mb}，超过策略上限 ${maxMB} MB，未检查，需审核人确认`, en: `the file is ${mb}, over the policy's ${maxMB} MB limit: not checked, a reviewer must confirm it` },
    findings: [],
  };
}
