/**
 * Driving the options page the way an administrator does, by its structure (tabs, section ids, data-
 * hooks), never by its words: it speaks the browser's language. Shared by the demo and the e2e tests
 * in Chromium (a Playwright page) and Firefox (a puppeteer driver).
 */
import { driverOf, type DriveTarget } from './playwright-driver.ts';

export type OptionsTab = 'sites' | 'rules' | 'required' | 'reviewers' | 'records' | 'audit' | 'import-export';

export const OPTIONS_TABS: readonly OptionsTab[] = ['sites', 'rules', 'required', 'reviewers', 'records', 'audit', 'import-export'];

export const optionsUrl = (extensionId: string, tab?: OptionsTab) => `chrome-extension://${extensionId}/options.html${tab ? `#${tab}` : ''}`;

/** Clicks the tab and waits until its section is on screen. */
export async function showOptionsTab(page: DriveTarget, tab: OptionsTab): Promise<void> {
  const driver = driverOf(page);
  await driver.click(`nav a[data-tab="${tab}"]`);
  await driver.waitForSelector(`section#${tab}`, 'visible');
}

/** Pastes a policy into 导入/导出 and presses 导入 (the caller waits for the outcome it expects). */
export async function pastePolicy(page: DriveTarget, text: string): Promise<void> {
  const driver = driverOf(page);
  await showOptionsTab(page, 'import-export');
  await driver.fill('#import-export textarea', text);
  await driver.click('#import-export textarea + button');
}

/**
 * The administrator password of this browser: set at first run, otherwise typed to unlock the roster
 * for this page. Leaves the page unlocked (a roster change or an import with a roster may follow).
 */
export async function unlockAsAdmin(page: DriveTarget, password: string): Promise<void> {
  const driver = driverOf(page);
  await showOptionsTab(page, 'reviewers');
  await driver.waitFor(`!!document.querySelector('[data-admin]')`);
  const state = await driver.evaluate<string>(`document.querySelector('[data-admin]').getAttribute('data-admin')`);
  if (state === 'unlocked') return;
  const form = `[data-admin-form="${state === 'unset' ? 'first-run' : 'unlock'}"]`;
  // Every password box of the form (set: twice), typed the way React sees typing.
  await driver.evaluate(`(() => {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    for (const box of document.querySelectorAll('${form} input[type=password]')) {
      set.call(box, ${JSON.stringify(password)});
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
  })()`);
  await driver.click(`${form} button[type=submit]`);
  await driver.waitFor(`!!document.querySelector('[data-admin="unlocked"], [data-admin-message]:not(:empty)')`);
  if ((await driver.evaluate<string>(`document.querySelector('[data-admin]').getAttribute('data-admin')`)) !== 'unlocked') {
    throw new Error(`administrator password refused: ${await driver.evaluate<string>(`document.querySelector('${form} [data-admin-message]')?.textContent ?? ''`)}`);
  }
}
