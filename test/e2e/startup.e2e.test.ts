/**
 * Issue 10, "no unguarded moment": the first page of the day, opened as the browser starts (before
 * Precheck's service worker has registered anything), and a tab left open across an update that
 * cleared the registrations, never let a draft with an ID out. The browser is started twice on one
 * profile, as an editor's is each morning; the CMS page's own script sends the draft as it loads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_DIR, serviceWorker } from './extension-helpers.ts';
import { launchBrowser, sleep, startServer, type Browser, type CmsServer } from './harness.ts';

const ID = '11010519491231002X';

let server: CmsServer;
let profile: string;

beforeAll(async () => {
  server = await startServer();
  profile = await mkdtemp(path.join(os.tmpdir(), 'precheck-startup-'));
  // The first run: the policy's origins registered, as on any working day.
  const first = await launchBrowser({ extensionDir: EXTENSION_DIR, userDataDir: profile });
  await first.close();
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** What the page's load-time request came back with, once it has. */
async function sentState(page: Page): Promise<string> {
  await page.waitForFunction(`document.documentElement.hasAttribute('data-sent')`, null, { timeout: 10_000 });
  return page.evaluate<string>(`document.documentElement.getAttribute('data-sent')`);
}

describe('the first page after a browser start', () => {
  test.each([1, 2])('start %i: a page that sends a draft with an ID as it loads sends nothing; after start-up the gate judges it', async () => {
    server.reset();
    const browser: Browser = await launchBrowser({ extensionDir: EXTENSION_DIR, userDataDir: profile, waitForScripts: false });
    try {
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      await page.goto(`${server.url}/startup.html`);
      expect(await sentState(page)).not.toBe('yes');
      await sleep(300);
      expect(server.carrying(ID), 'nothing carrying the ID reached the server').toEqual([]);

      // Once the worker is up, the CMS works and the gate (not the lockdown) is what refuses.
      const sw = await serviceWorker(browser.context);
      await expect.poll(() => sw.evaluate(`chrome.declarativeNetRequest.getSessionRules().then((r) => r.some((x) => x.id === 20))`), { timeout: 20_000 }).toBe(true);
      await page.reload();
      expect(await sentState(page)).toMatch(/^refused: 发布前预检/);
      expect(await page.evaluate(`fetch('/sink/ping', { method: 'POST', body: 'ok=1' }).then((r) => r.status)`)).toBe(200);
      expect(server.carrying(ID)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('a tab open across an update', () => {
  test('scripts the update cleared are injected into the open tab before the lockdown lifts', async () => {
    server.reset();
    const browser = await launchBrowser({ extensionDir: EXTENSION_DIR, userDataDir: profile });
    try {
      const sw = await serviceWorker(browser.context);
      // As an update leaves it: no registrations; then a CMS tab loads without Precheck.
      await sw.evaluate(`chrome.scripting.unregisterContentScripts()`);
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/startup.html`);
      await sentState(page);
      server.reset();
      // The new version starts: registrations from the last run's origins, the open tab injected.
      await sw.evaluate(`chrome.runtime.reload()`);
      const fresh = await browser.context.waitForEvent('serviceworker', { timeout: 20_000 });
      await expect.poll(() => fresh.evaluate(`chrome.scripting.getRegisteredContentScripts().then((s) => s.length)`), { timeout: 20_000 }).toBe(2);
      await expect
        .poll(() => page.evaluate(`!!document.querySelector('precheck-panel')`), { timeout: 20_000, message: 'the open tab got the content scripts' })
        .toBe(true);
      const answer = await page.evaluate(`fetch('/sink/late', { method: 'POST', body: 'content=${ID}' }).then(() => 'sent', (e) => 'refused: ' + e.message)`);
      expect(answer).toMatch(/^refused: 发布前预检/);
      expect(server.carrying(ID)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
