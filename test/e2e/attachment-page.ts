/**
 * Driving lib/demo/pages/attachments.html in Chromium for the attachment e2e files: open it ready,
 * write a draft that links to an attachment, upload through its XHR dialog, find a file's row in the
 * checklist and sign it off as a reviewer, read the audit log.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { dialog, waitForChecklist } from '../../lib/demo/checklist-drive.ts';
import { launchBrowser, type Browser } from '../../lib/demo/browser.ts';
import { installPolicy } from '../../lib/demo/demo-policy.ts';
import { startCmsServer, type CmsServer } from '../../lib/demo/server.ts';
import type { Policy } from '../../lib/policy/schema.ts';
import { EXTENSION_ID } from '../../wxt.config';
import { dumpRecords, EXTENSION_DIR } from './extension-helpers.ts';
import { OPTIONS_URL } from './policy-helpers.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class AttachmentPage {
  constructor(
    readonly browser: Browser,
    readonly server: CmsServer,
    readonly page: Page,
    readonly files: ReadonlyMap<string, Buffer>,
  ) {}

  /** One browser with the extension and `policy`, the recording server, and a tab: a file's whole session. */
  static async start(files: ReadonlyMap<string, Buffer>, policy: Policy): Promise<AttachmentPage> {
    const [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startCmsServer()]);
    await installPolicy(browser.context, EXTENSION_ID, policy);
    return new AttachmentPage(browser, server, await browser.context.newPage(), files);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }

  async open(path = '/attachments.html'): Promise<void> {
    const { page, server } = this;
    // A form post's own navigation may still be under way (or held by the gate): it can interrupt this one.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.goto(`${server.url}${path}`, { waitUntil: 'commit', timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        await page.waitForTimeout(500);
      }
    }
    // A page of the previous test may still be there for a moment: ready must be this page's.
    await page.waitForURL(`**${path}`);
    await page.waitForFunction('window.__attach && window.__attach.ready === true', null, { timeout: 20_000, polling: 50 });
    await page.locator('precheck-panel').waitFor({ state: 'attached', timeout: 10_000 });
  }

  payload(name: string) {
    return { name, mimeType: name.endsWith('.pdf') ? 'application/pdf' : XLSX, buffer: this.files.get(name)! };
  }

  /** The page's own outcomes of its XHR uploads, once all have ended (or 'HUNG'). */
  uploadOutcomes() {
    return this.page.evaluate<{ ok: boolean; name: string }[] | 'HUNG'>(
      `Promise.race([Promise.all(window.__attach.uploads), new Promise((r) => setTimeout(() => r('HUNG'), 30000))])`,
    );
  }

  /** Chooses `name` in the upload dialog (which sends it by XHR at once); the page's own outcome. */
  async dialogUpload(name: string) {
    await this.page.evaluate('window.__attach.uploads = []');
    await this.page.locator('#dialog-file').setInputFiles([]);
    await this.page.locator('#dialog-file').setInputFiles(this.payload(name));
    return this.uploadOutcomes();
  }

  /** Fills the CMS form and writes a body that links to `href` ("详见附件"). */
  async writeLinkedDraft(href: string): Promise<void> {
    await this.page.evaluate(
      `((href) => {
        const form = document.getElementById('cms-form');
        for (const [name, value] of Object.entries({ title: '城关镇2026年第一季度低保发放公示', channel: 'tzgg', category: '01', disclosure: '主动公开', reviewer: '李四' })) {
          const el = form.elements.namedItem(name);
          if (!el) continue;
          el.value = value;
          el.dispatchEvent(new Event('change', { bubbles: true }));
        }
        tinymce.get('content').setContent('<p>城关镇2026年第一季度城乡低保资金已按时足额发放，具体名单详见附件。</p><p><a href="' + href + '">附件：低保名单</a></p>');
      })(${JSON.stringify(href)})`,
    );
    await this.page.waitForTimeout(1_500);
  }

  /** The file's row in the checklist, once it is listed there. */
  async heldRow(name: string): Promise<Locator> {
    await waitForChecklist(this.page, 10_000);
    const row = dialog(this.page).locator(`[data-upload-name="${name}"]`);
    await row.waitFor({ timeout: 15_000 });
    return row;
  }

  async auditRecords(event: string): Promise<Record<string, unknown>[]> {
    const log = await this.browser.context.newPage();
    await log.goto(OPTIONS_URL);
    const records = (await dumpRecords(log)).filter((r) => r.event === event);
    await log.close();
    return records;
  }
}

/**
 * The reviewer picks themself and signs off that one file with their PIN; a file not checked
 * (`confirmUnchecked`: too large, encrypted, corrupt) cannot be signed before its confirmation is ticked.
 */
export async function signFile(row: Locator, reviewer: { id: string; pin: string }, confirmUnchecked = false): Promise<void> {
  await row.locator('select').selectOption(reviewer.id);
  await row.locator('input[type=password]').fill(reviewer.pin);
  if (confirmUnchecked) {
    expect(await row.locator('[data-action^="sign-file:"]').isDisabled(), 'no sign-off before the confirmation').toBe(true);
    await row.locator('[data-upload-confirm]').check();
  }
  await row.locator('[data-action^="sign-file:"]').click();
  await row.locator('[data-upload-signed]').waitFor({ timeout: 15_000 });
}
