/**
 * Helpers for the Firefox suite: Debian's firefox-esr with the Firefox build installed
 * (lib/demo/firefox.ts), the mock CMS pages driven through the same helpers as the Chromium suite
 * (lib/demo/drive.ts, checklist-drive.ts, publish-routes.ts over a PageDriver), and the options
 * page's own controls for policy and host access.
 */
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxOptions, type FirefoxSession } from '../../lib/demo/firefox.ts';
import { cmsReady, editorPage, type CmsServer, type EditorKind } from '../../lib/demo/drive.ts';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import { FIREFOX_EXTENSION_DIR } from '../e2e/extension-helpers.ts';

export { FIREFOX_EXTENSION_DIR };

export function startFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  return launchFirefox({ extensionDir: FIREFOX_EXTENSION_DIR, ...options });
}

/** Loads a mock CMS page (at `baseUrl`, e.g. another port) and waits until its editor is ready. */
export async function openCms(driver: PageDriver, baseUrl: string, kind: EditorKind): Promise<void> {
  await driver.goto(baseUrl + editorPage(kind).path);
  await cmsReady(driver);
}

/** Waits for Precheck's panel on the page; false when it never came (the page is not guarded). */
export async function panelAttached(driver: PageDriver, timeout = 5_000): Promise<boolean> {
  try {
    await driver.waitFor(`!!document.querySelector('precheck-panel')`, { timeout });
    return true;
  } catch {
    return false;
  }
}

/** Base URL of a CMS server on another host name of this machine (127.0.0.2 …). */
export const urlOf = (server: CmsServer) => server.url;

/** The origin's row in the options page's 站点 list. */
const row = (origin: string) => `#sites li[data-origin=${JSON.stringify(origin)}]`;

/**
 * Grants host access the way a user does: 授权访问 in the origin's row of the options page (the
 * extension's own permissions.request under a real click; no prompt in this profile). Returns the
 * note the row shows about ports, if any.
 */
export async function grantInOptions(options: PageDriver, origin: string): Promise<string | null> {
  await options.waitForSelector(row(origin), 'visible', { timeout: 10_000 });
  await options.click(`${row(origin)} button.grant`);
  await options.waitForSelector(`${row(origin)} .ok`, 'visible', { timeout: 10_000 });
  return options.evaluate(`document.querySelector(${JSON.stringify(`${row(origin)} [data-port-note]`)})?.textContent ?? null`);
}

/** What the extension itself sees (asked from one of its pages). */
export function extensionEval<T>(options: PageDriver, expression: string): Promise<T> {
  return options.evaluate<T>(expression);
}

export async function closeQuietly(page: Page | undefined): Promise<void> {
  await page?.close().catch(() => undefined);
}
