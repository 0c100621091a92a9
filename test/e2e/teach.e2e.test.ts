/**
 * "Teach Precheck this CMS": on a page whose publish control the built-in heuristics miss (a styled
 * <div> reading 「确定」 — lib/demo/pages/nonstandard.html), the administrator starts pick mode (as
 * the popup does: tabs.sendMessage({type:'precheck:teach'}) to the tab's top frame), clicks the
 * title, category and reviewer fields and the control, and the taught site adapter lands in the
 * local policy. Before teaching, a click on 「确定」 reaches the page's handler and only the page-world
 * fetch guard refuses its request; after teaching, the click itself is stopped (the page's handler
 * never runs), at once and after a reload.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { checklistOpen, closeChecklist, waitForChecklist } from '../../lib/demo/checklist-drive.ts';
import { CMS_FIXTURES } from '../../lib/demo/cms-fixtures.ts';
import { SAMPLE_ID, expectSuccess, openFixture, panelRefusals, prepareDraft, runSteps, successWindow } from '../../lib/demo/cms-drive.ts';
import { EXTENSION_DIR, serviceWorker } from './extension-helpers.ts';
import { formRoot, launchBrowser, openEditor, setContent, startServer, type Browser, type CmsServer } from './harness.ts';

let browser: Browser;
let server: CmsServer;
let cms: Page;

const CONFIRM = 'div[data-act="p"]';
/** Long enough to be a draft the gate recognises (a few words are nothing to publish). */
const DRAFT = '本周县政府办公室工作安排如下：周一召开全县防汛工作部署会议，周三开展政务公开专项检查，周五报送季度信息公开工作总结。';

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

