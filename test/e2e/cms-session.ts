/**
 * One browser with Precheck and one recording CMS server per e2e file, the policy installed through
 * the options page: the shared set-up of the real-CMS gate suites.
 */
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import { launchBrowser, type Browser } from '../../lib/demo/browser.ts';
import { installPolicy } from '../../lib/demo/demo-policy.ts';
import { startCmsServer, type CmsServer } from '../../lib/demo/server.ts';
import type { Policy } from '../../lib/policy/schema.ts';
import { EXTENSION_DIR } from './extension-helpers.ts';

export async function openCmsSession(policy: (serverUrl: string) => Promise<Policy>): Promise<{ browser: Browser; server: CmsServer }> {
  const [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startCmsServer()]);
  await installPolicy(browser.context, EXTENSION_ID, await policy(server.url));
  return { browser, server };
}

export async function closeCmsSession(browser: Browser | undefined, server: CmsServer | undefined): Promise<void> {
  await browser?.close();
  await server?.close();
}

/**
 * Closes a page whose last action sent a navigation to `path`. Chromium's page close hangs (a minute
 * and more, with or without Precheck) when it comes after the request reached the server and before
 * the answer committed, so the answer's load is awaited first.
 */
export async function closeAfterNavigation(page: Page, path: string): Promise<void> {
  await page.waitForURL((u) => u.pathname === path, { waitUntil: 'load' });
  await page.close();
}
