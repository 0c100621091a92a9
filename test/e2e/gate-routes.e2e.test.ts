/**
 * The gate on every route of issue 10, in real Chromium with the built extension and the recording
 * server. The route page (lib/demo/pages/routes/) sends its draft with its own code, one route per
 * case (gate-route-cases.ts):
 *
 * - control: on an origin Precheck does not cover, each route really delivers the draft with the ID;
 * - a draft holding an ID number: nothing carrying the ID arrives, the page's own error path runs (or
 *   the navigation simply does not happen) — never a hang — and the panel lists the refusal by route;
 * - a clean draft: refused until signed off; after a complete sign-off exactly one submission with
 *   the signed content arrives; an edited one and a repeated one are refused;
 * - the CMS keeps working: search, list loading, polling, images and a clean 保存草稿/autosave arrive.
 *
 * The results are written to test-output/gate-routes.{json,md} for the README's route table.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { checklistOpen, closeChecklist, dialog, waitForChecklist } from '../../lib/demo/checklist-drive.ts';
import { demoPerson, demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { launchBrowser, type Browser } from '../../lib/demo/browser.ts';
import { startCmsServer, type CmsServer } from '../../lib/demo/server.ts';
import { EXTENSION_DIR } from './extension-helpers.ts';
import { ID, signAndPublish, openRoutes, ownDraft, refusalListed, runRoute, writeDraft, type Outcome } from './gate-drive.ts';
import { IN_EDITORS, ROUTE_CASES, WORKING_CASES, type RouteCase } from './gate-route-cases.ts';
import { describeOutcome, nextDraft, refusesWithId, releasesOnce, routeNotes, routeShard, SETTLE_MS, type GateWalk } from './gate-walk.ts';
import { NAME_CASES, walkWindowName } from './window-name-walk.ts';
import { walkOtherHostImport } from './other-host-walk.ts';

/**
 * Loopback, but not the policy's 127.0.0.1: Precheck does not run there, and the page is still a
 * secure context (a service worker needs one), as the CMS origin is.
 */
const CONTROL_HOST = '127.0.0.2';
const lisi = demoPerson('lisi');

let browser: Browser;
let server: CmsServer;
let control: CmsServer;
let page: Page;

const shard = routeShard();
/** This process's share of the cases (all of them unless PRECHECK_ROUTE_SHARD says otherwise). */
const CASES = ROUTE_CASES.filter((_, i) => !shard || shard.has(i));
const describeRest = describe.runIf(!shard || shard.rest);
const EDITORS = ['tinymce', 'ueditor'] as const;
/** The table's order: the cases, then each editor's rows, then the rest. */
function rowOrder(id: string): number {
  const [caseId, editor] = id.split('@');
  const i = ROUTE_CASES.findIndex((c) => c.id === caseId);
  return i < 0 ? 100_000 : i + 10_000 * (editor ? 1 + EDITORS.indexOf(editor as (typeof EDITORS)[number]) : 0);
}
const { note, write: writeTable } = routeNotes('gate-routes', rowOrder, shard);

beforeAll(async () => {
  [browser, server, control] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startCmsServer(), startCmsServer({ host: CONTROL_HOST, port: 0 })]);
  await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  writeTable();
  await browser?.close();
  await Promise.all([server?.close(), control?.close()]);
});

/** Closes any window a route opened (target=_blank, window.open), keeping the test's tab. */
async function closeOthers(): Promise<void> {
  for (const p of browser.context.pages()) if (p !== page && !p.url().startsWith('chrome-extension://')) await p.close();
}

const walk = (): GateWalk => ({ tab: page, server, closeOthers, note });

describe('control: without Precheck every route delivers the draft with the ID', () => {
  test.each(CASES.map((c) => [c.id, c] as const))('%s', async (_id, c: RouteCase) => {
    await page.goto(`${control.url}/routes/index.html`);
    await page.waitForFunction('window.__routes && window.__routes.ready === true');
    await page.evaluate(`window.__routes.setContent(${JSON.stringify(ownDraft(0, true))}); document.getElementById('title').value = '城关镇低保新增对象公示';`);
    const since = control.mark();
    await runRoute(page, c);
    await expect.poll(() => control.carrying(ID, { path: c.path, since }).length, { timeout: 8_000 }).toBeGreaterThan(0).catch(() => undefined);
    if (c.passes === 'navigates') await page.waitForURL((u) => u.pathname === c.path).catch(() => undefined);
    await closeOthers();
    const carrying = control.carrying(ID, { path: c.path, since });
    note(c, 'control', carrying.length > 0 ? 'arrives with the ID' : `MISSING (${control.requests({ path: c.path, since }).length} request(s) without the ID)`);
    expect(carrying.length, 'the route delivers the ID without Precheck').toBeGreaterThan(0);
  });
});

