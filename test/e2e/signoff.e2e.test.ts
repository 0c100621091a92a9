/**
 * Issue 5 in real Chromium on the demo CMS: a publish opens the pre-publish checklist; it lists the
 * draft's findings live, names the missing form fields, wants the reviewer's confirmations and a
 * PIN-verified sign-off bound to the draft's digest; only then does 发布 let the page's own publish run
 * exactly once. The server records what the page really posted.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import {
  checklistClosed,
  checklistView,
  confirmAll,
  dialog,
  markImportant,
  pressChecklistPublish,
  signAs,
  waitForChecklist,
  waitForView,
} from '../../lib/demo/checklist-drive.ts';
import { demoPerson, demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { EXTENSION_DIR, tabIdOf } from './extension-helpers.ts';
import {
  fillForm,
  launchBrowser,
  openEditor,
  publish,
  SAMPLE_FIELDS,
  setContent,
  sleep,
  startServer,
  waitForPosts,
  type Browser,
  type CmsServer,
  type EditorKind,
} from './harness.ts';

const ID = '11010519491231002X';
const LEAKY = `<p>低保新增对象公示：王丽，身份证号 ${ID}，家住城关镇。</p>`;
const FIXED = '<p>低保新增对象公示：王丽，家住城关镇。公示期七天。</p>';
/** 01 is not an important category in the default policy; 06 (财政预算、决算) is. */
const ORDINARY = { ...SAMPLE_FIELDS, title: '城关镇低保新增对象公示', category: '01' };
const lisi = demoPerson('lisi');
const principal = demoPerson('wangzr');
const self = demoPerson('zhangsan');

let browser: Browser;
let server: CmsServer;
let tab: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startServer()]);
  await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
  tab = await browser.context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const publishPosts = () => server.posts.filter((p) => p.path === '/api/publish');

/**
 * Sign-offs are kept for the draft they cover (that is the point): each test writes its own draft,
 * told apart by a word, so one test's sign-off never completes another's checklist.
 */
const STEMS = '甲乙丙丁戊己庚辛壬癸';
let drafts = 0;
const own = (html: string) => {
  const n = drafts++;
  return `${html}<p>第${STEMS[Math.floor(n / 10) % 10]}${STEMS[n % 10]}稿</p>`;
};

async function start(kind: EditorKind, html: string): Promise<Page> {
  server.reset();
  await tab.bringToFront();
  const { page } = await openEditor(tab, server, kind);
  await page.locator('precheck-panel').waitFor({ state: 'attached' });
  await setContent(page, html);
  // The policy answer and the first scan land before anything is pressed.
  await page.waitForFunction(`Number(document.querySelector('precheck-panel')?.dataset.block ?? -1) >= 0`);
  await sleep(400);
  return page;
}

async function stopPublish(page: Page, kind: EditorKind): Promise<void> {
  await publish(page, kind, 'click');
  await waitForChecklist(page);
}

/** The ordinary form filled in, the publish stopped, everything confirmed and 李四's sign-off given. */
async function signOffDraft(page: Page, kind: EditorKind): Promise<void> {
  await fillForm(page, kind, ORDINARY);
  await stopPublish(page, kind);
  await confirmAll(page);
  await signAs(page, 'reviewer', lisi.id, lisi.pin);
  await waitForView(page, (v) => v.complete.signoff && v.publishEnabled, 'signed off');
}

