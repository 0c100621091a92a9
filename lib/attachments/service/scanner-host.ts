import type { Runtime } from 'webextension-polyfill';
import { ATTACHMENT_PORT, type AttachmentReply, type AttachmentRequest, type AttachmentScanPolicy } from '../../messaging/protocol';
import type { AttachmentResult } from '../types';
import { base64Into } from './bulk-base64';

/** A file whose parser has not answered by then is reported as unreadable, and its worker ended. */
export const SCAN_TIMEOUT_MS = 120_000;

export interface WorkerJob {
  bytes: Uint8Array;
  name: string;
  policy: AttachmentScanPolicy;
}

interface Upload {
  name: string;
  policy: AttachmentScanPolicy;
  bytes: Uint8Array;
  received: number;
}

function failed(name: string, size: number, zh: string, en: string): AttachmentResult {
  return { file: name, size, status: 'unreadable', reason: { zh, en }, findings: [] };
}

/**
 * Runs one scan in a fresh worker: a parser that hangs or runs out of memory on a hostile file is
 * ended with its worker, and the next file starts clean.
 */
export function scanInWorker(start: () => Worker, job: WorkerJob, timeoutMs = SCAN_TIMEOUT_MS): Promise<AttachmentResult> {
  const size = job.bytes.byteLength;
  return new Promise((resolve) => {
    const worker = start();
    const finish = (result: AttachmentResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish(failed(job.name, size, '检查超时，未能读取文件内容', 'the check timed out; the content was not read')), timeoutMs);
    worker.onmessage = (e: MessageEvent<AttachmentResult>) => finish(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      finish(failed(job.name, size, '读取文件时出错，无法检查内容', 'reading the file failed; its content was not checked'));
    };
    worker.postMessage(job, [job.bytes.buffer]);
  });
}

/** Takes one port's begin + chunks, then answers with the scan result. */
function serve(port: Runtime.Port, start: () => Worker): void {
  let upload: Upload | null = null;
  const reply = (m: AttachmentReply) => {
    try {
      port.postMessage(m);
    } catch {
      // The tab went away: nobody is waiting for the answer.
    }
  };
  const finishIfComplete = () => {
    if (!upload || upload.received < upload.bytes.length) return;
    const { bytes, name, policy } = upload;
    upload = null;
    void scanInWorker(start, { bytes, name, policy }).then((result) => reply({ type: 'result', result }));
  };
  port.onMessage.addListener((message: unknown) => {
    const m = message as AttachmentRequest;
    if (m?.type === 'begin') {
      upload = { name: m.name, policy: m.policy, bytes: new Uint8Array(m.size), received: 0 };
      finishIfComplete();
    } else if (m?.type === 'chunk' && upload) {
      try {
        upload.received += base64Into(m.base64, upload.bytes, m.offset);
      } catch {
        const { name, bytes } = upload;
        upload = null;
        reply({ type: 'result', result: failed(name, bytes.length, '附件传输出错，未能检查', 'the attachment did not arrive intact; not checked') });
        return;
      }
      finishIfComplete();
    }
  });
}

/** The scanner page: every ATTACHMENT_PORT connection is one file to scan. */
export function serveAttachmentPorts(runtime: Pick<Runtime.Static, 'onConnect'>, start: () => Worker): void {
  runtime.onConnect.addListener((port) => {
    if (port.name === ATTACHMENT_PORT) serve(port, start);
  });
}
