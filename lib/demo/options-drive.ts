/**
 * Driving the options page the way an administrator does, by its structure (tabs, section ids, data-
 * hooks), never by its words: it speaks the browser's language. Shared by the demo and the e2e tests.
 */
import type { Page } from 'playwright-core';

export type OptionsTab = 'sites' | 'rules' | 'required' | 'reviewers' | 'records' | 'audit' | 'import-export';

export const OPTIONS_TABS: readonly OptionsTab[] = ['sites', 'rules', 'required', 'reviewers', 'records', 'audit', 'import-export'];

export const optionsUrl = (extensionId: string, tab?: OptionsTab) => `chrome-extension://${extensionId}/options.html${tab ? `#${tab}` : ''}`;

/** Clicks the tab and waits until its section is on screen. */
export async function showOptionsTab(page: Page, tab: OptionsTab): Promise<void> {
  await page.locator(`nav a[data-tab="${tab}"]`).click();
  await page.locator(`section#${tab}`).waitFor({ state: 'visible' });
}

/** Pastes a policy into 导入/导出 and presses 导入 (the caller waits for the outcome it expects). */
export async function pastePolicy(page: Page, text: string): Promise<void> {
  await showOptionsTab(page, 'import-export');
  await page.locator('#import-export textarea').fill(text);
  await page.locator('#import-export textarea + button').click();
}

/**
 * The administrator password of this browser: set at first run, otherwise typed to unlock the roster
 * for this page. Leaves the page unlocked (a roster change or an import with a roster may follow).
 */
export async function unlockAsAdmin(page: Page, password: string): Promise<void> {
  await showOptionsTab(page, 'reviewers');
  const panel = page.locator('[data-admin]');
  await panel.waitFor();
  const state = await panel.getAttribute('data-admin');
  if (state === 'unlocked') return;
  const form = page.locator(`[data-admin-form="${state === 'unset' ? 'first-run' : 'unlock'}"]`);
  const boxes = form.locator('input[type=password]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).fill(password);
  await form.locator('button[type=submit]').click();
  await page.locator('[data-admin="unlocked"], [data-admin-message]:not(:empty)').first().waitFor();
  if ((await panel.getAttribute('data-admin')) !== 'unlocked') {
    throw new Error(`administrator password refused: ${await form.locator('[data-admin-message]').textContent()}`);
  }
}