describe.each(['ueditor', 'tinymce', 'textarea'] as const)('%s', (kind) => {
  test('full flow: ID stops the publish, fix, fields, confirmations, wrong PIN, right PIN → exactly one POST with the final content', async () => {
    const page = await start(kind, own(LEAKY));
    await stopPublish(page, kind);
    let view = await waitForView(page, (v) => v.problems.includes('finding-block'), 'the ID listed');
    expect(view.publishEnabled).toBe(false);
    expect(view.text).not.toContain(ID);

    // Fixed in the editor while the checklist is open: the list updates by itself.
    await setContent(page, own(FIXED));
    view = await waitForView(page, (v) => v.complete.findings, 'findings cleared');
    expect(view.problems.filter((p) => p.startsWith('field-missing')).length).toBeGreaterThanOrEqual(4);
    // 转到该项 takes the editor to the CMS's own field.
    await dialog(page).locator('[data-action=goto-field][data-field=disclosure]').click();
    await expect.poll(() => page.evaluate(`document.activeElement && document.activeElement.name`)).toBe('disclosure');

    await fillForm(page, kind, ORDINARY);
    view = await waitForView(page, (v) => v.complete.fields, 'fields complete');
    expect(view.complete.confirm).toBe(false);
    await confirmAll(page);
    await waitForView(page, (v) => v.complete.confirm, 'confirmations');

    await signAs(page, 'reviewer', lisi.id, '0000');
    view = await waitForView(page, (v) => v.message.includes('PIN'), 'wrong PIN refused');
    expect(view.complete.signoff).toBe(false);
    expect(await dialog(page).locator('[data-input=pin-reviewer]').inputValue()).toBe('');

    await signAs(page, 'reviewer', lisi.id, lisi.pin);
    view = await waitForView(page, (v) => v.complete.signoff && v.publishEnabled, 'signed off');
    expect(publishPosts()).toHaveLength(0);

    await pressChecklistPublish(page);
    await checklistClosed(page);
    const [post] = await waitForPosts(server, { path: '/api/publish' });
    await sleep(800);
    expect(publishPosts()).toHaveLength(1);
    expect(String(post!.body.content)).toContain('公示期七天');
    expect(post!.raw).not.toContain(ID);
    expect(post!.body.title).toBe(ORDINARY.title);
  });
});

test('editing the draft after sign-off voids it, visibly, and the publish is stopped again', async () => {
  const kind = 'ueditor';
  const page = await start(kind, own(FIXED));
  await signOffDraft(page, kind);

  await setContent(page, own(FIXED.replace('七天', '十天')));
  const view = await waitForView(page, (v) => v.voided && !v.publishEnabled, 'sign-off voided');
  expect(view.text).toContain('内容已修改，需重新签发');

  await dialog(page).locator('[data-action=close]').click();
  await stopPublish(page, kind);
  await sleep(500);
  expect(publishPosts()).toHaveLength(0);
});

test('an important category needs the reviewer and the principal; the editor cannot sign their own draft', async () => {
  const kind = 'textarea';
  const page = await start(kind, own(FIXED));
  // 06 财政预算、决算 is important by default; the CMS header names the logged-in editor 张三.
  await fillForm(page, kind, { ...SAMPLE_FIELDS, reviewer: self.name });
  await stopPublish(page, kind);
  await confirmAll(page);
  let view = await waitForView(page, (v) => v.problems.includes('self-review'), 'the editor named as reviewer');
  const selfOption = dialog(page).locator(`[data-input=reviewer-select] option[value=${self.id}]`);
  expect(await selfOption.isDisabled()).toBe(true);
  // The page cannot be talked round either: with the option forced on, the background refuses.
  await selfOption.evaluate((o) => ((o as HTMLOptionElement).disabled = false));
  await signAs(page, 'reviewer', self.id, self.pin);
  view = await waitForView(page, (v) => v.message.length > 0, 'self-review refused');
  expect(view.message).toMatch(/同一人|编辑/);
  expect(view.complete.signoff).toBe(false);

  await fillForm(page, kind, { reviewer: lisi.name });
  await signAs(page, 'reviewer', lisi.id, lisi.pin);
  view = await waitForView(page, (v) => v.problems.includes('needs-principal'), 'principal wanted');
  expect(view.publishEnabled).toBe(false);

  await signAs(page, 'principal', principal.id, principal.pin);
  await waitForView(page, (v) => v.complete.signoff && v.publishEnabled, 'both signed');
  await pressChecklistPublish(page);
  await waitForPosts(server, { path: '/api/publish' });
  await sleep(500);
  expect(publishPosts()).toHaveLength(1);
});

test('another unit confirms by name (article 5); the editor can mark an item 重要信息, which asks for the principal too', async () => {
  const kind = 'textarea';
  const page = await start(kind, own(FIXED));
  await fillForm(page, kind, ORDINARY);
  await stopPublish(page, kind);
  await confirmAll(page);
  // Article 5: an item that concerns another unit needs that unit's confirmation, by name.
  const d = dialog(page);
  await d.locator('[data-confirm=other-unit]').check();
  await waitForView(page, (v) => !v.complete.confirm, 'other unit asked for');
  await d.locator('[data-input=other-unit-name]').fill('县民政局');
  await d.locator('[data-confirm=other-unit-confirmed]').check();
  await waitForView(page, (v) => v.complete.confirm, 'other unit confirmed');
  await signAs(page, 'reviewer', lisi.id, lisi.pin);
  await waitForView(page, (v) => v.publishEnabled, 'signed off');
  await markImportant(page);
  await waitForView(page, (v) => !v.publishEnabled && !v.complete.signoff, 'principal now needed');
  expect(await dialog(page).locator('[data-input=principal-select]').count()).toBe(1);
});

