/**
 * A long draft in a real editor with the built extension: only the findings on screen (and a screen
 * around it) are highlighted; one scrolled to is highlighted when it arrives, and so is one brought up
 * by 定位 from the panel, whose virtualised list still reaches the last finding. Every finding is still
 * counted. TinyMCE (the page scrolls its iframe, or the iframe its body) and UEditor (its iframe grows
 * with the content: only the page scrolls).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { EXTENSION_DIR, ensureExtensionBuilt, surfaceFrame } from './extension-helpers.ts';
import { launchBrowser, openEditor, setContent, startServer, type Browser, type CmsServer, type EditorKind } from './harness.ts';

const ID = '11010519491231002X';
const PARAGRAPHS = 300;
const PROSE = '为进一步做好城乡居民最低生活保障工作，根据有关规定，结合本县实际，现将有关情况公示如下。';
const draft = Array.from({ length: PARAGRAPHS }, (_, i) => `<p>第${i + 1}段。${PROSE}身份证号${ID}。</p>`).join('');

let browser: Browser;
let server: CmsServer;
let tab: Page;

beforeAll(async () => {
  await ensureExtensionBuilt();
  [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startServer()]);
  tab = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The paragraph numbers (第N段) of the ranges in the editor window's block highlight. */
const HIGHLIGHTED = `(() => {
  const h = CSS.highlights.get('precheck-block');
  return h ? [...h].map((r) => Number(/第(\\d+)段/.exec(r.startContainer.parentElement.textContent)[1])).sort((a, b) => a - b) : [];
})()`;
const highlighted = (frame: Frame) => frame.evaluate<number[]>(HIGHLIGHTED);

/** Scrolls paragraph n of the editor into view (the editor's own scroller or the page around it). */
async function scrollToParagraph(page: Page, frame: Frame, n: number): Promise<void> {
  await frame.evaluate(`document.body.children[${n - 1}].scrollIntoView({ block: 'center' })`);
  // an editor that grows with its content does not scroll itself: the page around its iframe does
  await page.evaluate(`(() => {
    const f = document.querySelector('iframe#content_ifr, iframe[id^="ueditor_"]');
    const p = f.contentDocument.body.children[${n - 1}].getBoundingClientRect();
    const r = f.getBoundingClientRect();
    window.scrollBy(0, r.top + p.top - innerHeight / 2);
  })()`);
}

const panel = (page: Page) => page.locator('precheck-panel');

describe.each<EditorKind>(['tinymce', 'ueditor'])('%s: highlights follow the screen', (kind) => {
  test('off-screen findings are highlighted only once scrolled to or brought up by 定位; the list reaches the last', async () => {
    await openEditor(tab, server, kind);
    await setContent(tab, draft);
    await tab.waitForFunction(`document.querySelector('precheck-panel')?.dataset.block === '${PARAGRAPHS}'`);
    const frame = await surfaceFrame(tab, kind);
    await scrollToParagraph(tab, frame, 1);

    // the top of the draft is painted, its end is not
    await expect.poll(() => highlighted(frame)).toContain(1);
    const first = await highlighted(frame);
    expect(first.length).toBeLessThan(PARAGRAPHS / 2);
    expect(first).not.toContain(PARAGRAPHS);

    // scrolled to the end: painted there, no longer at the top
    await scrollToParagraph(tab, frame, PARAGRAPHS);
    await expect.poll(() => highlighted(frame)).toContain(PARAGRAPHS);
    expect(await highlighted(frame)).not.toContain(1);

    // back at the top, the last finding is reached through the panel's list and 定位
    await scrollToParagraph(tab, frame, 1);
    await expect.poll(() => highlighted(frame)).not.toContain(PARAGRAPHS);
    await panel(tab).getByTestId('precheck-toggle').click();
    const rows = panel(tab).locator('[data-testid=precheck-findings] li[data-kind]');
    // virtualised: far fewer rows laid out than findings listed
    expect(await rows.count()).toBeLessThan(PARAGRAPHS / 2);
    await expect(panel(tab).getByTestId('precheck-findings').getAttribute('data-count')).resolves.toBe(String(PARAGRAPHS));
    await panel(tab).getByTestId('precheck-findings-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const last = panel(tab).locator(`[data-testid=precheck-findings] li[aria-posinset="${PARAGRAPHS}"]`);
    await last.getByRole('button').click();
    await expect.poll(() => frame.evaluate<string>('getSelection().anchorNode?.parentElement?.textContent ?? ""')).toContain(`第${PARAGRAPHS}段`);
    expect(await frame.evaluate<string>('String(getSelection())')).toBe(ID);
    await expect.poll(() => highlighted(frame)).toContain(PARAGRAPHS);
  });
});

/** Which of Precheck's highlight names hold ranges in the editor's window. */
const NAMES_IN_USE = `[...CSS.highlights.keys()].filter((n) => n.startsWith('precheck-') && CSS.highlights.get(n).size > 0).sort()`;

describe('ueditor: a long draft is highlighted without underlines', () => {
  test('over 100,000 characters the plain names are painted (an underlined highlight makes Chromium recompute every line), under it the underlined ones again', async () => {
    await openEditor(tab, server, 'ueditor');
    const long = 1800;
    await setContent(tab, Array.from({ length: long }, (_, i) => `<p>第${i + 1}段。${PROSE}身份证号${ID}。</p>`).join(''));
    await tab.waitForFunction(`document.querySelector('precheck-panel')?.dataset.block === '${long}'`, undefined, { timeout: 30_000 });
    const frame = await surfaceFrame(tab, 'ueditor');
    expect(await frame.evaluate<number>('document.body.textContent.length')).toBeGreaterThan(100_000);
    await expect.poll(() => frame.evaluate<string[]>(NAMES_IN_USE)).toEqual(['precheck-block-plain']);

    await setContent(tab, draft);
    await tab.waitForFunction(`document.querySelector('precheck-panel')?.dataset.block === '${PARAGRAPHS}'`);
    await expect.poll(() => frame.evaluate<string[]>(NAMES_IN_USE)).toEqual(['precheck-block']);
  });
});
