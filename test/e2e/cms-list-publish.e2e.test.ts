/**
 * Issue 11, list-page publishing, on the real-CMS fixtures with their SHIPPED site adapters (no
 * configuration beyond picking them): publishing saved items from the article list (PHPCMS 审核通过 as
 * a form post, ThinkCMF 发布 by $.ajax, PbootCMS's per-row status link) passes only for items signed
 * off on their edit page; ticking an unsigned one is refused in the panel naming it by its title, and
 * nothing reaches the server. An item saved again with other content loses its sign-off.
 * cms-control.e2e.test.ts shows each of these requests arrives without Precheck.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from '../../lib/demo/browser.ts';
import { checklistClosed, closeChecklist, dialog, pressChecklistPublish, waitForChecklist } from '../../lib/demo/checklist-drive.ts';
import { CMS_FIXTURES, CMS_LIST_FIXTURES, TITLE, readIds, type CmsFixture, type CmsListFixture } from '../../lib/demo/cms-fixtures.ts';
import { OWN_CHANNEL, SAMPLE_ID, openFixture, panelRefusals, prepareDraft, runSteps, setBody, signChecklist } from '../../lib/demo/cms-drive.ts';
import { EXTENSION_ID } from '../../wxt.config';
import { dumpRecords } from './extension-helpers.ts';
import { demoPerson, demoPolicy } from '../../lib/demo/demo-policy.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { CMS_ENDPOINTS } from '../../lib/demo/cms-endpoints.ts';
import { SHIPPED_ADAPTERS, adapterFor, shippedAdapter } from '../../lib/policy/adapters/index.ts';
import { matchesRequestRule } from '../../lib/policy/request-rule.ts';
import { closeAfterNavigation, closeCmsSession, openCmsSession } from './cms-session.ts';
import { dwzIframeForm } from './dwz-iframe-form.ts';

const lisi = demoPerson('lisi');
const SIGN = { category: '12', mode: '主动公开', reviewer: lisi };
const TITLE_43 = '县政府常务会议研究部署防汛工作';
const TITLE_44 = '2024年第二季度政府信息公开工作动态';

let browser: Browser;
let server: CmsServer;

const edit = (cms: string) => CMS_FIXTURES.find((f) => f.cms === cms && f.publish.length > 0)!;
const list = (cms: string) => CMS_LIST_FIXTURES.find((f) => f.cms === cms)!;

beforeAll(async () => {
  // What Options → 站点 does when the administrator picks the shipped adapter for this CMS origin
  // (the fixture pages live at their own paths, so those are the adapter's pages).
  ({ browser, server } = await openCmsSession(async (url) => {
    // The pages a form post answers with (DedeCMS's 成功发布文章) are the CMS's pages too.
    const pages = (cms: string) => [
      ...[...CMS_FIXTURES, ...CMS_LIST_FIXTURES].filter((f) => f.cms === cms).map((f) => `${f.path}*`),
      ...CMS_ENDPOINTS.filter((e) => e.cms === cms && e.method === 'POST').map((e) => `/cms/${cms}/${e.path}*`),
    ];
    const adapters = SHIPPED_ADAPTERS.map((a) => adapterFor(a, url, pages(a.cms)));
    return demoPolicy({ adapters });
  }));
}, 120_000);

afterAll(() => closeCmsSession(browser, server));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function newPage(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url + url, { waitUntil: 'load' });
  await page.locator('precheck-panel').waitFor({ state: 'attached' });
  return page;
}


/** Signs off a clean draft on the edit page of item `id` and lets its one POST out. */
/**
 * `path`: the item's edit page where the CMS names it otherwise than `?id=` (SSCMS `&contentId=`);
 * `savedTo`: where its save goes then (SSCMS saves an existing item to actions/update).
 */
async function signItem(fixture: CmsFixture, id: string, { text = `第${id}号稿件：资金已按时足额发放，名单请到乡镇民政办查阅。`, path = `${fixture.path}?id=${id}`, savedTo = '' } = {}): Promise<void> {
  const page = await browser.context.newPage();
  await openFixture(page, server.url, { ...fixture, path });
  await prepareDraft(page, fixture, text);
  const found = fixture.publish.find((p) => !p.draft)!;
  const publish = savedTo ? { ...found, expect: { ...found.expect, path: savedTo } } : found;
  const since = server.mark();
  await runSteps(page, publish.steps);
  await waitForChecklist(page);
  // the shipped adapter's own title field is what the checklist shows
  await expect.poll(() => dialog(page).locator('[data-field=title]').innerText()).toContain(TITLE);
  await signChecklist(page, SIGN);
  await pressChecklistPublish(page);
  await checklistClosed(page);
  await server.waitForRequests({ ...publish.expect, since });
  if (publish.expect.sends === 'navigate') await closeAfterNavigation(page, publish.expect.path);
  else await page.close();
}

