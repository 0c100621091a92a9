/**
 * Options → 站点 → 使用内置适配, as an administrator does it: PbootCMS's per-row 点击开启 link publishes
 * a saved item by a plain GET whose URL has no publish word, so without an adapter Precheck cannot know
 * it publishes and it reaches the server; once the administrator picks the shipped PbootCMS adapter
 * for the CMS's site, the same click on an unsigned item is refused, named by its title, and nothing
 * arrives.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import type { Browser } from '../../lib/demo/browser.ts';
import { CMS_LIST_FIXTURES } from '../../lib/demo/cms-fixtures.ts';
import { demoPolicy } from '../../lib/demo/demo-policy.ts';
import { panelRefusals } from '../../lib/demo/cms-drive.ts';
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

  const options = await browser.context.newPage();
  await options.goto(optionsUrl(EXTENSION_ID, 'sites'));
  await showOptionsTab(options, 'sites');
  await options.locator('[data-shipped=cms]').selectOption('pbootcms');
  // the demo policy's origins are port-less (http://127.0.0.1/*): the site is that host, any port
  await options.locator('[data-shipped=site]').selectOption('http://127.0.0.1');
  await options.locator('[data-shipped=paths]').fill('/cms/pbootcms/*');
  await options.locator('[data-shipped=use]').click();
  await expect.poll(() => options.locator('#sites').innerText()).toContain('shipped-pbootcms-127-0-0-1');
  await options.close();

  since = server.mark();
  page = await clickSwitch('43');
  await expect.poll(() => panelRefusals(page), { timeout: 10_000 }).toContain('县政府常务会议研究部署防汛工作 (ID 43)');
  await page.waitForTimeout(800);
  expect(server.requests({ ...fixture.expect, since })).toEqual([]);
  await page.close();
});
