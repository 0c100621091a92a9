/**
 * Issue 13, the editor's side of the screen, in real Chromium at 1366×768 in Chinese: the checklist
 * opens docked beside the editor, never over its text area; the draft stays editable beside it and
 * the list follows; 定位 scrolls the editor to the finding, selects it and flashes it; 转到该项 focuses
 * the CMS's own field where it can be seen; Esc gives focus back to the CMS's 发布.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import { idCheckChar } from '../../lib/scan/checksums';
import { checklistView, dialog, waitForChecklist, waitForView } from '../../lib/demo/checklist-drive.ts';
import { describeViolations, runAxe, serious } from './axe.ts';
import { tabIdOf } from './extension-helpers.ts';
import { useLaptop } from './laptop-fixture.ts';
import { editorPage, openEditor, publish, setContent, sleep, type EditorKind } from './harness.ts';

const ID = '11010519491231002X';
/** Enough paragraphs that the ID is far below the editor's first screen. */
const FILLER = Array.from({ length: 60 }, (_, i) => `<p>第${i + 1}段：城关镇低保工作情况说明，公示期七天。</p>`).join('');
const LONG = `${FILLER}<p>低保新增对象：王丽，身份证号 ${ID}，家住城关镇。</p><p>公示结束。</p>`;

const ID2 = `11010519800101100${idCheckChar('11010519800101100')}`;

const laptop = useLaptop();

async function start(kind: EditorKind, html: string): Promise<Page> {
  laptop.server.reset();
  const { page } = await openEditor(laptop.tab, laptop.server, kind);
  await page.locator('precheck-panel').waitFor({ state: 'attached' });
  await setContent(page, html);
  await page.waitForFunction(`Number(document.querySelector('precheck-panel')?.dataset.block ?? 0) > 0`);
  await publish(page, kind, 'click');
  await waitForChecklist(page);
  return page;
}

/** What the top document has at points across the editor's text area (its iframe, clipped to the viewport). */
function hitsOverEditor(page: Page, frameSelector: string): Promise<{ points: number; hits: string[] }> {
  return page.evaluate(`(() => {
    const frame = document.querySelector(${JSON.stringify(frameSelector)});
    frame.scrollIntoView({ block: 'nearest' });
    const r = frame.getBoundingClientRect();
    const top = Math.max(r.top, 0) + 10, bottom = Math.min(r.bottom, innerHeight) - 10;
    const hits = [];
    for (const fx of [0.02, 0.5, 0.98]) for (const fy of [0, 0.5, 1]) {
      const el = document.elementFromPoint(r.left + fx * r.width, top + fy * (bottom - top));
      hits.push(el === frame ? 'editor' : el ? el.tagName.toLowerCase() : 'none');
    }
    return { points: hits.length, hits };
  })()`);
}

/** Where the editor's selection is on screen, relative to the top viewport, and whether it flashes. */
function selectionOnScreen(page: Page, frameSelector: string): Promise<{ text: string; top: number; bottom: number; viewport: number; flashing: boolean }> {
  return page.evaluate(`(() => {
    const frame = document.querySelector(${JSON.stringify(frameSelector)});
    const win = frame.contentWindow;
    const sel = win.getSelection();
    const range = sel.rangeCount ? sel.getRangeAt(0) : null;
    const inner = range ? range.getBoundingClientRect() : { top: -1, bottom: -1 };
    const outer = frame.getBoundingClientRect();
    return {
      text: sel.toString(),
      top: outer.top + inner.top,
      bottom: outer.top + inner.bottom,
      viewport: innerHeight,
      flashing: win.CSS.highlights.has('precheck-flash'),
    };
  })()`);
}

