/**
 * Issue 11 on the real-CMS fixtures, with the extension and NO site adapter (a fresh install's policy
 * plus a roster): a draft holding an ID number is refused on every publish path (nothing carrying it
 * reaches the server); the checklist finds the CMS's title and 栏目 itself and asks for 信息类别 and
 * 公开方式 on its own; a complete sign-off is possible and lets exactly one POST out with the signed
 * content; the audit record and the printed review form carry the category and mode chosen. Draft
 * paths (emlog 保存草稿 / autosave, WordPress 保存草稿): one with an ID is refused; without an adapter
 * even a clean one waits for a sign-off (the picked adapters save it: cms-shipped-pick.e2e.test.ts).
 * cms-control.e2e.test.ts shows that every one of these requests does arrive without Precheck.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import type { Browser } from '../../lib/demo/browser.ts';
import { checklistClosed, checklistOpen, closeChecklist, dialog, pressChecklistPublish, waitForChecklist, waitForView } from '../../lib/demo/checklist-drive.ts';
import { CMS_FIXTURES, TITLE, type CmsFixture, type PublishPath } from '../../lib/demo/cms-fixtures.ts';
import { OWN_CHANNEL, SAMPLE_ID, openFixture, panelRefusals, prepareDraft, runSteps, setBody, signChecklist as signOwnFields, typeBody } from '../../lib/demo/cms-drive.ts';
import { demoPerson, demoPolicy } from '../../lib/demo/demo-policy.ts';
import type { CmsServer, RecordedRequest } from '../../lib/demo/server.ts';
import { flatBody } from '../../lib/demo/recorder.ts';
import { ARTICLE_7_CATALOGUE } from '../../lib/policy/catalogue.ts';
import { dumpRecords, waitForCounts } from './extension-helpers.ts';
import { closeAfterNavigation, closeCmsSession, openCmsSession } from './cms-session.ts';

const lisi = demoPerson('lisi');
/** 12 (社会保障 …) is not an important category: the reviewer alone signs. */
const CATEGORY = ARTICLE_7_CATALOGUE.find((c) => c.id === '12')!;
const MODE = '主动公开';

let browser: Browser;
let server: CmsServer;

beforeAll(async () => {
  ({ browser, server } = await openCmsSession(() => demoPolicy()));
}, 120_000);

afterAll(() => closeCmsSession(browser, server));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function field(r: RecordedRequest, name: string): string {
  const v = flatBody(r.body)[name];
  return Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : '';
}

/** Each fixture signs its own draft (a sign-off is bound to the content, so drafts must differ). */
const leaky = (f: CmsFixture) => `${f.name}：申请人身份证号${SAMPLE_ID}，请核对。`;
const clean = (f: CmsFixture) => `<p>${f.name}：资金已按时足额发放，名单请到乡镇民政办查阅。</p>`;
const EDIT = '另据补充说明';
const CHECKS_CHANNEL = ['dedecms', 'thinkcmf'];
const edited = (f: CmsFixture) => `<p>${f.name}：资金已按时足额发放，名单请到乡镇民政办查阅。${EDIT}，部分款项延后。</p>`;

async function open(f: CmsFixture, path = f.path): Promise<Page> {
  const page = await browser.context.newPage();
  await openFixture(page, server.url, { ...f, path });
  await page.locator('precheck-panel').waitFor({ state: 'attached' });
  return page;
}

const REFUSALS = `document.querySelector('precheck-panel')?.shadowRoot?.querySelectorAll('[data-testid="precheck-refusals"] li').length ?? 0`;

/**
 * Presses a publish path with the ID in the draft: a publish opens the checklist (stopped at the click,
 * or its request refused by the gate), a draft save is refused in the panel; nothing leaves.
 */
async function refused(page: Page, path: PublishPath): Promise<void> {
  const before = await page.evaluate<number>(REFUSALS);
  await runSteps(page, path.steps);
  if (path.draft) await expect.poll(() => page.evaluate<number>(REFUSALS), { timeout: 10_000 }).toBeGreaterThan(before);
  else {
    await waitForChecklist(page);
    await closeChecklist(page);
  }
  await sleep(800);
  expect(server.carrying(SAMPLE_ID)).toEqual([]);
}