async function clickCentre(selector: string): Promise<void> {
  const box = await cms.locator(selector).boundingBox();
  if (!box) throw new Error(`no box for ${selector}`);
  await cms.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

function skipStep(): Promise<void> {
  return cms.locator('precheck-teach .skip').click();
}

/** Teach mode on the list page (as the popup starts it, in every tab's top frame); waits for its first step. */
async function startListTeach() {
  const sw = await serviceWorker(browser.context);
  await sw.evaluate(`(async () => {
    for (const t of await chrome.tabs.query({})) await chrome.tabs.sendMessage(t.id, { type: 'precheck:teach' }, { frameId: 0 }).catch(() => {});
  })()`);
  await cms.locator('precheck-teach[data-step="listPublish"]').waitFor({ state: 'attached', timeout: 5_000 });
  return sw;
}

function confirmRuns(): Promise<number> {
  return cms.evaluate('window.__confirmRuns');
}

function blockedShown(): Promise<string | undefined> {
  return cms.evaluate(`document.querySelector('precheck-panel')?.dataset.blocked`);
}

test('an administrator teaches Precheck a CMS page whose publish control it missed', async () => {
  // Before: the click reaches the page's handler; only its fetch is refused (page-world guard).
  await open();
  await cms.locator('[name="f_0001"]').fill('测试标题');
  await cms.locator(CONFIRM).click();
  expect(await confirmRuns()).toBe(1);
  await cms.waitForFunction(`document.querySelector('precheck-panel')?.dataset.blocked === 'true'`);
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
  // this form has no 栏目 field: skipped
  await step('channel');
  await skipStep();
  await step('category');
  await clickCentre('[name="f_0002"]');
  await step('disclosure');
  await skipStep();
  await step('reviewer');
  // A click on the field's label cell is not a field; the reviewer input itself is.
  await clickCentre('[name="f_0003"]');
  await step('publish');
  // On the icon inside the control: the control itself is taught.
  await clickCentre(`${CONFIRM} i`);
  // this page has no 保存草稿 to show
  await step('draftSave');
  await skipStep();
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

  // At once: the click layer stops 「确定」 before the page's handler runs (on a draft: an empty
  // form is nothing to publish).
  await cms.locator('#content').fill(DRAFT);
  await cms.locator(CONFIRM).click();
  await cms.waitForFunction(`document.querySelector('precheck-panel')?.dataset.blocked === 'true'`);
  expect(await confirmRuns()).toBe(0);

  // And on the next load.
  await open();
  await cms.locator('#content').fill(DRAFT);
  await cms.locator(CONFIRM).click();
  await cms.waitForFunction(`document.querySelector('precheck-panel')?.dataset.blocked === 'true'`);
  expect(await confirmRuns()).toBe(0);
  expect(server.posts.filter((p) => p.path === '/api/publish')).toHaveLength(0);
});

test('on an article list, teach mode asks for the list publish control and holds it from then on', async () => {
  // PbootCMS's per-row 点击开启 link: a GET without a publish word, not held without an adapter.
  const list = '/cms/pbootcms/content_list.html';
  const sent = () => server.requests({ method: 'GET', path: '/cms/pbootcms/admin.php' }).length;
  await cms.goto(server.url + list);
  await cms.locator('precheck-panel').waitFor({ state: 'attached', timeout: 10_000 });
  const before = sent();
  await cms.locator('#status-42').click({ noWaitAfter: true });
  await expect.poll(sent).toBe(before + 1);
  await cms.waitForURL(/admin\.php/);

  await cms.goto(server.url + list);
  await cms.locator('precheck-panel').waitFor({ state: 'attached', timeout: 10_000 });
  await cms.waitForTimeout(2_600);
  const sw = await startListTeach();
  await clickCentre('#status-43');
  await cms.locator('precheck-teach[data-step="done"]').waitFor({ state: 'attached', timeout: 5_000 });
  // picking the link did not follow it
  expect(sent()).toBe(before + 1);
  const stored = await sw.evaluate<{ policy?: { adapters: { match: string[]; listPublish?: unknown[] }[] } }>(`chrome.storage.local.get('policy')`);
  const taught = stored.policy?.adapters.find((a) => a.match[0]!.includes('content_list.html'));
  expect(taught?.listPublish).toMatchObject([{ method: 'GET', ids: { from: 'query', name: 'p' } }]);

  await cms.locator('#status-43').click({ noWaitAfter: true });
  await expect.poll(() => panelRefusals(cms), { timeout: 10_000 }).toContain('县政府常务会议研究部署防汛工作 (ID 43)');
  await cms.waitForTimeout(800);
  expect(sent()).toBe(before + 1);
});

test('a list control whose request a script builds (DedeCMS checkArc) is taught by pressing it once while Precheck holds the request', async () => {
  const list = '/cms/dedecms/dede/content_list.html';
  const sent = () => server.requests({ path: '/cms/dedecms/dede/archives_do.php' }).length;
  await cms.goto(server.url + list);
  await cms.locator('precheck-panel').waitFor({ state: 'attached', timeout: 10_000 });
  const before = sent();
  const sw = await startListTeach();
  // javascript:checkArc(0): the markup names no address, so teach mode asks to be shown
  await clickCentre('#btn-check');
  await cms.locator('precheck-teach[data-step="demonstrate"]').waitFor({ state: 'attached', timeout: 5_000 });
  await cms.locator('input[name="arcID"][value="42"]').check();
  await cms.locator('input[name="arcID"][value="44"]').check();
  await cms.locator('#btn-check').click({ noWaitAfter: true });
  await cms.locator('precheck-teach[data-step="done"]').waitFor({ state: 'attached', timeout: 5_000 });
  // shown, not sent: the page is still the list
  await cms.waitForTimeout(500);
  expect(sent()).toBe(before);
  expect(new URL(cms.url()).pathname).toBe(list);
  const stored = await sw.evaluate<{ policy?: { adapters: { match: string[]; listPublish?: unknown[] }[] } }>(`chrome.storage.local.get('policy')`);
  const taught = stored.policy?.adapters.find((a) => a.match[0]!.includes('dedecms/dede/content_list.html'));
  expect(taught?.listPublish).toMatchObject([{ method: 'GET', ids: { from: 'query', name: 'qstr', separator: '`' }, rowCheckbox: 'input[type="checkbox"][name="arcID"]' }]);

  // from now on the list's 审核 is read by that rule: the unsigned items are named by their titles
  await cms.locator('input[name="arcID"][value="42"]').uncheck();
  await cms.locator('input[name="arcID"][value="43"]').check();
  await cms.locator('#btn-check').click({ noWaitAfter: true });
  await expect.poll(() => panelRefusals(cms), { timeout: 10_000 }).toContain('县政府常务会议研究部署防汛工作 (ID 43)');
  expect(await panelRefusals(cms)).toContain('(ID 44)');
  await cms.waitForTimeout(800);
  expect(sent()).toBe(before);
});

/** The CMSes whose 草稿 the fixtures send: a button of its own (WordPress, emlog) or the publish's save with a state (SSCMS level -99, PublicCMS draft=on). */
const DRAFT_FIXTURES = CMS_FIXTURES.filter((f) => f.publish.some((p) => p.draft));

test.each(DRAFT_FIXTURES.map((f) => [f.name, f] as const))('%s (no adapter): teach mode is shown 保存草稿 and 发布 once each, holds both, and from then on a clean draft is saved while a publish still waits', async (_name, fixture) => {
  const save = fixture.publish.find((p) => p.draft)!;
  const publish = fixture.publish.find((p) => !p.draft)!;
  const publishControl = [...publish.steps].reverse().find((s) => 'click' in s) as { click: string };
  const saves = (since: number) => server.requests({ ...save.expect, since });
  const publishes = (since: number) => server.requests({ ...publish.expect, since });
  const clean = '乡镇民政办已按时发放本季度低保资金。';
  const openDraft = async (text: string) => {
    await openFixture(cms, server.url, fixture);
    await cms.locator('precheck-panel').waitFor({ state: 'attached' });
    await prepareDraft(cms, fixture, text);
  };

  // Without an adapter a clean 保存草稿 waits for a sign-off like 发布.
  await openDraft(clean);
  let since = server.mark();
  await runSteps(cms, save.steps);
  await waitForChecklist(cms);
  await closeChecklist(cms);

  const sw = await serviceWorker(browser.context);
  await sw.evaluate(`(async () => {
    for (const t of await chrome.tabs.query({})) await chrome.tabs.sendMessage(t.id, { type: 'precheck:teach' }, { frameId: 0 }).catch(() => {});
  })()`);
  const step = (s: string) => cms.locator(`precheck-teach[data-step="${s}"]`).waitFor({ state: 'attached', timeout: 5_000 });
  await step('title');
  await clickCentre(fixture.fields.title);
  for (const s of ['channel', 'category', 'disclosure', 'reviewer']) {
    await step(s);
    await skipStep();
  }
  await step('publish');
  await clickCentre(publishControl.click);
  // The page is live now: its own controls, pressed for real, their requests held.
  await step('draftSave');
  await runSteps(cms, save.steps);
  await step('draftPublish');
  expect(await checklistOpen(cms)).toBe(false);
  await runSteps(cms, publish.steps);
  await step('done');
  expect(await cms.locator('precheck-teach').evaluate((el) => el.shadowRoot!.textContent)).toContain('没有敏感信息的草稿可直接保存');
  // shown, not sent
  await cms.waitForTimeout(500);
  expect([...saves(since), ...publishes(since)]).toEqual([]);
  const stored = await sw.evaluate<{ policy?: { adapters: { match: string[]; draftRequests?: unknown[]; publishRequests?: unknown[]; publishButtons?: unknown[] }[] } }>(`chrome.storage.local.get('policy')`);
  const taught = stored.policy?.adapters.find((a) => a.match[0]!.includes(fixture.path.split('?')[0]!));
  expect(taught?.draftRequests).toHaveLength(1);
  // the publish shown, then the draft's state fields sent otherwise (WordPress: post_status …)
  expect(taught?.publishRequests?.length).toBeGreaterThanOrEqual(1);
  // SSCMS's and PublicCMS's draft is saved by the publish control itself: its click is not stopped, its requests are judged
  const shared = save.steps.some((s) => 'click' in s && s.click === publishControl.click);
  expect(taught?.publishButtons).toHaveLength(shared ? 0 : 1);

  // From now on: a clean 保存草稿 is saved, no checklist …
  await openDraft(clean);
  since = server.mark();
  const shown = successWindow(cms, save);
  await runSteps(cms, save.steps);
  const [saved] = await server.waitForRequests({ ...save.expect, since });
  expect(JSON.stringify(saved!.body)).toContain('按时发放');
  await expectSuccess(cms, save, shown);
  expect(await checklistOpen(cms)).toBe(false);
  // … one holding an ID is refused …
  await openDraft(`申请人身份证号${SAMPLE_ID}，请核对。`);
  since = server.mark();
  await runSteps(cms, save.steps);
  await expect.poll(() => panelRefusals(cms), { timeout: 10_000 }).toContain(save.expect.path.split('/').at(-1)!);
  // … a clean 保存草稿 whose state a script set to live waits for the checklist (WordPress publishes
  // such a save: _wp_translate_postdata reads post_status) …
  if (fixture.cms === 'wordpress') {
    await openDraft(clean);
    since = server.mark();
    await cms.evaluate(`document.querySelector('#post_status').add(new Option('已发布', 'publish', true, true))`);
    await runSteps(cms, save.steps);
    await waitForChecklist(cms);
    await closeChecklist(cms);
    await cms.waitForTimeout(500);
    expect(saves(since)).toEqual([]);
  }
  // … and 发布 of the clean draft still waits for the checklist and a sign-off.
  await openDraft(clean);
  await runSteps(cms, publish.steps);
  await waitForChecklist(cms);
  await cms.waitForTimeout(800);
  expect([...saves(since), ...publishes(since)]).toEqual([]);
  expect(server.carrying(SAMPLE_ID)).toEqual([]);
});

test('TRS WCM (the form in a same-origin frame, the body in a frame inside it): the hold covers the frames — shown, nothing is sent — and the rules come from the framed requests', async () => {
  await openEditor(cms, server, 'trs-wcm');
  await cms.locator('precheck-panel').waitFor({ state: 'attached', timeout: 10_000 });
  await cms.waitForTimeout(600);
  await setContent(cms, '<p>乡镇民政办已按时发放本季度低保资金。</p>');
  const form = formRoot(cms, 'trs-wcm') as FrameLocator;
  await form.locator('#title').fill('关于低保资金发放情况的公示');
  // The demo policy's adapter declares /api/draft: a clean 保存草稿 there would go out unless the hold reaches this frame.
  const sent = () => server.posts.filter((p) => p.path === '/api/draft' || p.path === '/api/publish').length;
  const before = sent();

  const sw = await serviceWorker(browser.context);
  await sw.evaluate(`(async () => {
    for (const t of await chrome.tabs.query({})) await chrome.tabs.sendMessage(t.id, { type: 'precheck:teach' }, { frameId: 0 }).catch(() => {});
  })()`);
  const step = (s: string) => cms.locator(`precheck-teach[data-step="${s}"]`).waitFor({ state: 'attached', timeout: 5_000 });
  const pickIn = async (selector: string) => {
    const box = await form.locator(selector).boundingBox();
    if (!box) throw new Error(`no box for ${selector}`);
    await cms.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  };
  await step('title');
  await pickIn('#title');
  for (const s of ['channel', 'category', 'disclosure', 'reviewer']) {
    await step(s);
    await skipStep();
  }
  await step('publish');
  await pickIn('#btn-publish');
  await step('draftSave');
  await form.locator('#btn-draft').click();
  await step('draftPublish');
  await form.locator('#btn-publish').click();
  await step('done');
  await cms.waitForTimeout(500);
  expect(sent()).toBe(before);
  const stored = await sw.evaluate<{ policy?: { adapters: { match: string[]; fields: { framePath?: string[] }; draftRequests?: { urlPattern: string }[]; publishRequests?: { urlPattern: string }[] }[] } }>(`chrome.storage.local.get('policy')`);
  const taught = stored.policy?.adapters.find((a) => a.match[0]!.includes('trs-wcm.html'));
  expect(taught?.fields.framePath).toHaveLength(1);
  expect(taught?.draftRequests?.[0]?.urlPattern).toContain('api\\/draft');
  expect(taught?.publishRequests?.[0]?.urlPattern).toContain('api\\/publish');

  // Taught: the clean 保存草稿 is saved, 发布 waits for the checklist.
  await form.locator('#btn-draft').click();
  await expect.poll(() => server.posts.filter((p) => p.path === '/api/draft').length - before, { timeout: 10_000 }).toBe(1);
  await form.locator('#btn-publish').click();
  await waitForChecklist(cms);
  expect(server.posts.filter((p) => p.path === '/api/publish')).toHaveLength(0);
});
