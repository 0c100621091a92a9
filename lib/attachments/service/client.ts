import { browser } from 'wxt/browser';
import {
  ATTACHMENT_CHUNK,
  ATTACHMENT_PORT,
  sendMessage,
  type AttachmentReply,
  type AttachmentRequest,
  type AttachmentScanPolicy,
} from '../../messaging/protocol';
import { tooLarge } from '../too-large';
import type { AttachmentResult } from '../types';
import { bytesToBase64 } from './bulk-base64';

/**
 * Content side: scans a file in the extension's attachment scanner page, off the page's main thread
 * and without the parsers in the content script (this module is all it carries). A file over the
 * policy's limit is not sent at all. If the scanner cannot be reached, the file is reported as
 * unreadable — never as clean.
 */
export async function scanFileInExtension(file: File, policy: AttachmentScanPolicy): Promise<AttachmentResult> {
  const over = tooLarge(file.name, file.size, policy.attachments.maxMB);
  if (over) return over;
  try {
    const ready = await sendMessage('openAttachmentScanner', undefined);
    if (!ready.ok) return unavailable(file, ready.message);
    return await sendFile(file, policy);
  } catch (err) {
    return unavailable(file, { zh: `附件检查服务出错（${errorName(err)}）`, en: `the attachment scanner failed (${errorName(err)})` });
  }
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : 'Error';
}

function unavailable(file: File, why: { zh: string; en: string }): AttachmentResult {
  return { file: file.name, size: file.size, status: 'unreadable', reason: { zh: `${why.zh}，未能检查附件`, en: `${why.en}; the attachment was not checked` }, findings: [] };
}

function sendFile(file: File, policy: AttachmentScanPolicy): Promise<AttachmentResult> {
  const port = browser.runtime.connect({ name: ATTACHMENT_PORT });
  return new Promise<AttachmentResult>((resolve, reject) => {
    port.onMessage.addListener((message: unknown) => {
      const reply = message as AttachmentReply;
      if (reply?.type === 'result') {
        resolve(reply.result);
        port.disconnect();
      }
    });
    port.onDisconnect.addListener(() => reject(new Error('scanner disconnected')));
    const post = (m: AttachmentRequest) => port.postMessage(m);
    void (async () => {
      post({ type: 'begin', name: file.name, size: file.size, policy });
      // One slice in memory at a time: a 50 MB file never exists twice as base64 in this tab.
      for (let offset = 0; offset < file.size; offset += ATTACHMENT_CHUNK) {
        const bytes = new Uint8Array(await file.slice(offset, offset + ATTACHMENT_CHUNK).arrayBuffer());
        post({ type: 'chunk', offset, base64: bytesToBase64(bytes) });
      }
    })().catch(reject);
  });
}