/** Ticks `ids` on the list page (a new one, or `open`) and presses its publish control; returns the page. */
async function publishFromList(fixture: CmsListFixture, ids: readonly string[], open?: Page): Promise<Page> {
  const page = open ?? (await newPage(fixture.path));
  const click = fixture.steps.find((s) => 'click' in s)!;
  const ticks = fixture.steps.filter((s) => 'check' in s);
  if (ticks.length > 0) {
    for (const id of ids) await page.locator(`input[type="checkbox"][value="${id}"]`).check();
    await runSteps(page, [click]);
  } else {
    await page.locator(`#status-${ids[0]!}`).click({ noWaitAfter: true });
  }
  return page;
}

async function expectRefused(fixture: CmsListFixture, page: Page, since: number, named: readonly string[]): Promise<void> {
  await expect.poll(() => panelRefusals(page), { timeout: 10_000 }).toContain(named[0]!);
  const text = await panelRefusals(page);
  for (const n of named) expect(text).toContain(n);
  await sleep(800);
  expect(server.requests({ ...fixture.expect, since })).toEqual([]);
  // no dead end: a list page has no draft to sign, so no checklist opens
  expect(await dialog(page).count()).toBe(0);
}

describe('PbootCMS 内容列表 → per-row status link (GET)', () => {
  test('an unsigned item is refused by its own 点击开启 link, named by title (runs first: 42 is not signed yet)', async () => {
    const fixture = list('pbootcms');
    const since = server.mark();
    const page = await publishFromList(fixture, ['42']);
    await expectRefused(fixture, page, since, [TITLE]);
    await page.close();
  });
});

const publiccmsRow = CMS_LIST_FIXTURES.find((f) => f.id === 'publiccms-uncheck-row')!;
/** PublicCMS's own 审核 link of one row (DWZ ajaxTodo: a POST of the link, the id in its query). */
const rowLink = (id: string) => `a[target="ajaxTodo"][href^="cmsContent/check?ids=${id}&"]`;

describe('PublicCMS 待审核 → 批量审核 ($.ajax of ids joined by commas)', () => {
  test('unsigned 42 and 43 are refused, named by title; nothing reaches the server (runs before PHPCMS signs 42)', async () => {
    const fixture = list('publiccms');
    const since = server.mark();
    const page = await publishFromList(fixture, ['42', '43']);
    await expectRefused(fixture, page, since, [TITLE, TITLE_43]);
    await page.close();
  });

  test('a row’s own 审核 link (its id in the query of a POST): unsigned 43 is refused, named by title', async () => {
    const since = server.mark();
    const page = await newPage(publiccmsRow.path);
    await page.locator(rowLink('43')).click();
    await expectRefused(publiccmsRow, page, since, [TITLE_43]);
    await page.close();
  });

  test('the same address posted by a DWZ iframeCallback form into its hidden callbackframe: unsigned 43 is refused, the POST naming it never leaves', async () => {
    const since = server.mark();
    const page = await newPage(publiccmsRow.path);
    await page.evaluate(dwzIframeForm, 'cmsContent/check?ids=43&_csrf=publiccms-fixture-csrf');
    await page.locator('#dwz-submit').click();
    await expectRefused(publiccmsRow, page, since, [TITLE_43]);
    await page.close();
  });
});

