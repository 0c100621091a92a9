/**
 * PageDriver over a playwright-core Page (Chromium). Locators pierce open shadow roots by
 * themselves and wait until an element can be acted on.
 */
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { isPageDriver, type PageDriver } from './page-driver.ts';

/** The Playwright frame behind a chain of iframe selectors (waits for each to exist). */
export async function frameAt(page: Page, selectors: readonly string[]): Promise<Frame> {
  let frame = page.mainFrame();
  for (const sel of selectors) {
    const el = await frame.waitForSelector(sel, { state: 'attached', timeout: 10_000 });
    const next = await el.contentFrame();
    if (!next) throw new Error(`no frame behind ${sel}`);
    frame = next;
  }
  return frame;
}

function frameChain(page: Page, frames: readonly string[]): Page | FrameLocator {
  let root: Page | FrameLocator = page;
  for (const sel of frames) root = root.frameLocator(sel);
  return root;
}

export function playwrightDriver(page: Page): PageDriver {
  const at = (selector: string, frames: readonly string[] = []): Locator => frameChain(page, frames).locator(selector).first();
  return {
    browserName: 'chromium',
    url: () => page.url(),
    async goto(url) {
      try {
        await page.goto(url, { waitUntil: 'commit' });
      } catch (err) {
        // A navigation the page itself started just before (a route that leaves the page, late on a
        // loaded machine) wins over this one: go again once it is done.
        if (!/interrupted by another navigation/.test(String(err))) throw err;
        await page.waitForLoadState('domcontentloaded').catch(() => undefined);
        await page.goto(url, { waitUntil: 'commit' });
      }
    },
    async evaluate<T>(expression: string, frames: readonly string[] = []) {
      return (await frameAt(page, frames)).evaluate<T>(expression);
    },
    async waitFor(expression, { frames = [], timeout = 5_000 } = {}) {
      // Polled with evaluate, not waitForFunction: that one compiles the expression with new Function
      // inside the page, which an extension page's CSP (script-src 'self') refuses.
      const frame = await frameAt(page, frames);
      const deadline = Date.now() + timeout;
      while (!(await frame.evaluate<unknown>(expression))) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${expression}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async waitForSelector(selector, state, { frames = [], timeout = 5_000 } = {}) {
      await at(selector, frames).waitFor({ state, timeout });
    },
    click: (selector, frames, how = {}) => at(selector, frames).click({ noWaitAfter: true, ...how }),
    bringToFront: () => page.bringToFront(),
    fill: (selector, value, frames) => at(selector, frames).fill(value),
    async selectOption(selector, value, frames) {
      await at(selector, frames).selectOption(value);
    },
    check: (selector, frames) => at(selector, frames).check(),
    uncheck: (selector, frames) => at(selector, frames).uncheck(),
    focus: (selector, frames) => at(selector, frames).focus(),
    press: (keys) => page.keyboard.press(keys),
    type: (text) => page.keyboard.type(text),
  };
}

/** The helpers take a Playwright page (the Chromium suites) or any driver (the Firefox suite). */
export type DriveTarget = Page | PageDriver;

export function driverOf(target: DriveTarget): PageDriver {
  return isPageDriver(target) ? target : playwrightDriver(target);
}