describe('a draft holding an ID number: refused on every route', () => {
  test.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c: RouteCase) => refusesWithId(walk(), c, 'textarea'));
});


describe('a clean draft: signed off, exactly one matching submission passes', () => {
  test.each(CASES.filter((c) => !c.opaqueFrame && !c.refusedOutright && !c.scriptUrl && !c.personalNumberRule).map((c) => [c.id, c] as const))('%s', (_id, c: RouteCase) => releasesOnce(walk(), c, 'textarea'));
});

/** A sample of routes again with real editors from npm (the draft is HTML, the body their getContent()). */
const EDITOR_CASES = CASES.filter((c) => IN_EDITORS.includes(c.id)).map((c) => [c.id, c] as const);
// (a share of the table may hold none of the sample: no empty suites then)
describe.each(EDITOR_CASES.length > 0 ? EDITORS : [])('in %s', (editor) => {
  test.each(EDITOR_CASES)('%s: a draft with an ID is refused', (_id, c: RouteCase) => refusesWithId(walk(), c, editor));
  test.each(EDITOR_CASES)('%s: signed off, exactly one passes', (_id, c: RouteCase) => releasesOnce(walk(), c, editor));
});

describeRest('window names carrying the draft', () => {
  test.each(NAME_CASES.map((c) => [c.id, c] as const))('%s: without Precheck it arrives; with Precheck refused, an ordinary name works', (_id, c) => walkWindowName(walk(), control, c));
});

describeRest('a host Precheck was not granted', () => {
  test("import() from the CMS page: without Precheck it arrives; with Precheck the browser's script-URL rule refuses it", () => walkOtherHostImport(walk(), control));
});

describeRest('the CMS keeps working', () => {
  test.each(WORKING_CASES.map((c) => [c.id, c] as const))('%s reaches the server while the editor holds a draft with an ID', async (_id, c) => {
    await openRoutes(page, server);
    await writeDraft(page, ownDraft(2, true));
    const since = server.mark();
    const outcome = await page.evaluate<Outcome>(`window.__routes.run(${JSON.stringify(c.id)})`);
    const arrived = await server.waitForRequests({ path: c.path, since }, { timeout: 5_000 }).catch(() => []);
    note({ ...c, route: '' }, 'withId', arrived.length === 1 && typeof outcome !== 'string' && outcome.ok ? 'reaches the server' : `BROKEN (${describeOutcome(outcome)})`);
    expect(arrived).toHaveLength(1);
    expect(outcome).toMatchObject({ ok: true });
  });

  test('a clean 保存草稿 and a clean autosave the site adapter declares reach the server; one holding an ID is refused', async () => {
    await openRoutes(page, server);
    await writeDraft(page, ownDraft(3));
    let since = server.mark();
    await page.locator('#btn-draft').click();
    await server.waitForRequests({ path: '/sink/r/save-draft', since });
    expect(await page.evaluate(`window.__routes.last`)).toMatchObject({ ok: true });
    expect(await page.evaluate(`window.__routes.run('autosave').then((r) => r.ok)`)).toBe(true);
    expect(server.requests({ path: '/sink/r/autosave', since })).toHaveLength(1);
    note({ id: '保存草稿', label: '保存草稿 / autosave of a clean draft (declared by the site adapter)', route: 'fetch' }, 'withId', 'clean: reaches the server');

    await writeDraft(page, ownDraft(4, true));
    since = server.mark();
    expect(await page.evaluate(`window.__routes.run('autosave').then((r) => r.ok)`)).toBe(false);
    expect(await page.evaluate(`window.__routes.run('save-draft').then((r) => r.ok)`)).toBe(false);
    await page.waitForTimeout(SETTLE_MS);
    expect(server.carrying(ID, { since })).toEqual([]);
    expect(await refusalListed(page, 'fetch', '/sink/r/autosave')).toBe(true);
    note({ id: '保存草稿', label: '保存草稿 / autosave of a clean draft (declared by the site adapter)', route: 'fetch' }, 'signedOff', 'with an ID: refused (draft-save-block)');
  });

  test('a draft save no adapter declares is held: a timer\'s autosave is refused with the checklist closed, a click on 暂存 opens it', async () => {
    const row = { id: '未声明草稿', label: 'a clean draft to an undeclared autosave URL / 暂存 button', route: 'fetch' as const };
    await openRoutes(page, server);
    await writeDraft(page, ownDraft(6));
    const since = server.mark();
    const send = (path: string) => `fetch(${JSON.stringify(path)}, { method: 'POST', body: 'content=' + encodeURIComponent(document.getElementById('content').value) }).then((r) => r.ok, () => false)`;
    expect(await page.evaluate(send('/sink/r/article/autosave'))).toBe(false);
    expect(await refusalListed(page, 'fetch', '/sink/r/article/autosave')).toBe(true);
    expect(await checklistOpen(page)).toBe(false);
    await page.evaluate(`(() => {
      const b = document.createElement('button');
      b.type = 'button'; b.id = 'btn-zancun'; b.textContent = '暂存';
      b.onclick = () => { window.__zancun = ${send('/sink/r/zancun')}; };
      document.getElementById('cms-form').append(b);
    })()`);
    await page.locator('#btn-zancun').click();
    await waitForChecklist(page);
    expect(await page.evaluate('window.__zancun')).toBe(false);
    await closeChecklist(page);
    await page.waitForTimeout(SETTLE_MS);
    expect(server.requests({ path: '/sink/r/article/autosave', since })).toEqual([]);
    expect(server.requests({ path: '/sink/r/zancun', since })).toEqual([]);
    note(row, 'withId', 'clean: held (draft-save-unsigned); a click opens the checklist, a timer does not');
  });
});