// The page's own script in its <head>, before Precheck has read the page's policy (a message to the
// service worker away): the gate does not know the site adapter's publishes yet. A probe's script
// published unsigned 43 this way (judged as if the site had no adapter). Each is spelled past the
// browser's backstop, which reads the raw address: a path parameter Spring strips, PbootCMS's route
// percent-encoded.
const PUBLICCMS_CHECK = 'cmsContent/check;jsessionid=load?ids=43&_csrf=publiccms-fixture-csrf';
const PBOOT_OPEN = 'admin.php?p=%2FContent%2Fmod%2Fid%2F43%2Ffield%2Fstatus%2Fvalue%2F1';
describe('before the page’s policy is read: a list page’s script publishes unsigned 43 the moment it loads', () => {
  test.each([
    ['PublicCMS 审核 by a multipart fetch (waits for the policy)', 'publiccms', 'cmsContent/check', `var f = new FormData(); f.append('ids', '43'); fetch('${PUBLICCMS_CHECK.split('?')[0]}?_csrf=publiccms-fixture-csrf', { method: 'POST', body: f }).then(() => done('sent'), (e) => done('refused: ' + e.message));`],
    ['PublicCMS 审核 by a synchronous XHR (cannot wait: held)', 'publiccms', 'cmsContent/check', `var x = new XMLHttpRequest(); x.open('POST', '${PUBLICCMS_CHECK}', false); try { x.send(); done('sent ' + x.status); } catch (e) { done('refused: ' + e.message); }`],
    ['PbootCMS 点击开启 by an image load (a GET, judged at once: held)', 'pbootcms', 'admin.php', `var i = new Image(); i.onload = function () { done('sent'); }; i.onerror = function () { done('refused: error'); }; i.src = '${PBOOT_OPEN}';`],
  ])('%s: nothing reaches the server', async (_, cms, endpoint, send) => {
    const path = list(cms).path;
    const page = await browser.context.newPage();
    const head = `<script>(function () { function done(s) { document.documentElement.setAttribute('data-load-send', s); } ${send} })();</script>`;
    await page.route(`**${path}`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: (await res.text()).replace(/<head>/i, `<head>${head}`) });
    });
    const since = server.mark();
    await page.goto(server.url + path, { waitUntil: 'load' });
    // a refused image load is never started: neither of its events comes
    const heard = await page.waitForFunction(`document.documentElement.hasAttribute('data-load-send')`, null, { timeout: 2_500 }).then(() => true, () => false);
    // a refused synchronous XHR throws the browser's own network error: no words of Precheck's can ride on it
    if (heard || !send.includes('new Image')) expect(await page.evaluate(`document.documentElement.getAttribute('data-load-send')`)).toMatch(/^refused: /);
    await sleep(500);
    expect(server.requests({ since }).filter((r) => r.path.includes(endpoint))).toEqual([]);
    // the CMS's own list still loads once the policy is read: a read passes
    expect(await page.evaluate(`fetch(location.href).then((r) => r.status)`)).toBe(200);
    await page.close();
  });
});

const sscmsList = CMS_LIST_FIXTURES.find((f) => f.id === 'sscms-contents')!;
const LAYER = '#layui-layer-iframe1';

/** SSCMS 内容管理: ticks rows (1-based, 42 first) and presses 审 核; the layer's form, once it is there. */
async function sscmsCheckLayer(rows: readonly number[]): Promise<Page> {
  const page = await newPage(sscmsList.path);
  for (const n of rows) await page.locator(`#contents tbody tr:nth-child(${n}) input`).check();
  await page.locator('#btn-check').click();
  await page.frameLocator(LAYER).locator('#btn-submit').waitFor();
  return page;
}

describe('SSCMS 内容管理 → 审核 (a layer posts channelContentIds "2_42,2_43" as JSON)', () => {
  test('unsigned 42 and 43 checked to 已审核 are refused, named by title; nothing reaches the server (runs before PHPCMS signs 42)', async () => {
    const since = server.mark();
    const page = await sscmsCheckLayer([1, 2]);
    await page.frameLocator(LAYER).locator('#btn-submit').click();
    await expect.poll(() => panelRefusals(page), { timeout: 10_000 }).toContain(TITLE);
    expect(await panelRefusals(page)).toContain(TITLE_43);
    await sleep(800);
    expect(server.requests({ path: sscmsList.expect.path, since })).toEqual([]);
    // the layer's own error path runs; no checklist opens on a list page
    await expect.poll(() => page.frameLocator(LAYER).locator('.el-message').innerText()).not.toBe('');
    expect(await dialog(page).count()).toBe(0);
    await page.close();
  });

  test('退稿 (a negative level) of the same unsigned items is no publish: it reaches the CMS', async () => {
    const since = server.mark();
    const page = await sscmsCheckLayer([1, 2]);
    await page.frameLocator(LAYER).locator('#checkedLevel').selectOption('-1');
    await page.frameLocator(LAYER).locator('#btn-submit').click();
    const [r] = await server.waitForRequests({ path: sscmsList.expect.path, since });
    expect(r!.body.checkedLevel).toBe(-1);
    await expect.poll(() => page.locator('.el-message').innerText()).toContain(sscmsList.success);
    await page.close();
  });
});

