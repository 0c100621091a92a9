/**
 * Issue 13 on the extension's own pages, in real Chromium with the built extension:
 * - a Chinese browser sees the options page (every tab) and the popup in Chinese only, an English one
 *   in English only (data the unit or the CMS wrote, marked translate="no", aside);
 * - axe-core finds no serious or critical violation on any tab or on the popup;
 * - in a local policy, a reviewer's PIN is reset only with that reviewer's current PIN or the
 *   administrator password, and a roster import needs the password, all enforced by the background.
 * Screenshots at 1366×768 of each tab and the popup go to test-output/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { DEMO_ADMIN_PASSWORD, demoPerson, demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { OPTIONS_TABS, optionsUrl, pastePolicy, showOptionsTab, unlockAsAdmin, type OptionsTab } from '../../lib/demo/options-drive.ts';
import { verifyPin } from '../../lib/policy/pin';
import type { Policy } from '../../lib/policy/schema';
import { describeViolations, runAxe, serious } from './axe.ts';
import { EXTENSION_DIR, PROJECT_ROOT, serviceWorker, tabIdOf } from './extension-helpers.ts';
import { launchBrowser, openEditor, setContent, sleep, startServer, type Browser, type CmsServer } from './harness.ts';
import { chineseIn, englishIn, shownTexts } from './language.ts';

const OUT = path.join(PROJECT_ROOT, 'test-output');
const SCREEN = { width: 1366, height: 768 };
const LEAKY = '<p>城乡低保新增对象公示：张玉梅，身份证号 150702194104190630，联系电话 18049344958。</p>';

/**
 * Latin a Chinese screen uses as it is: names of formats and products, the PIN, and the technical
 * names in the rule descriptions (Luhn, ICCID …), which have no Chinese name in use.
 */
const NAMES_KEPT = ['PIN', 'CSV', 'JSON', 'Lines', 'Word', 'WPS', 'Luhn', 'SIM', 'ICCID', 'GB', 'ID', 'https', 'http', 'IndexedDB'];

async function whenTabReady(page: Page, tab: OptionsTab): Promise<void> {
  // The log reads IndexedDB before it shows rows: wait for its count.
  if (tab === 'audit') await page.locator('[data-audit-total]:not([data-audit-total=""])').waitFor();
}

async function storedPolicy(page: Page): Promise<Policy> {
  return (await serviceWorker(page.context())).evaluate<Policy>(`chrome.storage.local.get('policy').then((s) => s.policy)`);
}