describe.each(['ueditor', 'tinymce'] as const)('%s', (kind) => {
  const frame = editorPage(kind).surfaceFrames[0]!;

  test('the checklist is docked beside the editor: its text area is never under it, and stays editable', async () => {
    const page = await start(kind, LONG);
    const { hits } = await hitsOverEditor(page, frame);
    expect(hits).toEqual(Array(9).fill('editor'));
    // The dock is there, on the right, beside the editor.
    const [dockLeft, editorRight] = await page.evaluate<[number, number]>(`[document.querySelector('precheck-checklist').getBoundingClientRect().left, document.querySelector(${JSON.stringify(frame)}).getBoundingClientRect().right]`);
    expect(dockLeft).toBeGreaterThanOrEqual(editorRight);
    await page.screenshot({ path: `test-output/issue13-dock-${kind}.png` });

    // Typed beside the open checklist: the draft changes and the list follows by itself.
    await setContent(page, `${FILLER}<p>公示结束。</p>`);
    const view = await waitForView(page, (v) => v.complete.findings, 'the ID gone from the list');
    expect(view.problems).not.toContain('finding-block');
    expect(await page.evaluate(`!!document.querySelector('precheck-checklist').shadowRoot.querySelector('[role=dialog]')`)).toBe(true);
  });

  test('定位 scrolls the editor to the finding, selects and flashes it', async () => {
    const page = await start(kind, LONG);
    // The editor at its top, the ID far below.
    await page.evaluate(`(() => { const f = document.querySelector(${JSON.stringify(frame)}); f.contentWindow.scrollTo(0, 0); scrollTo(0, 0); })()`);
    await dialog(page).locator('[data-finding] [data-action=goto-finding]').first().click();
    await expect.poll(() => selectionOnScreen(page, frame).then((s) => s.text)).toBe(ID);
    const seen = await selectionOnScreen(page, frame);
    expect(seen.flashing).toBe(true);
    expect(seen.top).toBeGreaterThanOrEqual(0);
    expect(seen.bottom).toBeLessThanOrEqual(seen.viewport);
    await page.screenshot({ path: `test-output/issue13-locate-${kind}.png` });
    // Nothing was changed by looking.
    expect((await checklistView(page)).problems).toContain('finding-block');
  });
});

test('转到该项 focuses a CMS field the editor can see; Esc closes and gives focus back to the CMS 发布', async () => {
  const page = await start('ueditor', LONG);
  await dialog(page).locator('[data-action=goto-field][data-field=disclosure]').click();
  await expect.poll(() => page.evaluate(`document.activeElement && document.activeElement.name`)).toBe('disclosure');
  const covered = await page.evaluate(`(() => {
    const el = document.activeElement; const r = el.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) !== el;
  })()`);
  expect(covered).toBe(false);

  await dialog(page).locator('[data-action=collapse]').focus();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(`document.activeElement && document.activeElement.id`)).toBe('btn-publish');
  expect(await page.evaluate(`getComputedStyle(document.documentElement).marginRight`)).toBe('0px');
  await sleep(100);
});

/**
 * The four counts of block findings an editor can read: the panel's, the checklist's, the popup's
 * state block and the popup's 扫描此页面 (which on a CMS edit page must scan the draft, not the page).
 */
