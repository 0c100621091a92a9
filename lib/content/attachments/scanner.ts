/**
 * The page's attachment scanner: documents and spreadsheets go to the extension's scanner page with
 * the page's policy (lib/attachments/service/client.ts); JSON, HTML, XML and Markdown files, which no
 * attachment reader takes, are scanned here as text. A file that arrives before the policy waits for
 * it a little; without a policy it is reported unreadable, never clean.
 */
import { lineLocation } from '../../attachments/location-text';
import { scanFileInExtension } from '../../attachments/service/client';
import { tooLarge } from '../../attachments/too-large';
import type { AttachmentResult } from '../../attachments/types';
import { uiLang } from '../../i18n';
import type { AttachmentScanPolicy, PagePolicy } from '../../messaging/protocol';
import type { Finding } from '../../scan/types';
import { scannedAsText } from '../gate/files';
import type { Scanner } from './page-files';

/** How long a file waits for the page's policy before it is reported unreadable. */
export const POLICY_WAIT_MS = 15_000;

type Send = (file: File, policy: AttachmentScanPolicy) => Promise<AttachmentResult>;

export class AttachmentScanner {
  private policy: AttachmentScanPolicy | null = null;
  private readonly waiting = new Set<(p: AttachmentScanPolicy) => void>();

  constructor(
    private readonly scanText: (text: string) => Finding[],
    private readonly send: Send = scanFileInExtension,
  ) {}

  configure(page: Pick<PagePolicy, 'rules' | 'allowList' | 'customWords' | 'attachments'>): void {
    const policy: AttachmentScanPolicy = { rules: page.rules, allowList: page.allowList, customWords: page.customWords, attachments: page.attachments, locale: uiLang() };
    this.policy = policy;
    for (const resolve of this.waiting) resolve(policy);
    this.waiting.clear();
  }

  readonly scan: Scanner = async (blob, name) => {
    const policy = await this.ready();
    if (!policy) {
      return { file: name, size: blob.size, status: 'unreadable', reason: { zh: '尚未读取到本站的预检策略，未能检查附件', en: 'the site policy has not been read yet; the attachment was not checked' }, findings: [] };
    }
    if (scannedAsText(name, blob.type)) return this.asText(blob, name, policy);
    return this.send(blob instanceof File && blob.name === name ? blob : new File([blob], name, { type: blob.type }), policy);
  };

  private async asText(blob: Blob, name: string, policy: AttachmentScanPolicy): Promise<AttachmentResult> {
    const over = tooLarge(name, blob.size, policy.attachments.maxMB);
    if (over) return over;
    const text = await blob.text();
    const findings = this.scanText(text).map((f) => ({ ...f, location: { file: name, ...lineLocation(lineOf(text, f.start)) } }));
    return { file: name, size: blob.size, status: 'scanned', format: 'txt', findings };
  }

  private ready(): Promise<AttachmentScanPolicy | null> {
    if (this.policy) return Promise.resolve(this.policy);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(done);
        resolve(null);
      }, POLICY_WAIT_MS);
      const done = (p: AttachmentScanPolicy) => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiting.add(done);
    });
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
