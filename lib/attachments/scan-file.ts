import { readFile } from 'node:fs/promises';
import type { Rule } from '../scan/types';
import { ATTACHMENT_EXTENSIONS, extensionOf } from './extensions';
import type { AttachmentResult } from './types';

/** Extensions the CLI hands to the attachment readers (plain .txt stays with the CLI's own reader). */
export const CLI_ATTACHMENT_EXTENSIONS: readonly string[] = ATTACHMENT_EXTENSIONS.filter((e) => e !== 'txt');

export function isAttachmentPath(path: string): boolean {
  return CLI_ATTACHMENT_EXTENSIONS.includes(extensionOf(path));
}

/**
 * Node: reads and scans one attachment file; file-system errors are thrown as they come. The readers
 * load on first use, so a run over text files never pays for them.
 */
export async function scanAttachmentPath(path: string, rules: readonly Rule[], maxMB?: number): Promise<AttachmentResult> {
  const bytes = await readFile(path);
  const { scanAttachment } = await import('./scan-attachment');
  return scanAttachment(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path, { rules, maxMB });
}