describe('PHPCMS v9 内容列表 → 审核通过 (form post of ids[])', () => {
  const fixture = list('phpcms');

  test('unsigned items are refused, named by title; nothing reaches the server', async () => {
    const since = server.mark();
    const page = await publishFromList(fixture, ['42', '43']);
    await expectRefused(fixture, page, since, [TITLE, TITLE_43]);
    await page.close();
  });

  test('item 42 signed off on its edit page: 42 passes from the list (open since before the sign-off); 42 with 43 is refused naming 43', async () => {
    // the editor's list tab stays open while the item is signed off in another (it refused 42 before)
    const listOpen = await newPage(fixture.path);
    await signItem(edit('phpcms'), '42');
    let since = server.mark();
    let page = await publishFromList(fixture, ['42'], listOpen);
    const [r] = await server.waitForRequests({ ...fixture.expect, since });
    expect(readIds(r!, fixture.expect.ids)).toEqual(['42']);
    await expect.poll(() => page.locator('body').innerText()).toContain(fixture.success);
    await page.close();

    since = server.mark();
    page = await publishFromList(fixture, ['42', '43']);
    await expectRefused(fixture, page, since, [TITLE_43]);
    expect(await panelRefusals(page)).not.toContain('(ID 42)');
    await page.close();
  });
});

describe('ThinkCMF 5 文章管理 → 发布 ($.ajax of ids[])', () => {
  const fixture = list('thinkcmf');

  test('item 43 signed off: it passes; 43 with 44 is refused naming 44; the page shows its own error path', async () => {
    await signItem(edit('thinkcmf'), '43');
    let since = server.mark();
    let page = await publishFromList(fixture, ['43']);
    const [r] = await server.waitForRequests({ ...fixture.expect, since });
    expect(readIds(r!, fixture.expect.ids)).toEqual(['43']);
    await expect.poll(() => page.locator('#status').innerText()).toContain(fixture.success);
    await page.close();

    since = server.mark();
    page = await publishFromList(fixture, ['43', '44']);
    await expectRefused(fixture, page, since, [TITLE_44]);
    await expect.poll(() => page.locator('#status').innerText()).not.toContain(fixture.success);
    await page.close();
  });
});

describe('ThinkCMF 5: a new article gets its id from the save response', () => {
  test('signed off and published as a new article: the id its save response names passes from the list', async () => {
    const fixture = edit('thinkcmf');
    const page = await browser.context.newPage();
    await openFixture(page, server.url, fixture);
    await prepareDraft(page, fixture, '新稿件：本季度养老金已按时足额发放，详情请到乡镇民政办查阅。');
    const publish = fixture.publish.find((p) => !p.draft)!;
    const since = server.mark();
    await runSteps(page, publish.steps);
    await waitForChecklist(page);
    await signChecklist(page, SIGN);
    const saved = page.waitForResponse((r) => r.url().includes(publish.expect.path));
    await pressChecklistPublish(page);
    // the CMS's answer names the new article's edit page (ThinkCMF: …/edit/id/N.html)
    const answer = (await (await saved).json()) as { url: string };
    const id = /\/edit\/id\/(\d+)/.exec(answer.url)![1]!;
    await server.waitForRequests({ ...publish.expect, since });
    await page.close();

    // the article list now shows the new article; ticking it and pressing 发布 goes out
    const listFixture = list('thinkcmf');
    const listPage = await newPage(listFixture.path);
    await listPage.evaluate(`document.querySelector('table tr:last-child').insertAdjacentHTML('afterend',
      '<tr><td><input type="checkbox" class="js-check" name="ids[]" value="${id}"></td><td>${id}</td><td>新稿件</td></tr>')`);
    const listed = server.mark();
    await listPage.locator(`input[type="checkbox"][value="${id}"]`).check();
    await runSteps(listPage, [listFixture.steps.find((s) => 'click' in s)!]);
    const [r] = await server.waitForRequests({ ...listFixture.expect, since: listed });
    expect(readIds(r!, listFixture.expect.ids)).toEqual([id]);
    await listPage.close();
  });
});

