/**
 * Adding an origin in the options page asks for host access, and once it is granted Precheck's
 * content scripts run there, without a reload of the extension: lib/policy/registration.ts registers
 * them at runtime (scripting.registerContentScripts) for the policy's granted origins.
 *
 * The CMS is reached a second way, as http://cms.test:<port>/ (--host-resolver-rules), an origin the
 * manifest's host_permissions do not cover.
 *
 * The permission prompt. chrome.permissions.request shows a native browser dialog, which neither
 * Playwright nor CDP can reach (headless or not), Chromium has no switch to accept it outside its own
 * C++ tests (PermissionsRequestFunction::SetAutoConfirmForTests), and no enterprise policy grants
 * optional host permissions (ExtensionSettings runtime_allowed_hosts only exempts hosts from
 * runtime_blocked_hosts; tried: permissions.contains stays false). What Chromium does offer: a
 * request for hosts the user has already granted the extension is answered at once, without a
 * dialog (permissions_api.cc: "We don't prompt for already-granted permissions"). So the user's
 * grant is made the way chrome://extensions records it (developerPrivate.addHostPermission, from the
 * chrome://extensions page itself) and the rest is the real user path: a real click on
 * 「添加并授权」 in the options page, the page's own permissions.request under that click, the policy
 * save, and the background's registration. The grant alone changes nothing (checked below): it is
 * the options page that asks for the permission and adds the origin.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import { EXTENSION_DIR, waitForBlockShown } from './extension-helpers.ts';
import { fillForm, launchBrowser, openEditor, publish, sleep, startServer, typeInto, waitForPosts, type Browser, type CmsServer } from './harness.ts';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { extensionWorker, OPTIONS_URL, panelCounts } from './policy-helpers.ts';
import { pastePolicy, showOptionsTab } from '../../lib/demo/options-drive.ts';

const ID_NUMBER = '11010519491231002X';
const DRAFT = `经核实，张三（身份证号 ${ID_NUMBER}）符合条件。`;
/** how long a content script takes at most to show itself on a ready page */
const SETTLE_MS = 1_500;

let browser: Browser;
let server: CmsServer;
/** The CMS as http://cms.test:<port> and http://cms-b.test:<port> (openEditor only reads `url`). */
let cmsTest: CmsServer;
let cmsB: CmsServer;
let origin: string;
let originB: string;
let tab: Page;
let options: Page;