async function counts(page: Page): Promise<{ panel: string; checklist: number; popup: string; pageScan: number }> {
  const view = await checklistView(page);
  const popup = await laptop.browser.context.newPage();
  try {
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${await tabIdOf(laptop.browser.context, page.url())}`);
    const state = popup.locator('[data-tab-state=active]');
    await state.waitFor();
    await popup.locator('[data-scan-page]').click();
    const result = popup.locator('[data-scan-result]');
    await result.waitFor();
    return {
      panel: String(await page.evaluate(`document.querySelector('precheck-panel').dataset.block`)),
      checklist: view.problems.filter((p) => p === 'finding-block').length,
      popup: String(await state.locator('[data-severity=block]').getAttribute('data-count')),
      pageScan: await result.locator('li[data-severity=block]').count(),
    };
  } finally {
    await popup.close();
    await page.bringToFront();
  }
}

test('one status: after each fix the panel, the checklist, the popup and its page scan give the same count', async () => {
  const page = await start('ueditor', `<p>王丽，身份证号 ${ID}；李强，身份证号 ${ID2}。</p>`);
  await waitForView(page, (v) => v.problems.filter((p) => p === 'finding-block').length === 2, 'two IDs');
  expect(await counts(page)).toEqual({ panel: '2', checklist: 2, popup: '2', pageScan: 2 });

  await setContent(page, `<p>王丽，身份证号 ${ID}；李强（已删除）。</p>`);
  await waitForView(page, (v) => v.problems.filter((p) => p === 'finding-block').length === 1, 'one ID left');
  expect(await counts(page)).toEqual({ panel: '1', checklist: 1, popup: '1', pageScan: 1 });
  // The panel's stopped-publish box says the same number, never the count from before the fix.
  const box = await page.evaluate<string>(`document.querySelector('precheck-panel').shadowRoot.querySelector('[data-testid=precheck-blocked]')?.textContent ?? ''`);
  expect(box).toContain('有 1 项必须处理');

  await dialog(page).locator('[data-action=mask-group]').first().click();
  await waitForView(page, (v) => v.complete.findings, 'masked');
  expect(await counts(page)).toEqual({ panel: '0', checklist: 0, popup: '0', pageScan: 0 });
});

test('axe-core: the docked checklist and the open panel have no serious violations; both speak only Chinese', async () => {
  const page = await start('ueditor', LONG);
  await page.evaluate(`document.querySelector('precheck-panel').shadowRoot.querySelector('[data-testid=precheck-toggle]')?.click()`);
  const found = await runAxe(page, { include: [{ fromShadowDom: ['precheck-checklist', '[role=dialog]'] }, { fromShadowDom: ['precheck-panel', 'section'] }] });
  expect(serious(found), describeViolations(serious(found))).toEqual([]);
  const text = await page.evaluate<string>(`document.querySelector('precheck-checklist').shadowRoot.querySelector('[role=dialog]').innerText + document.querySelector('precheck-panel').shadowRoot.querySelector('section').innerText`);
  // No English glosses: the only Latin letters are PIN and the masked excerpt's own.
  expect(text.replace(/PIN/g, '').match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
  await page.screenshot({ path: 'test-output/issue13-panel-and-checklist.png' });
});

/** A long 公示 list: more than 50,000 characters (a large draft) and 600 IDs, each in its own paragraph. */
const ROWS = 600;
const BIG = Array.from({ length: ROWS }, (_, i) => `<p>第${i + 1}段：城关镇2024年第四季度城乡居民最低生活保障新增对象公示，公示期七天，如有异议请于公示期内向县民政局社会救助股实名反映。身份证号 ${ID}。</p>`).join('');

test('a large draft: the checklist lies over the page without narrowing it, and every one of its findings is reachable by scrolling its list', async () => {
  const kind = 'tinymce';
  const frame = editorPage(kind).surfaceFrames[0]!;
  laptop.server.reset();
  const { page } = await openEditor(laptop.tab, laptop.server, kind);
  await page.locator('precheck-panel').waitFor({ state: 'attached' });
  await setContent(page, BIG);
  await page.waitForFunction(`document.querySelector('precheck-panel')?.dataset.block === '${ROWS}'`, null, { timeout: 30_000 });
  await publish(page, kind, 'click');
  await waitForChecklist(page);
  // Narrowing the page would make the editor lay the whole draft out again: the dock lies over its edge.
  expect(await page.evaluate(`getComputedStyle(document.documentElement).marginRight`)).toBe('0px');

  const list = dialog(page).locator('[data-findings-scroll]');
  await expect.poll(() => list.locator('[data-findings-count]').getAttribute('data-findings-count')).toBe(String(ROWS));
  // One group of 600, folded until opened; opened, only the rows in the list's window are laid out.
  await list.locator('[data-action=toggle-group]').click();
  await expect.poll(() => list.locator('[data-finding]').count()).toBeGreaterThan(0);
  expect(await list.locator('[data-finding]').count()).toBeLessThan(ROWS / 4);

  await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  // the group's head is line 0, its rows 1…600
  const last = list.locator(`[data-index="${ROWS}"]`);
  await last.locator('[data-action=goto-finding]').click();
  await expect.poll(() => page.frameLocator(frame).locator('body').evaluate(() => getSelection()?.anchorNode?.parentElement?.textContent ?? '')).toContain(`第${ROWS}段`);
  expect(await page.frameLocator(frame).locator('body').evaluate(() => String(getSelection()))).toBe(ID);
});