async function openPopupFor(browser: Browser, server: CmsServer): Promise<Page> {
  const { page: cms } = await openEditor(browser.context, server, 'textarea');
  await setContent(cms, LEAKY);
  await sleep(500);
  const tabId = await tabIdOf(browser.context, cms.url());
  const popup = await browser.context.newPage();
  await popup.setViewportSize(SCREEN);
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${tabId}`);
  await popup.locator('[data-tab-state="active"]').waitFor({ timeout: 10_000 });
  await popup.locator('[data-scan-page]').click();
  await popup.locator('[data-scan-result]').waitFor({ timeout: 10_000 });
  return popup;
}

describe('in a Chinese browser', () => {
  let browser: Browser;
  let server: CmsServer;
  let options: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR, lang: 'zh-CN' }), startServer()]);
    await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
    await mkdir(OUT, { recursive: true });
    options = await browser.context.newPage();
    await options.setViewportSize(SCREEN);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each(OPTIONS_TABS)('options, %s: Chinese only, no serious accessibility violation', async (tab) => {
    await options.goto(optionsUrl(EXTENSION_ID, tab));
    await options.locator(`section#${tab}`).waitFor({ state: 'visible' });
    await whenTabReady(options, tab);
    expect(await options.evaluate('document.documentElement.lang')).toBe('zh-CN');
    expect(englishIn(await shownTexts(options), NAMES_KEPT)).toEqual([]);
    const found = serious(await runAxe(options));
    expect(found, describeViolations(found)).toEqual([]);
    await options.screenshot({ path: path.join(OUT, `options-${tab}.png`) });
  });

  test('options: the log is one click from every tab, and no tab is taller than a few screens', async () => {
    await options.goto(optionsUrl(EXTENSION_ID));
    for (const tab of OPTIONS_TABS) {
      await showOptionsTab(options, tab);
      await whenTabReady(options, tab);
      // The tab bar stays on screen (sticky), so 审计日志 is always one click away.
      expect(await options.locator('nav a[data-tab="audit"]').isVisible()).toBe(true);
      const height = await options.evaluate('document.documentElement.scrollHeight');
      expect(height, tab).toBeLessThan(5_800);
    }
    await showOptionsTab(options, 'audit');
    expect(new URL(options.url()).hash).toBe('#audit');
  });

  test('options: focus is visible on every control reached by Tab', async () => {
    await options.goto(optionsUrl(EXTENSION_ID, 'reviewers'));
    await options.locator('section#reviewers').waitFor();
    const outlines: string[] = [];
    for (let i = 0; i < 12; i++) {
      await options.keyboard.press('Tab');
      outlines.push(
        await options.evaluate(`(() => { const e = document.activeElement; const s = getComputedStyle(e); return e.tagName + ' ' + (e.textContent || '').slice(0, 12) + ': ' + s.outlineStyle + ' ' + s.outlineWidth; })()`),
      );
    }
    // Past the last control, focus leaves the page (BODY): that is the end of the round, not a control.
    const controls = outlines.filter((o) => !o.startsWith('BODY'));
    expect(controls.length).toBeGreaterThan(8);
    expect(controls.filter((o) => !o.endsWith(': solid 3px'))).toEqual([]);
  });

  test('the accessibility check can fail: a nameless button and faint text are reported', async () => {
    await options.goto(optionsUrl(EXTENSION_ID));
    await options.locator('nav').waitFor();
    await options.evaluate(`(() => {
      const box = document.createElement('div');
      box.id = 'axe-probe';
      box.innerHTML = '<button type="button"></button><p style="color:#aaa">淡灰色的说明文字</p>';
      document.body.append(box);
    })()`);
    const ids = serious(await runAxe(options, { include: ['#axe-probe'] })).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
  });

  test('popup: Chinese only, no serious accessibility violation', async () => {
    const popup = await openPopupFor(browser, server);
    expect(englishIn(await shownTexts(popup), NAMES_KEPT)).toEqual([]);
    const found = serious(await runAxe(popup));
    expect(found, describeViolations(found)).toEqual([]);
    await popup.screenshot({ path: path.join(OUT, 'popup.png') });
    await popup.close();
  });

  describe('PIN reset in a local policy', () => {
    const lisi = demoPerson('lisi');
    const wang = demoPerson('wangzr');
    const row = (id: string) => options.locator(`tr[data-reviewer="${id}"]`);
    const problems = () => options.locator('#reviewers .problems');

    async function resetPin(id: string, pins: { current?: string; next: string }): Promise<void> {
      await row(id).locator('button').first().click();
      const form = row(id).locator('[data-reset-pin]');
      const boxes = form.locator('input[type=password]');
      const values = pins.current === undefined ? [pins.next, pins.next] : [pins.current, pins.next, pins.next];
      expect(await boxes.count()).toBe(values.length);
      for (const [i, v] of values.entries()) await boxes.nth(i).fill(v);
      await form.locator('button[type=submit]').click();
    }

    test("needs the reviewer's current PIN: a wrong one is refused next to the form, the right one resets", async () => {
      await options.goto(optionsUrl(EXTENSION_ID, 'reviewers'));
      await options.locator('[data-admin="locked"]').waitFor();
      // Locked: nobody can remove a reviewer (and sign as a new one of the same name).
      expect(await row(lisi.id).locator('button').nth(1).isDisabled()).toBe(true);
      const before = (await storedPolicy(options)).reviewers.find((r) => r.id === lisi.id)!.pin;

      await resetPin(lisi.id, { current: '0000', next: '97531' });
      await problems().waitFor();
      expect(await problems().textContent()).toContain('PIN 不正确');
      expect((await storedPolicy(options)).reviewers.find((r) => r.id === lisi.id)!.pin).toEqual(before);
      await options.screenshot({ path: path.join(OUT, 'options-reviewers-reset-refused.png') });

      await options.reload();
      await resetPin(lisi.id, { current: lisi.pin, next: '97531' });
      await expect.poll(async () => (await storedPolicy(options)).reviewers.find((r) => r.id === lisi.id)!.pin.hash, { timeout: 10_000 }).not.toBe(before.hash);
      expect(await verifyPin('97531', (await storedPolicy(options)).reviewers.find((r) => r.id === lisi.id)!.pin)).toBe(true);
    });

    test('resets a forgotten PIN once unlocked with the administrator password', async () => {
      await options.goto(optionsUrl(EXTENSION_ID, 'reviewers'));
      await unlockAsAdmin(options, DEMO_ADMIN_PASSWORD);
      await resetPin(wang.id, { next: '864200' });
      await expect.poll(async () => verifyPin('864200', (await storedPolicy(options)).reviewers.find((r) => r.id === wang.id)!.pin), { timeout: 10_000 }).toBe(true);
    });

    test('refuses an import that changes the roster without the password; the roster stays', async () => {
      await options.goto(optionsUrl(EXTENSION_ID));
      const current = await storedPolicy(options);
      await pastePolicy(options, JSON.stringify({ ...current, reviewers: current.reviewers.filter((r) => r.id !== lisi.id) }));
      await options.locator('#import-export .error').waitFor();
      expect(await options.locator('#import-export .problems').textContent()).toContain('管理员密码');
      expect((await storedPolicy(options)).reviewers.map((r) => r.id)).toEqual(current.reviewers.map((r) => r.id));
    });
  });
});

describe('in an English browser', () => {
  let browser: Browser;
  let server: CmsServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR, lang: 'en-US' }), startServer()]);
    await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every options tab is English only, apart from what the unit and the CMS wrote', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(SCREEN);
    await page.goto(optionsUrl(EXTENSION_ID));
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    for (const tab of OPTIONS_TABS) {
      await showOptionsTab(page, tab);
      await whenTabReady(page, tab);
      expect(chineseIn(await shownTexts(page)), tab).toEqual([]);
    }
    await page.close();
  });

  test('the popup is English only, apart from what the CMS wrote', async () => {
    const popup = await openPopupFor(browser, server);
    expect(chineseIn(await shownTexts(popup))).toEqual([]);
    await popup.close();
  });
});
