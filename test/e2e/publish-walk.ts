/**
 * Walks the shared publish-route table (lib/demo/publish-routes.ts) on one mock CMS page whose draft
 * holds an ID number, over a PageDriver: the Chromium suite (extension.e2e.test.ts) and the Firefox
 * suite (test/e2e-firefox/) run the same checks. Gate v2: the page's own handlers may run; what is
 * judged is what leaves. After each route nothing carrying the ID has reached the server, no publish
 * POST arrived, the page did not navigate away, and where the route publishes the panel says it was
 * stopped. Then the CMS keeps working: a list load arrives, a draft save holding the ID is refused, a
 * clean 保存草稿 posts once.
 */
import { expect } from 'vitest';
import { cmsReady, clickDraft, editorPage, fillForm, htmlToText, setContent, sleep, statusText, waitForPosts, type CmsServer, type EditorKind } from '../../lib/demo/drive.ts';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import { installPageHandlers, publishRoutes } from '../../lib/demo/publish-routes.ts';
import { collapsePanel, waitForBlockShown, waitForCounts } from './extension-helpers.ts';

export const ID = '11010519491231002X';
/** A draft with one block finding (the ID) and one warning (a lone mobile). */
export const leakyDraft = (id = ID) => `<p>低保公示 张三 身份证号 ${id} 咨询电话 13912345678</p>`;
export const CLEAN_DRAFT = '<p>关于城关镇2024年度财政预算执行情况的公告（草稿，无个人信息）</p>';

/** How long a refused route is watched for a request that should not come. */
const SETTLE_MS = 300;

export type RouteRecord = (route: string, result: string) => void;

/** Loads the page with the leaky draft, the form filled and the page's Ctrl+S handlers installed. */
async function loadLeaky(driver: PageDriver, server: CmsServer, kind: EditorKind): Promise<void> {
  const info = editorPage(kind);
  await driver.goto(server.url + info.path);
  // Nested frames (TRS WCM: frame page → form frame → body frame) each load the extension's scripts;
  // on a loaded 2-core machine that has taken over 20 s (seen in the route walk, not reproduced alone).
  await cmsReady(driver, 40_000);
  await driver.waitFor(`!!document.querySelector('precheck-panel')`, { timeout: 10_000 });
  await fillForm(driver, kind);
  await setContent(driver, leakyDraft());
  await installPageHandlers(driver, info);
  await waitForCounts(driver, 1, 1);
}

/**
 * Every route of the table on `kind`'s page: nothing carrying the ID leaves. Soft assertions, one per
 * route (a failing route reloads the page for the next); `record` gets each route's result.
 */
export async function expectRoutesRefused(driver: PageDriver, server: CmsServer, kind: EditorKind, record: RouteRecord): Promise<void> {
  const info = editorPage(kind);
  await loadLeaky(driver, server, kind);
  const home = driver.url();
  for (const route of publishRoutes(info)) {
    const reports = route.reports(info);
    await collapsePanel(driver);
    await driver.evaluate(`document.getElementById('status').textContent = ''`, info.formFrames);
    const since = server.mark();
    const problems = await route.run(driver, info);
    await sleep(SETTLE_MS);
    const reported = await waitForBlockShown(driver, reports ? 2_000 : 50);
    const leaked = server.carrying(ID, { since });
    if (leaked.length > 0) problems.push(`LEAK: ${leaked.map((r) => `${r.method} ${r.path}`).join(', ')}`);
    const published = server.requests({ path: '/api/publish', since });
    if (published.length > 0) problems.push(`${published.length} request(s) to /api/publish`);
    if (reports && !reported) problems.push('the panel did not report the stopped publish');
    if (driver.url() !== home) problems.push(`navigated to ${driver.url()}`);
    record(route.name, problems.length ? problems.join('; ') : reports ? 'refused' : 'no-op');
    expect.soft(problems, `${kind} / ${route.name}`).toEqual([]);
    if (problems.length) await loadLeaky(driver, server, kind);
  }
}

/**
 * The CMS keeps working while its editor holds the ID: a list load arrives; 保存草稿 of that draft is
 * refused (personal data is not saved, policy gate.draftSaves = scan) without leaving the page, and
 * the panel lists the refusal; once
 * the draft is clean, 保存草稿 posts exactly once with it.
 */
export async function expectCmsKeepsWorking(driver: PageDriver, server: CmsServer, kind: EditorKind, record: RouteRecord): Promise<void> {
  const info = editorPage(kind);
  await loadLeaky(driver, server, kind);
  const home = driver.url();
  let since = server.mark();
  const listed = await driver.evaluate<number | string>(`fetch(location.origin + '/sink/r/list?page=2&size=20').then((r) => r.status, (e) => String(e && e.message))`, info.formFrames);
  expect(listed, 'a list load from the editing page').toBe(200);
  expect(server.requests({ path: '/sink/r/list', since })).toHaveLength(1);
  record('list load', 'arrives');

  since = server.mark();
  await clickDraft(driver, kind);
  expect(await statusTextOrNone(driver, kind), 'a refused draft save never says 草稿已保存').not.toContain('草稿已保存');
  await sleep(SETTLE_MS);
  expect(server.carrying(ID, { since }), '保存草稿 with the ID').toEqual([]);
  expect(driver.url()).toBe(home);
  await driver.waitFor(`[...(document.querySelector('precheck-panel')?.shadowRoot?.querySelectorAll('[data-testid="precheck-refusals"] li') ?? [])]
    .some((li) => li.textContent.includes('/api/draft'))`, { timeout: 3_000 });
  record('保存草稿 with the ID', 'refused');

  await collapsePanel(driver);
  await setContent(driver, CLEAN_DRAFT);
  await waitForCounts(driver, 0, 0);
  // the refused attempt's 保存失败 must not be read as this save's result
  await driver.evaluate(`document.getElementById('status').textContent = ''`, info.formFrames);
  since = server.mark();
  await clickDraft(driver, kind);
  await waitForPosts(server, { path: '/api/draft' });
  expect(await statusText(driver, kind)).toContain('草稿已保存');
  await sleep(SETTLE_MS);
  const saved = server.requests({ path: '/api/draft', since });
  expect(saved).toHaveLength(1);
  expect(htmlToText(String(saved[0]!.body.content))).toContain('财政预算执行情况');
  expect(server.requests({ path: '/api/publish', since })).toEqual([]);
  record('clean 保存草稿', 'posts once');
}

/** The page's status line within a moment, or '' (a refused form post may say nothing at all). */
async function statusTextOrNone(driver: PageDriver, kind: EditorKind): Promise<string> {
  return statusText(driver, kind, { timeout: 1_500 }).catch(() => '');
}
