/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with Precheck's Firefox build
 * (.output/firefox-mv3) installed as a temporary add-on. Measured on firefox-esr 153:
 *
 * - `--remote-allow-system-access` lets puppeteer evaluate in extension pages.
 * - `extensions.webextensions.uuids` fixes the extension's moz-extension:// host, so the tests can
 *   open its pages by URL.
 * - Host access: the manifest's `host_permissions` (127.0.0.1, localhost) are granted at install; an
 *   optional origin is granted by the extension's own `permissions.request` under a real click, which
 *   with `extensions.webextOptionalPermissionPrompts: false` is answered yes without a prompt (the
 *   options page's 添加并授权 / 授权访问 is clicked, as a user would).
 * - `page.goto('moz-extension://…')` never resolves: extension pages are opened with a short
 *   timeout and waited for by their location.
 */
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../wxt.config.ts';
import { firefoxDriver } from './firefox-driver.ts';
import type { PageDriver } from './page-driver.ts';

export const FIREFOX_PATH = process.env.PRECHECK_FIREFOX ?? '/usr/bin/firefox-esr';
/** The moz-extension:// host given to Precheck in the profiles these helpers start. */
export const FIREFOX_EXTENSION_UUID = '5f0c8e2a-7d3b-4c61-9a4e-2b8f1d6c3e70';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

export interface FirefoxOptions {
  /** the unpacked Firefox build to install (e.g. .output/firefox-mv3) */
  extensionDir?: string;
  /** another Firefox binary or a wrapper around it (the managed-policy suite uses one) */
  executablePath?: string;
  /** default true; PRECHECK_HEADFUL=1 shows the window (needs a display) */
  headless?: boolean;
}

export interface FirefoxSession {
  browser: Browser;
  /** a new tab with its driver */
  newTab(): Promise<{ page: Page; driver: PageDriver }>;
  /** a new tab on one of the extension's pages (options.html …), loaded */
  openExtensionPage(file: string): Promise<{ page: Page; driver: PageDriver }>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Navigates a tab to an extension page; waits for it by location, since goto never resolves there. */
async function gotoExtensionPage(page: Page, url: string, timeout = 10_000): Promise<void> {
  page.goto(url, { timeout: 1_000 }).catch(() => undefined);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    await sleep(50);
    const ready = await page.evaluate(`location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`).catch(() => false);
    if (ready) return;
  }
  throw new Error(`extension page ${url} did not load within ${timeout} ms`);
}

/**
 * Precheck registers its content scripts from the background at start-up; a CMS page opened before
 * that runs without them. Waits until they are registered (read from an extension page).
 */
async function scriptsRegistered(driver: PageDriver, timeoutMs = 20_000): Promise<void> {
  await driver.waitFor(`browser.scripting.getRegisteredContentScripts().then((s) => s.length > 0)`, { timeout: timeoutMs });
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const headless = options.headless ?? process.env.PRECHECK_HEADFUL !== '1';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath ?? FIREFOX_PATH,
    headless,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      // The suites drive two tabs of one window, so one is always hidden, and Firefox holds a hidden
      // tab's timers to one a second: each scan of the draft waited ~1.5 s there (0.25 s in the tab
      // shown), a third of a probe row. An editor works in the tab shown; both tabs now time as it does.
      'dom.min_background_timeout_value': 4,
      'dom.min_background_timeout_value_without_budget_throttling': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
    },
  });
  const newTab = async () => {
    const page = await browser.newPage();
    return { page, driver: firefoxDriver(page) };
  };
  const openExtensionPage = async (file: string) => {
    const tab = await newTab();
    await gotoExtensionPage(tab.page, `${FIREFOX_EXTENSION_ORIGIN}/${file}`);
    return tab;
  };
  try {
    if (options.extensionDir) {
      await browser.installExtension(path.resolve(options.extensionDir));
      const { page, driver } = await openExtensionPage('options.html');
      await scriptsRegistered(driver);
      await page.close();
    }
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
  return {
    browser,
    newTab,
    openExtensionPage,
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
