/**
 * Options → 站点 → 使用内置适配, as an administrator does it: PbootCMS's per-row 点击开启 link publishes
 * a saved item by a plain GET whose URL has no publish word, so without an adapter Precheck cannot know
 * it publishes and it reaches the server; once the administrator picks the shipped PbootCMS adapter
 * for the CMS's site, the same click on an unsigned item is refused, named by its title, and nothing
 * arrives. Draft saves the other way round: only a site adapter declares one — a 草稿 label or an
 * autosave URL declares nothing, and SSCMS's and PublicCMS's 草稿 is the publish's own request with a
 * body value (content.checkedLevel -99, draft=on) —, so without an adapter a clean draft save is held
 * for a sign-off (emlog, WordPress, SSCMS, PublicCMS); with the picked adapter it is saved, and one
 * holding an ID number is still refused.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import type { Browser } from '../../lib/demo/browser.ts';
import { CMS_FIXTURES, CMS_LIST_FIXTURES } from '../../lib/demo/cms-fixtures.ts';
import { checklistOpen, closeChecklist, waitForChecklist } from '../../lib/demo/checklist-drive.ts';
import { demoPolicy } from '../../lib/demo/demo-policy.ts';
import { SAMPLE_ID, expectSuccess, openFixture, panelRefusals, prepareDraft, runSteps, successWindow } from '../../lib/demo/cms-drive.ts';
import { optionsUrl, showOptionsTab } from '../../lib/demo/options-drive.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { closeAfterNavigation, closeCmsSession, openCmsSession } from './cms-session.ts';

const fixture = CMS_LIST_FIXTURES.find((f) => f.cms === 'pbootcms')!;

let browser: Browser;
let server: CmsServer;

beforeAll(async () => {
  ({ browser, server } = await openCmsSession(() => demoPolicy()));
}, 120_000);

afterAll(() => closeCmsSession(browser, server));

/** Options → 站点: the shipped adapter of `cms` for the demo's host, on `paths`. */
async function pickShipped(cms: string, paths: string): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(optionsUrl(EXTENSION_ID, 'sites'));
  await showOptionsTab(options, 'sites');
  await options.locator('[data-shipped=cms]').selectOption(cms);
  // the demo policy's origins are port-less (http://127.0.0.1/*): the site is that host, any port
  await options.locator('[data-shipped=site]').selectOption('http://127.0.0.1');
  await options.locator('[data-shipped=paths]').fill(paths);
  await options.locator('[data-shipped=use]').click();
  await expect.poll(() => options.locator('#sites').innerText()).toContain(`shipped-${cms}-127-0-0-1`);
  await options.close();
}

async function clickSwitch(id: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url + fixture.path, { waitUntil: 'load' });
  await page.locator('precheck-panel').waitFor({ state: 'attached' });
  await page.locator(`#status-${id}`).click({ noWaitAfter: true });
  return page;
}

test('without an adapter the status link goes out; with the picked PbootCMS adapter it is refused, named by title', async () => {
  let since = server.mark();
  let page = await clickSwitch('42');
  await server.waitForRequests({ ...fixture.expect, since });
  await closeAfterNavigation(page, fixture.expect.path);

  await pickShipped('pbootcms', '/cms/pbootcms/*');

  since = server.mark();
  page = await clickSwitch('43');
  await expect.poll(() => panelRefusals(page), { timeout: 10_000 }).toContain('县政府常务会议研究部署防汛工作 (ID 43)');
  await page.waitForTimeout(800);
  expect(server.requests({ ...fixture.expect, since })).toEqual([]);
  await page.close();
});

const ADAPTER_DRAFTS = CMS_FIXTURES.filter((f) => f.publish.some((p) => p.draft));

test.each(ADAPTER_DRAFTS.map((f) => [f.name, f] as const))('%s 草稿: without an adapter a clean one is held for a sign-off; with the picked adapter it is saved, and with an ID refused', async (_name, fixture) => {
  const draft = fixture.publish.find((p) => p.draft)!;
  const openDraft = async (text: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await openFixture(page, server.url, fixture);
    await page.locator('precheck-panel').waitFor({ state: 'attached' });
    await prepareDraft(page, fixture, text);
    return page;
  };
  const clean = '乡镇民政办已按时发放本季度低保资金。';

  let since = server.mark();
  let page = await openDraft(clean);
  await runSteps(page, draft.steps);
  await waitForChecklist(page);
  await closeChecklist(page);
  await page.waitForTimeout(800);
  expect(server.requests({ ...draft.expect, since })).toEqual([]);
  await page.close();

  await pickShipped(fixture.cms, `/cms/${fixture.cms}/*`);

  since = server.mark();
  page = await openDraft(clean);
  const shown = successWindow(page, draft);
  await runSteps(page, draft.steps);
  const [saved] = await server.waitForRequests({ ...draft.expect, since });
  expect(JSON.stringify(saved!.body)).toContain('按时发放');
  await expectSuccess(page, draft, shown);
  expect(await checklistOpen(page)).toBe(false);
  await page.close();

  since = server.mark();
  page = await openDraft(`申请人身份证号${SAMPLE_ID}，请核对。`);
  await runSteps(page, draft.steps);
  await expect.poll(() => panelRefusals(page), { timeout: 10_000 }).toContain(draft.expect.path.split('/').at(-1)!);
  await page.waitForTimeout(800);
  expect(server.carrying(SAMPLE_ID)).toEqual([]);
  expect(server.requests({ ...draft.expect, since })).toEqual([]);
  await page.close();
});

test('WordPress with the picked adapter: its heartbeat autosave of a clean draft reaches admin-ajax.php; one holding an ID is refused', async () => {
  const fixture = CMS_FIXTURES.find((f) => f.cms === 'wordpress')!;
  // picked again: this test does not lean on the order of the ones above
  await pickShipped('wordpress', '/cms/wordpress/*');
  const ajax = { method: 'POST', path: '/cms/wordpress/wp-admin/admin-ajax.php' };
  const openTicking = async (text: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await openFixture(page, server.url, { ...fixture, path: `${fixture.path}?autosave=1000` });
    await page.locator('precheck-panel').waitFor({ state: 'attached' });
    await prepareDraft(page, fixture, text);
    return page;
  };

  let since = server.mark();
  let page = await openTicking('乡镇民政办已按时发放本季度低保资金。');
  // ticks come every second; a loaded CI (four browser processes on two cores) needs a few of them
  await expect.poll(() => server.requests({ ...ajax, since }).filter((r) => JSON.stringify(r.body).includes('按时发放')).length, { timeout: 25_000 }).toBeGreaterThan(0);
  await expect.poll(() => page.locator('#autosave-status').innerText()).toContain('草稿已于');
  expect(await checklistOpen(page)).toBe(false);
  await page.close();

  since = server.mark();
  page = await openTicking(`申请人身份证号${SAMPLE_ID}，请核对。`);
  await expect.poll(() => panelRefusals(page), { timeout: 25_000 }).toContain('admin-ajax.php');
  await page.waitForTimeout(1500);
  expect(server.carrying(SAMPLE_ID)).toEqual([]);
  await page.close();
}, 120_000);
