/**
 * The demo unit's policy: the default policy plus a roster, so that the demo and the e2e tests can
 * walk a draft through sign-off. The PINs are demo values printed by `npm run demo`; a real unit sets
 * its own in the options page (or IT pushes hashes through managed policy).
 */
import type { BrowserContext } from 'playwright-core';
import { DEFAULT_POLICY } from '../policy/defaults';
import { hashPin } from '../policy/pin';
import type { Policy, Reviewer } from '../policy/schema';
import { optionsUrl, pastePolicy, unlockAsAdmin } from './options-drive.ts';
import { driverOf, type DriveTarget } from './playwright-driver.ts';

export interface DemoPerson {
  id: string;
  name: string;
  unit: string;
  role: Reviewer['role'];
  pin: string;
}

/** 李四 is SAMPLE_FIELDS' reviewer; 王主任 the unit head; 张三 is also the CMS's logged-in editor. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: 'lisi', name: '李四', unit: '县政府办公室', role: 'reviewer', pin: '2468' },
  { id: 'wangzr', name: '王主任', unit: '县政府办公室', role: 'principal', pin: '1357' },
  { id: 'zhangsan', name: '张三', unit: '县政府办公室', role: 'reviewer', pin: '1111' },
];

export const demoPerson = (id: string): DemoPerson => DEMO_PEOPLE.find((p) => p.id === id)!;

export async function demoPolicy(overrides: Partial<Policy> = {}): Promise<Policy> {
  const reviewers = await Promise.all(
    DEMO_PEOPLE.map(async ({ pin, ...person }) => ({ ...person, pin: await hashPin(pin) })),
  );
  return { ...DEFAULT_POLICY, reviewers, unit: { name: '示例县人民政府办公室' }, meta: { name: '示例县人民政府办公室（演示）' }, ...overrides };
}

/** The demo unit's administrator password (printed by `npm run demo`, like the demo PINs). */
export const DEMO_ADMIN_PASSWORD = 'demo-admin-2025';

/**
 * Imports the policy through the options page, as an administrator would: sets (or types) the
 * administrator password, which a roster change needs, then imports, and waits until the background
 * accepted it, so the next CMS page load gets it.
 */
export async function installPolicy(context: BrowserContext, extensionId: string, policy: Policy, adminPassword = DEMO_ADMIN_PASSWORD): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(optionsUrl(extensionId));
    await unlockAsAdmin(page, adminPassword);
    await pastePolicy(page, JSON.stringify(policy));
    await page.locator('#import-export [role=status], #import-export .error').first().waitFor();
    if (await page.locator('#import-export .error').count()) {
      throw new Error(`policy refused: ${await page.locator('#import-export').innerText()}`);
    }
    await page.goto(optionsUrl(extensionId));
    await importPolicy(page, policy, adminPassword);
  } finally {
    await page.close();
  }
}

/** The import on an options page that is already open (Chromium or Firefox), as the administrator. */
export async function importPolicy(optionsPage: DriveTarget, policy: Policy, adminPassword = DEMO_ADMIN_PASSWORD): Promise<void> {
  const driver = driverOf(optionsPage);
  // The options page follows the browser's UI language, so it is driven by structure, not by words.
  await unlockAsAdmin(optionsPage, adminPassword);
  await pastePolicy(optionsPage, JSON.stringify(policy));
  await driver.waitFor(`!!document.querySelector('#import-export [role=status], #import-export .error')`, { timeout: 10_000 });
  if (await driver.evaluate<boolean>(`!!document.querySelector('#import-export .error')`)) {
    throw new Error(`policy refused: ${await driver.evaluate<string>(`document.getElementById('import-export').innerText`)}`);
  }
}