describe('DedeCMS 5.7: a new article gets its id from the page its form post leads to', () => {
  /** Signs off a new article (no id yet) and lets its form post out; returns the result page. */
  async function publishNew(words: string): Promise<Page> {
    const fixture = edit('dedecms');
    const page = await browser.context.newPage();
    await openFixture(page, server.url, fixture);
    await prepareDraft(page, fixture, words);
    const publish = fixture.publish.find((p) => !p.draft)!;
    await runSteps(page, publish.steps);
    await waitForChecklist(page);
    await signChecklist(page, SIGN);
    await pressChecklistPublish(page);
    await page.waitForURL((u) => u.pathname === publish.expect.path);
    await page.locator('precheck-panel').waitFor({ state: 'attached' });
    return page;
  }

  /** Ticks `id` (a new article's row is added, as the list shows it once it exists) and presses 审核. */
  async function checkFromList(id: string): Promise<{ page: Page; since: number }> {
    const listFixture = list('dedecms');
    const page = await newPage(listFixture.path);
    if (!['42', '43', '44'].includes(id)) await page.evaluate(`document.querySelector('#btn-check').closest('tr').insertAdjacentHTML('beforebegin',
      '<tr><td><input name="arcID" type="checkbox" value="${id}" class="np"></td><td>${id}</td><td>新文章 ${id}</td></tr>')`);
    const since = server.mark();
    await page.locator(`input[name="arcID"][value="${id}"]`).check();
    await page.locator('#btn-check').click({ noWaitAfter: true });
    return { page, since };
  }

  test('signed off and published as a new article: the id its 更改文章 link names passes from the list; an unsigned one still does not', async () => {
    const result = await publishNew('新文章：本季度高龄津贴已按时足额发放，详情请到乡镇民政办查阅。');
    const edit = await result.locator('a', { hasText: '更改文章' }).getAttribute('href');
    const id = /aid=(\d+)/.exec(edit ?? '')![1]!;
    await result.close();

    const listFixture = list('dedecms');
    const signed = await checkFromList(id);
    const [r] = await server.waitForRequests({ ...listFixture.expect, since: signed.since });
    expect(readIds(r!, listFixture.expect.ids)).toEqual([id]);
    await closeAfterNavigation(signed.page, listFixture.expect.path);

    // item 44 was never signed: still refused
    const unsigned = await checkFromList('44');
    await expectRefused(listFixture, unsigned.page, unsigned.since, [TITLE_44]);
    await unsigned.page.close();
  });
});

describe('JEECMS 内容列表 → 审核 (#tableForm posted to o_check.do with ids)', () => {
  const fixture = list('jeecms');

  test('43 (signed in the ThinkCMF test: one origin) with unsigned 44 is refused naming 44; 43 alone passes (runs before EmpireCMS signs 44)', async () => {
    let since = server.mark();
    let page = await publishFromList(fixture, ['43', '44']);
    await expectRefused(fixture, page, since, [TITLE_44]);
    await page.close();

    since = server.mark();
    page = await publishFromList(fixture, ['43']);
    const [r] = await server.waitForRequests({ ...fixture.expect, since });
    expect(readIds(r!, fixture.expect.ids)).toEqual(['43']);
    await expect.poll(() => page.locator('body').innerText()).toContain(fixture.success);
    await page.close();
  });
});