const signChecklist = (page: Page) => signOwnFields(page, { category: CATEGORY.id, mode: MODE, reviewer: lisi });

describe.each(CMS_FIXTURES.map((f) => [f.id, f] as const))('%s, no adapter', (_id, fixture) => {
  test('the ID is refused on every path; title and 栏目 found; own category and mode signed; an edit after it refused; exactly one POST; audit and review form carry them', async () => {
    const page = await open(fixture);
    // The title typed, 栏目 still at the CMS's placeholder (请选择栏目… / 选择分类…) while it is refused —
    // except where the CMS's own script stops a submit without 栏目 (DedeCMS checkSubmit, ThinkCMF 请选择分类).
    const ownCheck = CHECKS_CHANNEL.includes(fixture.cms);
    await runSteps(page, fixture.fill.filter((s) => ownCheck || 'fill' in s));
    await typeBody(page, fixture, leaky(fixture));
    await waitForCounts(page, 1, 0, 10_000).catch(() => undefined);
    for (const path of fixture.publish) await refused(page, path);
    await runSteps(page, fixture.fill);

    await setBody(page, fixture, clean(fixture));
    const publish = fixture.publish.find((p) => !p.draft)!;
    const since = server.mark();
    await runSteps(page, publish.steps);
    await waitForChecklist(page);
    const d = dialog(page);
    await expect.poll(() => d.locator('[data-field=title]').innerText()).toContain(TITLE);
    // a form without 栏目 (SiteServer): the checklist asks for it itself, and signing waits for it
    if (fixture.fields.channel) expect((await d.locator('[data-field=channel]').innerText()).replace('栏目', '').trim()).not.toBe('');
    else await d.locator('[data-own-field=channel] input').waitFor();
    await signChecklist(page);
    expect(server.requests({ ...publish.expect, since })).toEqual([]);

    // Edited after the sign-off: the CMS's own publish is refused, nothing with the edit leaves.
    await closeChecklist(page);
    await setBody(page, fixture, edited(fixture));
    await runSteps(page, publish.steps);
    await waitForChecklist(page);
    await waitForView(page, (v) => !v.publishEnabled && !v.complete.signoff, 'the edit not covered by the sign-off');
    await sleep(800);
    expect(server.carrying(EDIT, { since })).toEqual([]);
    expect(server.requests({ ...publish.expect, since })).toEqual([]);

    // The edited text signed off in turn: one press, one POST, with that text.
    await signChecklist(page);
    await pressChecklistPublish(page);
    await checklistClosed(page);
    const [post] = await server.waitForRequests({ ...publish.expect, since });
    await sleep(1000);
    expect(server.requests({ ...publish.expect, since })).toHaveLength(1);
    expect(field(post!, publish.expect.titleField!)).toBe(TITLE);
    expect(field(post!, publish.expect.contentField!)).toContain(EDIT);
    expect(server.carrying(SAMPLE_ID)).toEqual([]);

    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${EXTENSION_ID}/options.html#audit`);
    const records = await dumpRecords(ext);
    // the CMS's placeholders are not values: none lands in the log, not even from the refusals above
    const mine = records.filter((r) => String(r.url).includes(fixture.path));
    expect(mine.filter((r) => r.event === 'publish-blocked').length).toBeGreaterThan(0);
    expect(JSON.stringify(mine)).not.toMatch(/请选择|选择分类/);
    const allowed = records.filter((r) => r.event === 'publish-allowed' && String(r.url).includes(fixture.path));
    expect(allowed).toHaveLength(1);
    expect(allowed[0]!.category).toBe(`${CATEGORY.id} ${CATEGORY.name}`);
    expect(allowed[0]!.disclosure).toBe(MODE);
    expect(allowed[0]!.title).toBe(TITLE);
    if (!fixture.fields.channel) expect(allowed[0]!.channel).toBe(OWN_CHANNEL);
    await ext.goto(`chrome-extension://${EXTENSION_ID}/review-form.html?seq=${String(allowed[0]!.seq)}`);
    await ext.locator('.review-form-page[data-ready="true"][data-found="true"]').waitFor();
    const paper = await ext.locator('.review-form').innerText();
    expect(paper).toContain(CATEGORY.name);
    expect(paper).toContain(MODE);
    await ext.close();
    await page.close();
  });
});