describeRest('publish by id after 保存草稿', () => {
  const byId = { id: 'publish-by-id', label: 'publish by id after 保存草稿 (`publish.do?id=42`)', route: 'fetch' as const };

  test('a draft with an ID is not saved and item 42 is not published unsigned', async () => {
    await openRoutes(page, server);
    await writeDraft(page, ownDraft(5, true));
    const since = server.mark();
    await page.locator('#btn-draft').click();
    expect(await page.evaluate(`window.__routes.last`)).toMatchObject({ ok: false });
    expect(await page.evaluate(`window.__routes.run('publish-by-id')`)).toMatchObject({ ok: false });
    await page.waitForTimeout(SETTLE_MS);
    expect(server.carrying(ID, { since })).toEqual([]);
    expect(server.requests({ path: '/sink/r/publish.do', since })).toEqual([]);
    expect(await refusalListed(page, 'fetch', '/sink/r/publish.do')).toBe(true);
    note(byId, 'withId', 'draft save refused; publish.do?id=42 refused (unsigned item)');
  });

  test('signed off: the saved item is published by id, on the edit page and from the list', async () => {
    const draft = nextDraft();
    await openRoutes(page, server);
    await writeDraft(page, draft);
    let since = server.mark();
    await page.locator('#btn-draft').click();
    await server.waitForRequests({ path: '/sink/r/save-draft', since });
    expect(await page.evaluate(`window.__routes.last`)).toMatchObject({ ok: true });
    expect(await page.evaluate(`document.querySelector('#cms-form [name=id]').value`)).toBe('42');
    // (a moment later: a refusal within 1.5 s of the click would take 保存草稿 for the publish to replay)
    await page.waitForTimeout(1_600);
    // unsigned: refused, and the checklist opens
    since = server.mark();
    expect(await page.evaluate(`window.__routes.run('publish-by-id')`)).toMatchObject({ ok: false });
    expect(server.requests({ path: '/sink/r/publish.do', since })).toEqual([]);
    await signAndPublish(page, lisi);
    await dialog(page).locator('[data-message]').waitFor();
    since = server.mark();
    const onPage = await page.evaluate<Outcome>(`window.__routes.run('publish-by-id')`);
    const onPageArrived = server.requests({ path: '/sink/r/publish.do', since }).length;
    // the list page (a new load) knows the signed items
    await openRoutes(page, server);
    since = server.mark();
    const fromList = [await page.evaluate<Outcome>(`window.__routes.run('publish-by-id')`), await page.evaluate<Outcome>(`window.__routes.run('publish-by-id')`)];
    const fromListArrived = server.requests({ path: '/sink/r/publish.do', since, query: { id: '42' } }).length;
    note(byId, 'signedOff', `on the edit page: ${onPageArrived === 1 ? 'passes' : `REFUSED (${describeOutcome(onPage)})`}; from a new page load: ${fromListArrived} of 2 pass`);
    note(byId, 'repeated', fromListArrived === 2 ? 'passes (a signed item stays signed for a week, until saved again)' : `${fromListArrived} of 2`);
    expect(fromList).toMatchObject([{ ok: true }, { ok: true }]);
    expect(onPage, 'publish by id on the edit page right after the sign-off').toMatchObject({ ok: true });
    expect(onPageArrived).toBe(1);
  });
});
