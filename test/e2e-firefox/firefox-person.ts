/**
 * The person of the sixteenth probe's trusted cases (test/e2e/sixteenth-probe-cases.ts' Person) in
 * Firefox: the side's PageDriver does the click or the keys (puppeteer's input over WebDriver BiDi,
 * dispatched by Firefox as a person's), and puppeteer's browser lists the tabs a case opened.
 */
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import type { Person, PersonAct } from '../e2e/sixteenth-probe-cases.ts';
import type { FirefoxProbe } from './firefox-probe-page.ts';

/** The side's tab shown first: the suite's two tabs share a window, and one of them is always hidden. */
async function actWith(driver: PageDriver, a: PersonAct): Promise<void> {
  await driver.bringToFront();
  if ('click' in a) return driver.click(a.click, [], { modifiers: a.modifiers, button: a.button });
  if (a.focus) await driver.focus(a.focus);
  await driver.press(a.press);
}

export function firefoxPerson(probe: Pick<FirefoxProbe, 'firefox'>): Person {
  return {
    tab(on, at) {
      // A side is one tab in Firefox: its driver's; `at` only checks it is where the case put it.
      if (!on.driver.url().startsWith(at)) throw new Error(`no tab at ${at} (the side's tab is at ${on.driver.url()})`);
      return { url: () => on.driver.url(), act: (a) => actWith(on.driver, a) };
    },
    async watchTabs() {
      const browser = probe.firefox().browser;
      const before = new Set(await browser.pages());
      return async () => {
        const opened = (await browser.pages()).filter((p) => !before.has(p) && !p.url().startsWith('moz-extension://'));
        const urls = opened.map((p) => p.url());
        for (const p of opened) await p.close().catch(() => undefined);
        return urls;
      };
    },
  };
}