describe('the CMS keeps working with Precheck', () => {
  const list = async (path: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.locator('precheck-panel').waitFor({ state: 'attached' });
    return page;
  };

  test('PHPCMS list: a search for the draft title and 排序 reach the server', async () => {
    const page = await list('/cms/phpcms/content_list.html');
    let since = server.mark();
    await page.locator('#keyword').fill(TITLE);
    await page.locator('#btn-search').click({ noWaitAfter: true });
    const [search] = await server.waitForRequests({ method: 'GET', path: '/cms/phpcms/index.php', query: { a: 'init' }, since });
    expect(search!.query.keyword).toBe(TITLE);
    await expect.poll(() => page.locator('#status').innerText().catch(() => '')).toContain('搜索结果');
    // the search's own page load has finished: a goto racing it can end on the results page, which has no 排序
    await page.waitForURL(/a=init/, { waitUntil: 'load' });

    await page.goto(server.url + '/cms/phpcms/content_list.html', { waitUntil: 'load' });
    await page.locator('precheck-panel').waitFor({ state: 'attached' });
    since = server.mark();
    await page.locator('input[value="排序"]').click({ noWaitAfter: true });
    const [order] = await server.waitForRequests({ method: 'POST', path: '/cms/phpcms/index.php', query: { a: 'listorder' }, since });
    expect(order!.body['listorders[42]']).toBe('0');
    await closeAfterNavigation(page, '/cms/phpcms/index.php');
  });

  test('ThinkCMF list: 排序 by $.ajax reaches the server and the page shows its answer', async () => {
    const page = await list('/cms/thinkcmf/article_list.html');
    const since = server.mark();
    await page.locator('button[data-action$="listOrder.html"]').click();
    await server.waitForRequests({ method: 'POST', path: '/cms/thinkcmf/portal/admin_article/listOrder.html', since });
    await expect.poll(() => page.locator('#status').innerText()).toContain('排序更新成功');
    await page.close();
  });

  test('emlog without an adapter: its timed autosave of a clean draft is held without opening the checklist; with an ID it is refused', async () => {
    const fixture = CMS_FIXTURES.find((f) => f.id === 'emlog-article-write')!;
    const page = await open(fixture, `${fixture.path}?autosave=1000`);
    const autosave = { method: 'POST', path: '/cms/emlog/admin/article_save.php', query: { action: 'autosave' } };
    const since = server.mark();
    await prepareDraft(page, fixture, '乡镇民政办已按时发放本季度低保资金。');
    // a timer's save names no control: the refusal is listed, the checklist stays closed
    await expect.poll(() => panelRefusals(page), { timeout: 10_000 }).toContain('article_save.php');
    expect(await checklistOpen(page)).toBe(false);
    expect(server.requests({ ...autosave, since }).filter((r) => field(r, 'content').includes('按时发放'))).toEqual([]);

    await setBody(page, fixture, `<p>申请人身份证号${SAMPLE_ID}，请核对。</p>`);
    const before = await page.evaluate<number>(REFUSALS);
    await expect.poll(() => page.evaluate<number>(REFUSALS), { timeout: 10_000 }).toBeGreaterThan(before);
    await sleep(1500);
    expect(server.carrying(SAMPLE_ID)).toEqual([]);
    expect(server.requests({ ...autosave, since }).filter((r) => field(r, 'content').includes('按时发放'))).toEqual([]);
    await page.close();
  });
});
