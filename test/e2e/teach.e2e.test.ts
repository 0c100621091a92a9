/**
 * "Teach Precheck this CMS": on a page whose publish control the built-in heuristics miss (a styled
 * <div> reading 「确定」 — lib/demo/pages/nonstandard.html), the administrator starts pick mode (as
 * the popup does: tabs.sendMessage({type:'precheck:teach'}) to the tab's top frame), clicks the
 * title, category and reviewer fields and the control, and the taught site adapter lands in the
 * local policy. Teaching decides only WHEN the checklist opens (gate v2: content decides what leaves).
 * Before teaching, a click on 「确定」 reaches the page's handler and the gate refuses its request,
 * which carries the draft; after teaching, on a page holding a draft, the click itself is stopped
 * before the page's handler runs, at once and after a reload — and nothing carrying the draft leaves.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, serviceWorker } from './extension-helpers.ts';
import { launchBrowser, startServer, type Browser, type CmsServer } from './harness.ts';

let browser: Browser;
let server: CmsServer;
let cms: Page;

const CONFIRM = 'div[data-act="p"]';
const ID = '11010519491231002X';
const DRAFT = `城关镇低保新增对象公示：王丽，身份证号 ${ID}，家住城关镇东街社区。`;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startServer()]);
  cms = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(): Promise<void> {
  await cms.goto(`${server.url}/nonstandard.html`);
  await cms.locator('precheck-panel').waitFor({ state: 'attached', timeout: 10_000 });
  // Let the policy answer (and a taught adapter) reach the controller.
  await cms.waitForTimeout(600);
}

/** The editor's draft, typed into the page's only editor (its textarea). */
async function writeDraft(): Promise<void> {
  await cms.locator('#content').fill(DRAFT);
  await cms.waitForFunction(`document.querySelector('precheck-panel')?.dataset.block === '1'`);
}

async function clickCentre(selector: string): Promise<void> {
  const box = await cms.locator(selector).boundingBox();
  if (!box) throw new Error(`no box for ${selector}`);
  await cms.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

function confirmRuns(): Promise<number> {
  return cms.evaluate('window.__confirmRuns');
}

function blockedShown(): Promise<string | undefined> {
  return cms.evaluate(`document.querySelector('precheck-panel')?.dataset.blocked`);
}

test('an administrator teaches Precheck a CMS page whose publish control it missed', async () => {
  // Before: the click reaches the page's handler; the gate refuses its fetch, which carries the draft.
  await open();
  await cms.locator('[name="f_0001"]').fill('测试标题');
  await writeDraft();
  await cms.locator(CONFIRM).click();
  expect(await confirmRuns()).toBe(1);
  await cms.waitForFunction(`document.querySelector('precheck-panel')?.dataset.blocked === 'true'`);
  expect(await cms.evaluate(`window.__lastPublish`)).toMatchObject({ ok: false });
  expect(server.posts.filter((p) => p.path === '/api/publish')).toHaveLength(0);

  // Teach, the way the popup starts it.
  await open();
  const sw = await serviceWorker(browser.context);
  const delivered = await sw.evaluate(`(async () => {
    let delivered = 0;
    for (const t of await chrome.tabs.query({})) {
      try {
        await chrome.tabs.sendMessage(t.id, { type: 'precheck:teach' }, { frameId: 0 });
        delivered++;
      } catch {}
    }
    return delivered;
  })()`);
  expect(delivered).toBe(1);
  const step = (s: string) => cms.locator(`precheck-teach[data-step="${s}"]`).waitFor({ state: 'attached', timeout: 5_000 });
  await step('title');
  await clickCentre('[name="f_0001"]');
  await step('category');
  await clickCentre('[name="f_0002"]');
  await step('reviewer');
  // A click on the field's label cell is not a field; the reviewer input itself is.
  await clickCentre('[name="f_0003"]');
  await step('publish');
  // On the icon inside the control: the control itself is taught.
  await clickCentre(`${CONFIRM} i`);
  await step('done');
  // Picking the control did not press it.
  expect(await confirmRuns()).toBe(0);
  expect(await blockedShown()).toBe('false');

  const stored = await sw.evaluate<{ policy?: { adapters: unknown[] } }>(`chrome.storage.local.get('policy')`);
  expect(stored.policy?.adapters[0]).toMatchObject({
    match: [`${server.url}/nonstandard.html*`],
    editor: { kind: 'textarea' },
    fields: { title: 'input[name="f_0001"]', category: 'select[name="f_0002"]', reviewer: 'input[name="f_0003"]' },
    publishButtons: [CONFIRM],
    publishRequests: [],
  });

  // At once: on a page holding a draft, the click layer stops 「确定」 before the page's handler runs.
  await writeDraft();
  await cms.locator(CONFIRM).click();
  await cms.waitForFunction(`document.querySelector('precheck-panel')?.dataset.blocked === 'true'`);
  expect(await confirmRuns()).toBe(0);

  // And on the next load.
  await open();
  await writeDraft();
  await cms.locator(CONFIRM).click();
  await cms.waitForFunction(`document.querySelector('precheck-panel')?.dataset.blocked === 'true'`);
  expect(await confirmRuns()).toBe(0);
  expect(server.posts.filter((p) => p.path === '/api/publish')).toHaveLength(0);
  expect(server.carrying(ID)).toEqual([]);
});
