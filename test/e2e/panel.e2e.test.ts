/**
 * The findings panel as an editor uses it: findings in the title are listed, and "定位 / Go to"
 * scrolls the editor to a finding and selects it — inside an editor iframe and in the page itself.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR } from './extension-helpers.ts';
import { launchBrowser, openEditor, startServer, typeInto, type Browser, type CmsServer, type EditorKind } from './harness.ts';

const ID = '11010519491231002X';

let browser: Browser;
let server: CmsServer;
let tab: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startServer()]);
  tab = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const panel = (page: Page) => page.locator('precheck-panel');

async function openPanel(page: Page): Promise<void> {
  const toggle = panel(page).getByTestId('precheck-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await panel(page).getByTestId('precheck-panel').waitFor();
}

/** The selection in the window that holds the editor's editing surface, as text. */
async function editorSelection(page: Page, kind: EditorKind): Promise<string> {
  const frames: Record<string, string> = { tinymce: 'iframe#content_ifr', ueditor: 'iframe[id^="ueditor_"]' };
  const selector = frames[kind];
  const frame = selector ? await (await page.$(selector))!.contentFrame() : page.mainFrame();
  return frame!.evaluate('String(getSelection())');
}

describe('findings panel', () => {
  test('lists a finding in the title field with a masked excerpt', async () => {
    await openEditor(tab, server, 'textarea');
    await tab.locator('#cms-form [name="title"]').fill(`关于张三（身份证号${ID}）的公示`);
    await tab.waitForFunction(`document.querySelector('precheck-panel')?.dataset.block === '1'`);
    await openPanel(tab);
    const item = panel(tab).locator('[data-testid=precheck-findings] li[data-kind="cn-id"]');
    await expect(item.textContent()).resolves.toContain('标题');
    const text = await panel(tab).getByTestId('precheck-panel').textContent();
    expect(text).not.toContain(ID);
    expect(text).toContain('110*************2X');
  });

  test.each<EditorKind>(['tinymce', 'ueditor', 'contenteditable'])('"go to" selects the finding in %s', async (kind) => {
    await openEditor(tab, server, kind);
    await typeInto(tab, kind, `${'前文。'.repeat(5)}身份证号${ID}。`);
    await tab.waitForFunction(`document.querySelector('precheck-panel')?.dataset.block === '1'`);
    expect(await editorSelection(tab, kind)).not.toBe(ID);
    await openPanel(tab);
    await panel(tab).locator('li[data-kind="cn-id"] button').click();
    await expect.poll(() => editorSelection(tab, kind)).toBe(ID);
  });
});