beforeAll(async () => {
  server = await startServer();
  const port = new URL(server.url).port;
  cmsTest = Object.assign(Object.create(server) as CmsServer, { url: `http://cms.test:${port}` });
  cmsB = Object.assign(Object.create(server) as CmsServer, { url: `http://cms-b.test:${port}` });
  origin = `${cmsTest.url}/*`;
  originB = `${cmsB.url}/*`;
  browser = await launchBrowser({ extensionDir: EXTENSION_DIR, args: ['--host-resolver-rules=MAP *.test 127.0.0.1'] });
  tab = await browser.context.newPage();
  options = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const hasAccess = async (o = origin) => (await extensionWorker(browser.context)).evaluate(`chrome.permissions.contains({ origins: [${JSON.stringify(o)}] })`);

/** The user's grant of a site, as chrome://extensions records it (see the top of the file). */
async function grantInChromeExtensions(o: string): Promise<void> {
  const extensions = await browser.context.newPage();
  await extensions.goto(`chrome://extensions/?id=${EXTENSION_ID}`);
  await extensions.evaluate(`chrome.developerPrivate.addHostPermission(${JSON.stringify(EXTENSION_ID)}, ${JSON.stringify(o)})`);
  await extensions.close();
}

/** Opens the editor page at cms.test (or another name of the CMS) and reports whether Precheck shows up on it. */
async function precheckAtCmsTest(at: CmsServer = cmsTest): Promise<boolean> {
  await tab.bringToFront();
  await openEditor(tab, at, 'contenteditable');
  try {
    await tab.waitForFunction(`!!document.querySelector('precheck-panel')`, null, { timeout: SETTLE_MS, polling: 50 });
    return true;
  } catch {
    return false;
  }
}

/** Types a draft with an ID number, fills the form and clicks 发布. */
async function writeAndPublish(): Promise<void> {
  await fillForm(tab, 'contenteditable');
  await typeInto(tab, 'contenteditable', DRAFT);
  await publish(tab, 'contenteditable', 'click');
}

test('adding an origin asks for access, and Precheck runs there without reloading the extension', async () => {
  // Control: in this browser Precheck runs on the manifest's origin (127.0.0.1) …
  await tab.bringToFront();
  await openEditor(tab, server, 'contenteditable');
  await tab.waitForFunction(`!!document.querySelector('precheck-panel')`, null, { timeout: 10_000, polling: 50 });

  // … but not on cms.test, where publishing an ID number goes straight through.
  expect(await hasAccess()).toBe(false);
  expect(await precheckAtCmsTest()).toBe(false);
  server.reset();
  await writeAndPublish();
  await waitForPosts(server, { path: '/api/publish' });
  expect(await panelCounts(tab)).toBeNull();

  // The user grants the site in chrome://extensions. That alone changes nothing: the extension only
  // holds the host once it asks for it, and cms.test is not in the policy yet.
  await grantInChromeExtensions(origin);
  expect(await hasAccess()).toBe(false);
  expect(await precheckAtCmsTest()).toBe(false);

  // The options page: 站点 → type the origin → a real click on 添加并授权.
  await options.bringToFront();
  await options.goto(OPTIONS_URL);
  // A marker that an extension reload would wipe (it closes or reloads the extension's pages).
  await options.evaluate(`window.__notReloaded = true`);
  const origins = options.locator('#sites fieldset').first();
  await origins.locator('label input').fill(cmsTest.url);
  await origins.locator(':scope > button').click();
  const row = origins.locator('li', { has: options.locator('code', { hasText: origin }) });
  await row.locator('.ok').waitFor({ timeout: 10_000 });
  expect(await hasAccess()).toBe(true);
  // Registered at runtime for the new origin, and kept across browser restarts (after a restart
  // nothing wakes the worker before the first CMS page loads).
  // The row shows 已授权 once the origin is saved and granted; the background registers on the saved
  // change, a moment later (seconds on a loaded machine).
  const worker = await extensionWorker(browser.context);
  const readRegistered = () => worker.evaluate<{ matches: string[]; persistAcrossSessions: boolean }[]>(`chrome.scripting.getRegisteredContentScripts()`);
  await expect.poll(async () => (await readRegistered()).some((s) => s.matches.includes(origin)), { timeout: 15_000 }).toBe(true);
  const registered = await readRegistered();
  expect(registered.length).toBeGreaterThan(0);
  for (const s of registered) {
    expect(s.matches).toContain(origin);
    expect(s.persistAcrossSessions).toBe(true);
  }

  // Same tab, page reloaded: Precheck is there and stops the publish.
  server.reset();
  expect(await precheckAtCmsTest()).toBe(true);
  await writeAndPublish();
  expect(await waitForBlockShown(tab, 5_000)).toBe(true);
  // The stopped publish is shown at once; the draft's rescan that counts the ID follows it.
  await expect.poll(async () => (await panelCounts(tab))?.block, { timeout: 5_000 }).toBe('1');
  await sleep(500);
  expect(server.posts.filter((p) => p.path === '/api/publish')).toEqual([]);

  // The extension was never reloaded: its options page is the same document.
  expect(options.isClosed()).toBe(false);
  expect(await options.evaluate(`window.__notReloaded === true`)).toBe(true);
});

test('an origin the policy already lists starts running once access is granted from the options page', async () => {
  // A policy file names a second CMS origin (as IT's managed policy would): listed, but no access yet.
  await options.bringToFront();
  await options.goto(OPTIONS_URL);
  await options.evaluate(`window.__notReloaded = true`);
  const policy = { ...DEFAULT_POLICY, origins: [...DEFAULT_POLICY.origins, origin, originB] };
  await pastePolicy(options, JSON.stringify(policy));
  await options.locator('#import-export [role=status]').waitFor();
  await showOptionsTab(options, 'sites');
  const row = options.locator('#sites li', { has: options.locator('code', { hasText: originB }) });
  await row.locator('button.grant').waitFor();
  expect(await hasAccess(originB)).toBe(false);
  expect(await precheckAtCmsTest(cmsB)).toBe(false);

  // 授权 in the options page: the grant reaches the background as permissions.onAdded, which
  // registers the scripts for the listed origin (no policy change this time).
  await grantInChromeExtensions(originB);
  await options.bringToFront();
  await row.locator('button.grant').click();
  await row.locator('.ok').waitFor({ timeout: 10_000 });
  expect(await hasAccess(originB)).toBe(true);

  server.reset();
  expect(await precheckAtCmsTest(cmsB)).toBe(true);
  await writeAndPublish();
  expect(await waitForBlockShown(tab, 5_000)).toBe(true);
  await sleep(500);
  expect(server.posts.filter((p) => p.path === '/api/publish')).toEqual([]);
  expect(await options.evaluate(`window.__notReloaded === true`)).toBe(true);
});
