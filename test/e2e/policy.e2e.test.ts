/**
 * The policy reaches the CMS page: a number the unit allow-lists (its own office mobile) stops drawing
 * a finding, and a broken policy imported in the options page is refused while the previous one
 * keeps applying on the page.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { EXTENSION_DIR } from './extension-helpers.ts';
import { launchBrowser, openEditor, startServer, typeInto, type Browser, type CmsServer } from './harness.ts';
import { optionsUrl, pastePolicy } from '../../lib/demo/options-drive.ts';

const OFFICE_MOBILE = '13912345678';
const DRAFT = `会议联系人：王丽，咨询电话：${OFFICE_MOBILE}。请各单位按时参会。另：张三的身份证号为 11010519491231002X。`;

let browser: Browser;
let server: CmsServer;
let cms: Page;
let options: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startServer()]);
  cms = await browser.context.newPage();
  options = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function counts(): Promise<{ block: string; warn: string }> {
  await cms.bringToFront();
  await openEditor(cms, server, 'contenteditable');
  await typeInto(cms, 'contenteditable', DRAFT);
  await cms.waitForFunction(`document.querySelector('precheck-panel')?.dataset.block === '1'`);
  // Let a late policy answer and its rescan land before reading.
  await cms.waitForTimeout(600);
  return cms.evaluate(`(({ block, warn }) => ({ block, warn }))(document.querySelector('precheck-panel').dataset)`);
}

async function importPolicy(text: string): Promise<void> {
  await options.bringToFront();
  await options.goto(optionsUrl(EXTENSION_ID));
  // The options page follows the browser's language, so it is driven by structure, not by words.
  await pastePolicy(options, text);
}

test('allow-listed numbers stay quiet and a broken import changes nothing', async () => {
  expect(await counts()).toEqual({ block: '1', warn: '1' });

  await importPolicy(JSON.stringify({ ...DEFAULT_POLICY, allowList: { phones: [OFFICE_MOBILE], emails: [] } }));
  await options.locator('#import-export [role=status]').waitFor();
  expect(await counts()).toEqual({ block: '1', warn: '0' });

  await importPolicy(JSON.stringify({ ...DEFAULT_POLICY, origins: ['<all_urls>'], allowList: { phones: [], emails: [] } }));
  await options.locator('#import-export .error').waitFor();
  expect(await options.locator('body').textContent()).toContain('origins[0]');
  expect(await counts()).toEqual({ block: '1', warn: '0' });
});