describe('帝国CMS 7.5 管理信息（待审核）→ 审核 (form post of id[] to ecmsinfo.php, the address every action shares)', () => {
  const fixture = list('empirecms');

  test('the same form’s 删除 and 推荐 of unsigned items reach the CMS: the adapter holds only enews=CheckNews_all', async () => {
    // 44 is signed by no test above; a list page has no draft, so only the adapter could hold these
    for (const [button, enews] of [['推荐', 'GoodInfo_all'], ['删除', 'DelNews_all']] as const) {
      const since = server.mark();
      const page = await newPage(fixture.path);
      await page.locator('input[name="id[]"][value="44"]').check();
      await page.locator(`input[type="submit"][value="${button}"]`).click({ noWaitAfter: true });
      const [r] = await server.waitForRequests({ method: 'POST', path: fixture.expect.path, body: { enews }, since });
      expect(readIds(r!, fixture.expect.ids)).toEqual(['44']);
      await closeAfterNavigation(page, fixture.expect.path);
    }
  });

  test('审核栏目全部信息 (a GET link that makes every pending item of the 栏目 live, naming none) is refused', async () => {
    const since = server.mark();
    const page = await newPage(fixture.path);
    await page.locator('#set-all-check').click({ noWaitAfter: true });
    await expect.poll(() => panelRefusals(page), { timeout: 10_000 }).not.toBe('');
    await sleep(800);
    expect(server.requests({ path: fixture.expect.path, since })).toEqual([]);
    expect(await dialog(page).count()).toBe(0);
    await page.close();
  });

  test('unsigned 44 is refused naming it; signed off on its 修改 page, 44 passes and the CMS answers 审核信息成功', async () => {
    // 44 is signed by no test above
    let since = server.mark();
    let page = await publishFromList(fixture, ['44']);
    await expectRefused(fixture, page, since, [TITLE_44]);
    await page.close();

    await signItem(edit('empirecms'), '44');
    since = server.mark();
    page = await publishFromList(fixture, ['44']);
    const [r] = await server.waitForRequests({ ...fixture.expect, since });
    expect(readIds(r!, fixture.expect.ids)).toEqual(['44']);
    expect(r!.body.enews).toBe('CheckNews_all');
    await expect.poll(() => page.locator('body').innerText()).toContain(fixture.success);
    await page.close();
  });
});

/** The action of the browser's own rule a request would meet (Chromium's DNR engine), or 'none'. */
async function networkVerdict(url: string, method: string, tabId: number): Promise<string> {
  const sw = browser.context.serviceWorkers()[0]!;
  return sw.evaluate(`(async () => {
    const dnr = chrome.declarativeNetRequest;
    const { matchedRules } = await dnr.testMatchOutcome({ url: ${JSON.stringify(url)}, method: ${JSON.stringify(method.toLowerCase())}, type: 'xmlhttprequest', initiator: ${JSON.stringify(new URL(url).origin)}, tabId: ${tabId} });
    const rules = [...(await dnr.getSessionRules()), ...(await dnr.getDynamicRules())];
    return matchedRules.map((m) => rules.find((r) => r.id === m.ruleId)?.action.type ?? '?').join() || 'none';
  })()`);
}

