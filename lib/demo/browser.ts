/**
 * Debian's Chromium driven by playwright-core, optionally with an unpacked extension loaded. Shared by
 * the demo and the e2e tests. Extensions need a persistent context and the new headless mode.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PRECHECK_CHROMIUM ?? '/usr/bin/chromium';

// Precheck cancels a refused form post on the Navigation API's navigate event; Chromium then never
// reports that navigation as ended, and Playwright would wait for it before every later action.
process.env.PLAYWRIGHT_SKIP_NAVIGATION_CHECK ??= '1';

export interface LaunchOptions {
  /** an unpacked extension directory (e.g. .output/chrome-mv3) to load */
  extensionDir?: string;
  /** default true; PRECHECK_HEADFUL=1 shows the window (needs a display) */
  headless?: boolean;
  /** extra Chromium switches */
  args?: string[];
  /** another Chromium binary or a wrapper around it (the managed-policy tests use one) */
  executablePath?: string;
  /** the browser's language; default zh-CN, what county editors run (Precheck's pages follow it) */
  lang?: BrowserLang;
  /**
   * A profile to start (again) instead of a fresh one; it is kept on close. For the tests that start a
   * browser the second time, as an editor does each morning.
   */
  userDataDir?: string;
  /** default true: wait until the extension registered its content scripts before returning */
  waitForScripts?: boolean;
}

export type BrowserLang = 'zh-CN' | 'en-US';

/**
 * Switches that make Chromium speak `lang`. Debian's Chromium ships only the en-US UI pack, so
 * --lang alone changes nothing there; --accept-lang sets the preferred languages (navigator.languages),
 * which is what Precheck's pages follow (lib/i18n/lang.ts). --lang still counts where the pack exists.
 */
export function langArgs(lang: BrowserLang): string[] {
  const base = lang.split('-')[0];
  return [`--lang=${lang}`, `--accept-lang=${lang},${base}`];
}

export interface Browser {
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

/** Launch Debian's Chromium as a persistent context (extensions need one). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const headless = options.headless ?? process.env.PRECHECK_HEADFUL !== '1';
  const keep = options.userDataDir !== undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'precheck-e2e-')));
  const args = [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-dev-shm-usage',
    ...langArgs(options.lang ?? 'zh-CN'),
    ...(options.args ?? []),
  ];
  if (options.extensionDir) {
    const dir = path.resolve(options.extensionDir);
    args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? CHROMIUM_PATH,
    // headless is passed as the --headless=new switch: Playwright's own headless mode would add
    // the old-headless switches, which do not run extensions
    headless: false,
    args,
    ignoreDefaultArgs: options.extensionDir ? ['--disable-extensions'] : [],
    viewport: { width: 1280, height: 900 },
    locale: options.lang ?? 'zh-CN',
  });
  if (options.extensionDir && options.waitForScripts !== false) await scriptsRegistered(context);
  return {
    context,
    userDataDir,
    async close() {
      await context.close().catch(() => undefined);
      if (!keep) await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/**
 * A page in a window of its own. A persistent context's newPage() opens a tab in the one window, and
 * Chromium paints only the tab shown: a hidden tab's animation frames come once a second, and
 * Playwright, which waits for two before each click, took 2 s per click there (a probe's sign-off on
 * the tab beside its control host took 10 s of its 15). Only where two pages are driven at once: every
 * page shown (tried 2026-12-07) painted and ticked in every leftover page and slowed the CI run as a whole.
 */
export async function newWindowPage(context: BrowserContext): Promise<Page> {
  const anchor = context.pages()[0] ?? (await context.newPage());
  const session = await context.newCDPSession(anchor);
  try {
    const { targetId } = await session.send('Target.createTarget', { url: 'about:blank', newWindow: true });
    return await pageOfTarget(context, targetId);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

async function pageOfTarget(context: BrowserContext, targetId: string, timeoutMs = 10_000): Promise<Page> {
  const known = new Set<Page>();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of context.pages()) {
      if (known.has(page)) continue;
      known.add(page);
      const session = await context.newCDPSession(page);
      const { targetInfo } = await session.send('Target.getTargetInfo').finally(() => session.detach().catch(() => undefined));
      if (targetInfo.targetId === targetId) return page;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`the new window's page (target ${targetId}) did not appear within ${timeoutMs} ms`);
}

/**
 * Precheck registers its content scripts from the service worker at start-up (for the policy's
 * origins): a page opened before that would run without it. Waits until they are registered and the
 * startup lockdown is lifted; an extension without a service worker or without the scripting API is
 * not waited for.
 */
async function scriptsRegistered(context: BrowserContext, timeoutMs = 30_000): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 5_000 }).catch(() => null));
  if (!worker) return;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Registered, the origins stored (the startup guard stores them once their lockdown is in place,
    // lib/background/startup-guard.ts), and that lockdown lifted for this session. Closing earlier would
    // leave the next start of this profile a first run's state, not a working day's.
    const ready = await worker.evaluate(`(async () => {
      if (!globalThis.chrome?.scripting) return true;
      if ((await chrome.scripting.getRegisteredContentScripts()).length === 0) return false;
      const stored = (await chrome.storage.local.get('registration.origins'))['registration.origins'];
      if (!Array.isArray(stored) || stored.length === 0) return false;
      const dnr = chrome.declarativeNetRequest;
      if (!dnr) return true;
      const locked = (await dnr.getDynamicRules()).some((r) => r.id === 10);
      return !locked || (await dnr.getSessionRules()).some((r) => r.id === 20);
    })()`);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the extension's startup guard was not done within ${timeoutMs / 1000} s (content scripts registered, origins stored, lockdown lifted)`);
}
