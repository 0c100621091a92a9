/**
 * The audit log's messages, wired to the service (registered synchronously, as an MV3 service worker
 * must). Verify and export reports come only from Precheck's own pages: an export report lets
 * retention delete, so a content script, which runs inside a CMS page, may not send one.
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging/protocol';
import type { AuditService } from './service';

interface Sender {
  url?: string;
}

function fromExtensionPage(sender: unknown): boolean {
  const url = (sender as Sender | undefined)?.url;
  return typeof url === 'string' && url.startsWith(browser.runtime.getURL('/'));
}

const notAllowed = { zh: '只有预检的扩展页面可以执行此操作。', en: 'Only Precheck’s own pages may do this.' };

export function listenForAuditMessages(service: AuditService): () => void {
  const off = [
    onMessage('recordAudit', ({ data }) => service.recordFromPage(data)),
    onMessage('auditVerify', ({ sender }) => {
      // VerifyResult has no "refused"; the sender's promise rejects with this instead.
      if (!fromExtensionPage(sender)) throw new Error(`${notAllowed.zh} ${notAllowed.en}`);
      return service.verify();
    }),
    onMessage('auditExported', ({ data, sender }) => (fromExtensionPage(sender) ? service.exported(data) : { ok: false, message: notAllowed } as const)),
    onMessage('postPublishCheck', ({ data }) => service.postPublishCheck(data)),
  ];
  return () => off.forEach((f) => f());
}
