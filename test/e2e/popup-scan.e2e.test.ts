/**
 * The popup's 「扫描此页面」 on published pages of the mock portal, in real Chromium with the built
 * extension: popup.html?tab=<id> (the popup aimed at the article's tab) injects /page-extract.js,
 * which returns Readability's main content through executeScript, and the popup scans it. The ID
 * leaked in a 公示 table is found and shown masked only; a clean 通知 gives nothing, although both
 * pages carry the portal's navigation, sidebar and footer. An article published through
 * /api/publish is rendered at the URL the publish answers, and scanned the same way.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, extensionId, serviceWorker, tabIdOf } from './extension-helpers.ts';
import { launchBrowser, startServer, type Browser, type CmsServer } from './harness.ts';

const RAW_ID = '11010519491231002X';
const MASKED_ID = '110*************2X';

let browser: Browser;
let server: CmsServer;
let extId: string;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startServer()]);
  extId = await extensionId(browser.context);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let opened = 0;

/** Opens the page in a new tab; a query of its own makes its URL name that tab alone. */
async function openArticle(path: string): Promise<{ page: Page; tabId: number; url: string }> {
  const page = await browser.context.newPage();
  const url = `${server.url}${path}?n=${++opened}`;
  await page.goto(url);
  return { page, tabId: await tabIdOf(browser.context, url), url };
}

interface ScanView {
  count: number;
  rows: { kind: string; severity: string; excerpt: string }[];
  /** Everything the popup shows (in the browser's UI language, so tests read structure, not words). */
  text: string;
}

/** Opens the popup aimed at the tab, presses 扫描此页面 and reads what it shows. */
async function scanInPopup(tabId: number): Promise<ScanView> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html?tab=${tabId}`);
  await popup.bringToFront();
  await popup.locator('[data-scan-page]').click();
  await popup.locator('[data-scan-result], [data-scan-error]').first().waitFor({ timeout: 10_000 });
  const view = await popup.evaluate<ScanView & { error: string | null }>(`(() => {
    const result = document.querySelector('[data-scan-result]');
    const error = document.querySelector('[data-scan-error]');
    return {
      error: error ? error.textContent : null,
      count: result ? Number(result.getAttribute('data-count')) : -1,
      rows: result ? [...result.querySelectorAll('li[data-kind]')].map((li) => ({
        kind: li.dataset.kind, severity: li.dataset.severity, excerpt: (li.querySelector('code') || {}).textContent || '',
      })) : [],
      text: document.body.innerText,
    };
  })()`);
  expect(view.error).toBeNull();
  await popup.close();
  return view;
}

test('the extractor hands Readability’s main content back through executeScript', async () => {
  const { page, tabId, url } = await openArticle('/published/leak.html');
  const [first] = await (await serviceWorker(browser.context)).evaluate<{ result: { title: string; text: string; url: string } }[]>(
    `chrome.scripting.executeScript({ target: { tabId: ${tabId} }, files: ['/page-extract.js'] })`,
  );
  expect(first?.result.url).toBe(url);
  expect(first?.result.title).toContain('城乡居民最低生活保障新增对象的公示');
  expect(first?.result.text).toContain(`黄渠桥镇\t${RAW_ID}`);
  // The portal's chrome is not the article.
  for (const chrome of ['热点信息', '网站地图', '无障碍浏览']) expect(first?.result.text).not.toContain(chrome);
  await page.close();
});

test('「扫描此页面」 finds the ID leaked on a published 公示 page and shows it masked only', async () => {
  const { page, tabId } = await openArticle('/published/leak.html');
  const view = await scanInPopup(tabId);
  expect(view.count).toBe(1);
  expect(view.rows).toEqual([{ kind: 'cn-id', severity: 'block', excerpt: MASKED_ID }]);
  expect(view.text).toContain(MASKED_ID);
  expect(view.text).not.toContain(RAW_ID);
  await page.close();
});

test('「扫描此页面」 reports nothing on a clean published 通知', async () => {
  const { page, tabId } = await openArticle('/published/clean.html');
  const view = await scanInPopup(tabId);
  expect(view.count).toBe(0);
  expect(view.rows).toEqual([]);
  await page.close();
});

test('an article published through /api/publish is online at the URL the publish answers, and the popup scans it', async () => {
  const content = '<p>经审核，申请人李某某（身份证号11010519491231002X）符合临时救助条件，拟给予救助。</p><p>公示期为5个工作日。</p>';
  const res = await fetch(`${server.url}/api/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: '临时救助对象公示', channel: '社会救助', category: '社会救助', content }),
  });
  const answer = (await res.json()) as { ok: boolean; id: number; url: string };
  expect(answer).toMatchObject({ ok: true, url: `/articles/${answer.id}` });

  const { page, tabId } = await openArticle(answer.url);
  expect(await page.locator('h1').textContent()).toBe('临时救助对象公示');
  expect(await page.locator('#article-content').innerHTML()).toContain(content);
  expect(await page.locator('.meta').textContent()).toMatch(/发布日期：\d{4}-\d\d-\d\d/);

  const view = await scanInPopup(tabId);
  expect(view.rows).toEqual([{ kind: 'cn-id', severity: 'block', excerpt: MASKED_ID }]);
  expect(view.text).not.toContain(RAW_ID);
  await page.close();

  const missing = await browser.context.newPage();
  const response = await missing.goto(`${server.url}/articles/999999`);
  expect(response?.status()).toBe(404);
  expect(await missing.locator('h1').textContent()).toBe('页面不存在');
  await missing.close();
});

test('the popup shows the tab’s state block, and says so when the browser forbids a scan', async () => {
  const { page, tabId } = await openArticle('/published/clean.html');
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html?tab=${tabId}`);
  await popup.bringToFront();
  // Whatever the tab's content script answers to TAB_STATE, the block settles out of 'loading'.
  // Polled by evaluate: waitForFunction's own polling evals its string in the page, which the popup's
  // CSP (script-src 'self') refuses once the first look is not already true (a loaded machine).
  await expect
    .poll(() => popup.evaluate(`(() => { const s = document.querySelector('[data-tab-state]'); return !!s && s.getAttribute('data-tab-state') !== 'loading'; })()`), { timeout: 15_000 })
    .toBe(true);

  // The same tab on a chrome:// page, which no extension may read.
  await page.goto('chrome://version/');
  await popup.reload();
  await popup.bringToFront();
  await popup.locator('[data-scan-page]').click();
  const error = popup.locator('[data-scan-error]');
  await error.waitFor({ timeout: 10_000 });
  expect(await error.getAttribute('data-scan-error')).toBe('no-access');
  await popup.close();
  await page.close();
});
