/**
 * PageDriver over a puppeteer-core Page in Firefox (WebDriver BiDi). Elements are found with the
 * same shadow-piercing query the page helpers use, waited for until they are visible and enabled,
 * then clicked with puppeteer's trusted mouse.
 */
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { chordKeys, DEEP_QUERY, type PageDriver } from './page-driver.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The frame behind a chain of iframe selectors (waits for each to exist). */
export async function puppeteerFrameAt(page: Page, selectors: readonly string[]): Promise<Frame> {
  let frame = page.mainFrame();
  for (const sel of selectors) {
    const el = await frame.waitForSelector(sel, { timeout: 10_000 });
    const next = await el?.contentFrame();
    if (!next) throw new Error(`no frame behind ${sel}`);
    frame = next;
  }
  return frame;
}

/** The first visible, enabled element matching the selector (shadow roots pierced), waited for. */
async function actionable(page: Page, selector: string, frames: readonly string[], timeout = 5_000): Promise<ElementHandle<Element>> {
  const frame = await puppeteerFrameAt(page, frames);
  const deadline = Date.now() + timeout;
  for (;;) {
    const handle = await frame.evaluateHandle(
      `(() => { const el = ${DEEP_QUERY}(document, ${JSON.stringify(selector)});
        return el && el.checkVisibility() && !el.matches(':disabled') ? el : null; })()`,
    );
    const el = handle.asElement() as ElementHandle<Element> | null;
    if (el) return el;
    await handle.dispose();
    if (Date.now() > deadline) throw new Error(`no visible, enabled ${selector} after ${timeout} ms`);
    await sleep(25);
  }
}

export function firefoxDriver(page: Page): PageDriver {
  const press = async (keys: string) => {
    const parts = chordKeys(keys) as Parameters<Page['keyboard']['press']>[0][];
    // Playwright's 'Space' is a name puppeteer's BiDi keyboard does not know (it throws): the character itself.
    const last = parts.pop()!;
    const key = last === 'Space' ? ' ' : last;
    for (const m of parts) await page.keyboard.down(m);
    await page.keyboard.press(key);
    for (const m of parts.reverse()) await page.keyboard.up(m);
  };
  return {
    browserName: 'firefox',
    url: () => page.url(),
    async goto(url) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    },
    async evaluate<T>(expression: string, frames: readonly string[] = []) {
      return (await puppeteerFrameAt(page, frames)).evaluate(expression) as Promise<T>;
    },
    async waitFor(expression, { frames = [], timeout = 5_000 } = {}) {
      await (await puppeteerFrameAt(page, frames)).waitForFunction(expression, { timeout, polling: 20 });
    },
    async waitForSelector(selector, state, { frames = [], timeout = 5_000 } = {}) {
      const visible = `(() => { const el = ${DEEP_QUERY}(document, ${JSON.stringify(selector)}); return !!el && el.checkVisibility(); })()`;
      await (await puppeteerFrameAt(page, frames)).waitForFunction(state === 'visible' ? visible : `!${visible}`, { timeout, polling: 20 });
    },
    async click(selector, frames = [], { modifiers = [], button = 'left' } = {}) {
      const el = await actionable(page, selector, frames);
      // Scrolled into view by the page first: puppeteer's own scroll before its click, on the route
      // page with TinyMCE above (Firefox over BiDi), sent the click past buttons below the fold.
      await el.evaluate((node) => node.scrollIntoView({ block: 'center', inline: 'center' }));
      // Held on the keyboard around the click, as a person does: puppeteer's click has no modifiers.
      for (const m of modifiers) await page.keyboard.down(m);
      try {
        await el.click({ button });
      } finally {
        for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
      }
    },
    bringToFront: () => page.bringToFront(),
    async fill(selector, value, frames = []) {
      const el = await actionable(page, selector, frames);
      // As Playwright's fill: the value set through the element's own setter (React sees it), then
      // the input event a keystroke would fire.
      await el.evaluate((node, v) => {
        const input = node as HTMLInputElement | HTMLTextAreaElement;
        input.focus();
        const proto = Object.getPrototypeOf(input) as object;
        Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
    },
    async selectOption(selector, value, frames = []) {
      const el = await actionable(page, selector, frames);
      const picked = await (el as ElementHandle<HTMLSelectElement>).select(value);
      if (!picked.includes(value)) throw new Error(`${selector} has no option ${value}`);
    },
    async check(selector, frames = []) {
      const el = await actionable(page, selector, frames);
      if (!(await el.evaluate((node) => (node as HTMLInputElement).checked))) await el.click();
    },
    async uncheck(selector, frames = []) {
      const el = await actionable(page, selector, frames);
      if (await el.evaluate((node) => (node as HTMLInputElement).checked)) await el.click();
    },
    async focus(selector, frames = []) {
      await (await actionable(page, selector, frames)).focus();
    },
    press,
    type: (text) => page.keyboard.type(text),
  };
}