test('an overridable warning can be overridden with reason + PIN; a block finding cannot', async () => {
  const kind = 'textarea';
  // A lone office mobile is a warning (overridable by default); the ID in the same draft is a block.
  const page = await start(kind, own(`<p>咨询电话：13912345678。${LEAKY}</p>`));
  await fillForm(page, kind, ORDINARY);
  await stopPublish(page, kind);
  const d = dialog(page);
  await waitForView(page, (v) => v.problems.includes('finding-block') && v.problems.includes('finding-needs-override'), 'both listed');
  const blockRow = d.locator('[data-problem=finding-block]');
  expect(await blockRow.locator('[data-action=override]').count()).toBe(0);

  const warnRow = d.locator('[data-problem=finding-needs-override]').first();
  await warnRow.locator('[data-input=reason]').fill('本单位对外公开的咨询电话');
  await warnRow.locator('[data-input=override-reviewer]').selectOption(lisi.id);
  await warnRow.locator('[data-input=pin-override]').fill(lisi.pin);
  await warnRow.locator('[data-action=override]').click();
  const view = await waitForView(page, (v) => !v.problems.includes('finding-needs-override'), 'warning overridden');
  expect(view.problems).toContain('finding-block');
  expect(view.complete.findings).toBe(false);
});

test('a sign-off survives a reload of the same draft within the window', async () => {
  const kind = 'textarea';
  const draft = own(FIXED);
  let page = await start(kind, draft);
  await signOffDraft(page, kind);

  page = await start(kind, draft);
  await fillForm(page, kind, ORDINARY);
  await stopPublish(page, kind);
  const view = await waitForView(page, (v) => v.complete.signoff, 'sign-off found again after reload');
  expect(view.text).toContain(lisi.name);
  // The confirmations are the reviewer's act on this page: given again, then publishing works.
  await confirmAll(page);
  await waitForView(page, (v) => v.publishEnabled, 'publish available');
  expect((await checklistView(page)).voided).toBe(false);
});

test("the popup shows the tab's state at a glance: findings, fields, sign-off", async () => {
  const kind = 'textarea';
  const page = await start(kind, own(LEAKY));
  await fillForm(page, kind, { title: ORDINARY.title, category: ORDINARY.category });
  // A textarea filled by script fires no input event: its rescan comes with the next discovery tick.
  await page.waitForFunction(`document.querySelector('precheck-panel')?.dataset.block === '1'`);
  const url = page.url();
  const tabId = await tabIdOf(browser.context, url);
  const popup = await browser.context.newPage();
  const look = async () => {
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${tabId}`);
    const state = popup.locator('[data-tab-state=active]');
    await state.waitFor();
    return {
      block: await state.locator('[data-severity=block]').getAttribute('data-count'),
      fields: await state.locator('[data-field]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-field')}:${e.getAttribute('data-ok')}`)),
      signoff: await state.locator('[data-signoff]').getAttribute('data-signoff'),
    };
  };
  const before = await look();
  expect(before.block).toBe('1');
  expect(before.fields).toEqual(expect.arrayContaining(['title:true', 'category:true', 'disclosure:false', 'reviewer:false']));
  expect(before.signoff).toBe('none');

  await page.bringToFront();
  await setContent(page, own(FIXED));
  await signOffDraft(page, kind);
  const after = await look();
  expect(after.block).toBe('0');
  expect(after.fields.every((f) => f.endsWith(':true'))).toBe(true);
  expect(after.signoff).toBe('signed');
  await popup.close();
});

test('an ID added in UEditor source mode after sign-off, invisible on the page, still refuses the release', async () => {
  const kind = 'ueditor';
  const page = await start(kind, own(FIXED));
  await signOffDraft(page, kind);

  // Source mode: what UEditor will submit now differs from the editing area the page shows.
  await page.evaluate(`ue.execCommand('source')`);
  await page.evaluate(`document.querySelector('.CodeMirror').CodeMirror.setValue('<p>公示期七天。</p><p>身份证号 ${ID}</p>')`);
  expect(await page.evaluate(`ue.getContent()`)).toContain(ID);
  await pressChecklistPublish(page);
  const view = await waitForView(page, (v) => v.message.includes('看不到'), 'hidden finding refused');
  expect(view.message).not.toContain(ID);
  await sleep(800);
  expect(publishPosts()).toHaveLength(0);
});