// the query as the CMS writes it (PbootCMS's p=/Content/add/… keeps its slashes)
const urlOf = (e: { path: string; query?: Record<string, string> }) =>
  `${server.url}${e.path}${e.query ? `?${Object.entries(e.query).map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`;

describe('network backstop: the browser itself, on the shipped adapters', () => {
  // testMatchOutcome asks Chromium's own rule engine what a request from the CMS page would meet.
  test('a script sending any fixture’s publish from the CMS page meets the browser’s block; its draft saves and list loads do not', async () => {
    const results: string[] = [];
    for (const f of CMS_FIXTURES) {
      // the network blocks what a rule without a body field condition names; a rule with one (EmpireCMS
      // enews, WordPress publish: their URL is shared by other actions) is the page gate's alone
      const rules = adapterFor(shippedAdapter(f.cms)!, server.url).publishRequests.filter((r) => !r.field);
      for (const p of f.publish) {
        const url = urlOf(p.expect);
        const want = !p.draft && rules.some((r) => matchesRequestRule(r, { method: p.expect.method, url })) ? 'block' : 'allow';
        results.push(`${f.id} ${p.draft ? 'draft' : 'publish'}: ${await networkVerdict(url, p.expect.method, 4242)} (want ${want})`);
      }
    }
    results.push(`list load: ${await networkVerdict(`${server.url}/cms/phpcms/index.php?m=content&c=content&a=init`, 'GET', 4242)} (want none)`);
    const wrong = results.filter((r) => {
      const [, got = '', want] = /: (\S+) \(want (\S+)\)/.exec(r)!;
      // no rule, or only the startup lift's allow, lets a request go; a publish must meet a block
      return want === 'block' ? got !== 'block' : got.includes('block');
    });
    expect(wrong, results.join('\n')).toEqual([]);
  });
});

describe('WordPress 撰写文章: 保存草稿 and 发布 post the same form to post.php; the adapter tells them by the body', () => {
  const wp = edit('wordpress');
  const save = wp.publish.find((p) => p.draft)!;
  const publish = wp.publish.find((p) => !p.draft)!;
  // item 45: no other test signs or saves it
  const at = { ...wp, path: `${wp.path}?post=45` };

  async function draftPage(words: string): Promise<Page> {
    const page = await browser.context.newPage();
    await openFixture(page, server.url, at);
    await page.locator('precheck-panel').waitFor({ state: 'attached' });
    await prepareDraft(page, wp, words);
    return page;
  }

  test('保存草稿 (save, original_post_status=auto-draft): a clean draft reaches the CMS unsigned; one with an ID is refused', async () => {
    let page = await draftPage(`第45号稿件：申请人身份证号${SAMPLE_ID}，请核对。`);
    await runSteps(page, save.steps);
    await expect.poll(() => panelRefusals(page), { timeout: 10_000 }).not.toBe('');
    await sleep(800);
    expect(server.carrying(SAMPLE_ID)).toEqual([]);
    expect(await dialog(page).count()).toBe(0);
    await page.close();

    page = await draftPage('第45号稿件：本季度低保资金已按时发放，尚在修改。');
    const since = server.mark();
    await runSteps(page, save.steps);
    const [r] = await server.waitForRequests({ ...save.expect, since });
    expect(r!.body.content).toContain('尚在修改');
    expect(r!.body.publish).toBeUndefined();
    await closeAfterNavigation(page, save.expect.path);
  });

  test('发布 (publish=发布) of the same clean draft is held until signed off, then exactly one POST leaves', async () => {
    const page = await draftPage('第45号稿件：本季度低保资金已按时足额发放，现予公示。');
    const since = server.mark();
    await runSteps(page, publish.steps);
    await waitForChecklist(page);
    await sleep(800);
    expect(server.requests({ ...publish.expect, since })).toEqual([]);
    await signChecklist(page, SIGN);
    await pressChecklistPublish(page);
    await checklistClosed(page);
    const [r] = await server.waitForRequests({ ...publish.expect, since });
    expect(r!.body.content).toContain('足额发放');
    await sleep(1000);
    expect(server.requests({ ...publish.expect, since })).toHaveLength(1);
    await closeAfterNavigation(page, publish.expect.path);
  });
});

describe('saved again', () => {
  test('an item saved again with other content loses its sign-off: the list refuses it', async () => {
    const fixture = list('thinkcmf');
    // 42 was signed in the PHPCMS test above (the fixtures share one origin, the store is per origin)
    const wp = edit('wordpress');
    const page = await browser.context.newPage();
    await openFixture(page, server.url, { ...wp, path: `${wp.path}?post=42` });
    await prepareDraft(page, wp, '第42号稿件改写后的内容，尚未审核。');
    const save = wp.publish.find((p) => p.draft)!;
    let since = server.mark();
    await runSteps(page, save.steps);
    await server.waitForRequests({ ...save.expect, since });
    await closeAfterNavigation(page, save.expect.path);

    since = server.mark();
    const listPage = await publishFromList(fixture, ['42']);
    await expectRefused(fixture, listPage, since, [TITLE]);
    await listPage.close();
  });
});

describe('PublicCMS 待审核 → a row’s own 审核 link and a DWZ frame form, signed', () => {
  test('42 signed off on PublicCMS’s own edit page (new content: a new sign-off) passes by its row link and by a form into a hidden frame', async () => {
    await signItem(edit('publiccms'), '42', { text: '第42号稿件（修订）：资金已按时足额发放，名单请到乡镇民政办查阅。' });
    const since = server.mark();
    const page = await newPage(publiccmsRow.path);
    await page.locator(rowLink('42')).click();
    const [r] = await server.waitForRequests({ ...publiccmsRow.expect, since });
    expect(readIds(r!, publiccmsRow.expect.ids)).toEqual(['42']);
    await expect.poll(() => page.locator('body').innerText()).toContain(publiccmsRow.success);
    // and by a DWZ iframeCallback form into the hidden frame: judged whole at submit, it passes
    const before = server.mark();
    await page.evaluate(dwzIframeForm, 'cmsContent/check?ids=42&_csrf=publiccms-fixture-csrf');
    await page.locator('#dwz-submit').click();
    const [framed] = await server.waitForRequests({ ...publiccmsRow.expect, since: before });
    expect(readIds(framed!, publiccmsRow.expect.ids)).toEqual(['42']);
    await page.close();
  });
});

describe('an edit page’s form aimed at a hidden frame (judged at submit, after the editor copies its content in)', () => {
  const dede = edit('dedecms');
  const hiddenFrame = () => {
    const frame = document.createElement('iframe');
    frame.name = 'hiddenframe';
    frame.style.display = 'none';
    document.body.append(frame);
    document.querySelector<HTMLFormElement>('form[name="form1"]')!.target = 'hiddenframe';
  };

  test('DedeCMS 发布文章: with an ID nothing leaves; the clean draft signed off leaves once, whole', async () => {
    const page = await browser.context.newPage();
    await openFixture(page, server.url, dede);
    await prepareDraft(page, dede, `申请人身份证号${SAMPLE_ID}，请核对。`);
    await page.evaluate(hiddenFrame);
    const publish = dede.publish[0]!;
    let since = server.mark();
    await runSteps(page, publish.steps);
    await sleep(1000);
    expect(server.requests({ path: publish.expect.path, since })).toEqual([]);

    const text = '隐藏框架发布：资金已按时足额发放，名单请到乡镇民政办查阅。';
    await closeChecklist(page).catch(() => undefined);
    await setBody(page, dede, `<p>${text}</p>`);
    since = server.mark();
    await runSteps(page, publish.steps);
    await waitForChecklist(page);
    await signChecklist(page, SIGN);
    await pressChecklistPublish(page);
    await checklistClosed(page);
    const [r] = await server.waitForRequests({ path: publish.expect.path, since });
    expect(JSON.stringify(r!.body)).toContain(text);
    await sleep(800);
    expect(server.requests({ path: publish.expect.path, since })).toHaveLength(1);
    await page.close();
  });
});

describe('SiteServer CMS 6 添加内容 with its shipped adapter (a form without 栏目)', () => {
  test('确 定 opens the checklist and nothing leaves; it asks for the 栏目; signed, one postback leaves, logged with that 栏目 and the header’s user', async () => {
    const fixture = edit('siteserver');
    const page = await browser.context.newPage();
    await openFixture(page, server.url, fixture);
    await prepareDraft(page, fixture, '第45号稿件：资金已按时足额发放，名单请到乡镇民政办查阅。');
    const publish = fixture.publish[0]!;
    const since = server.mark();
    await runSteps(page, publish.steps);
    await waitForChecklist(page);
    expect(server.requests({ ...publish.expect, since })).toEqual([]);
    await expect.poll(() => dialog(page).locator('[data-field=title]').innerText()).toContain(TITLE);
    await dialog(page).locator('[data-own-field=channel] input').waitFor();
    await signChecklist(page, SIGN);
    await pressChecklistPublish(page);
    await checklistClosed(page);
    const [r] = await server.waitForRequests({ ...publish.expect, since });
    expect(String((r!.body as Record<string, unknown>).__VIEWSTATE).length).toBeGreaterThan(3000);
    await sleep(800);
    expect(server.requests({ ...publish.expect, since })).toHaveLength(1);
    await closeAfterNavigation(page, publish.expect.path);
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${EXTENSION_ID}/options.html#audit`);
    const allowed = (await dumpRecords(ext)).filter((x) => x.event === 'publish-allowed' && String(x.url).includes('pageContentAdd'));
    expect(allowed.map((x) => [x.channel, x.editor])).toEqual([[OWN_CHANNEL, '林十八']]);
    await ext.close();
  });
});

describe('SSCMS 内容管理 → 审核, signed', () => {
  test('42 signed off on SSCMS’s own editor (contentId=42, saved to actions/update) passes 审核 from the list', async () => {
    const editor = edit('sscms');
    await signItem(editor, '42', { text: '第42号稿件（SSCMS）：资金已按时足额发放，名单请到乡镇民政办查阅。', path: `${editor.path}&contentId=42`, savedTo: '/cms/sscms/api/admin/cms/editor/actions/update' });
    const since = server.mark();
    const page = await sscmsCheckLayer([1]);
    await page.frameLocator(LAYER).locator('#btn-submit').click();
    const [r] = await server.waitForRequests({ ...sscmsList.expect, since });
    expect(readIds(r!, sscmsList.expect.ids)).toEqual(['42']);
    await expect.poll(() => page.locator('.el-message').innerText()).toContain(sscmsList.success);
    await page.close();
  });
});
