/**
 * One Chromium with Precheck and the demo policy, the recording CMS server, and one tab at a county
 * office laptop's 1366×768, for the suites that look at what the editor sees (issue 13).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import { demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { EXTENSION_DIR } from './extension-helpers.ts';
import { launchBrowser, startServer, type Browser, type CmsServer } from './harness.ts';

export interface Laptop {
  browser: Browser;
  server: CmsServer;
  tab: Page;
}

/** Registers the suite's beforeAll/afterAll; the returned object is filled in before the first test. */
export function useLaptop(): Laptop {
  const laptop = {} as Laptop;
  beforeAll(async () => {
    [laptop.browser, laptop.server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startServer()]);
    await installPolicy(laptop.browser.context, EXTENSION_ID, await demoPolicy());
    laptop.tab = await laptop.browser.context.newPage();
    await laptop.tab.setViewportSize({ width: 1366, height: 768 });
  }, 60_000);
  afterAll(async () => {
    await laptop.browser?.close();
    await laptop.server?.close();
  });
  return laptop;
}
