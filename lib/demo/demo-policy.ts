/**
 * The demo unit's policy: the default policy plus a roster, so that the demo and the e2e tests can
 * walk a draft through sign-off. The PINs are demo values printed by `npm run demo`; a real unit sets
 * its own in the options page (or IT pushes hashes through managed policy).
 */
import type { BrowserContext } from 'playwright-core';
import { DEFAULT_POLICY } from '../policy/defaults';
import { hashPin } from '../policy/pin';
import type { Policy, Reviewer, SiteAdapter } from '../policy/schema';
import { EDITOR_PAGES } from './drive.ts';
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

/**
 * The demo CMS's own site adapter, as the unit's administrator would write it: its 保存草稿 (`/api/draft`)
 * and the route page's draft saves only store a draft, so a clean one may go there unsigned. Without
 * it they are held like a publish — a 草稿 label or URL word declares nothing (lib/gate/verdict.ts).
 * Only the demo pages: the real-CMS fixtures under /cms/ keep their own (or none).
 */
export const DEMO_CMS_ADAPTER: SiteAdapter = {
  id: 'demo-cms',
  name: '示例县内容管理系统（演示）',
  match: [...EDITOR_PAGES.map((p) => `http://127.0.0.1${p.path}*`), 'http://127.0.0.1/trs/*', 'http://127.0.0.1/ewebeditor/*', 'http://127.0.0.1/routes/*'],
  editor: { kind: 'textarea' },
  fields: {},
  publishButtons: [],
  publishRequests: [],
  draftRequests: [
    { method: 'POST', urlPattern: '/api/draft(?:$|\\?)' },
    { method: 'POST', urlPattern: '/sink/r/(?:save-draft|autosave)(?:$|\\?)' },
  ],
};

export async function demoPolicy(overrides: Partial<Policy> = {}): Promise<Policy> {
  const reviewers = await Promise.all(
    DEMO_PEOPLE.map(async ({ pin, ...person }) => ({ ...person, pin: await hashPin(pin) })),
  );
  return { ...DEFAULT_POLICY, reviewers, adapters: [DEMO_CMS_ADAPTER], unit: { name: '示例县人民政府办公室' }, meta: { name: '示例县人民政府办公室（演示）' }, ...overrides };
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
