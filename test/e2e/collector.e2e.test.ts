/**
 * Issue 16 end to end: the real extension in Chromium with audit.collectorUrl and the unit's token
 * in its policy publishes a draft through the checklist and sign-off; the records reach the collector
 * (its own process, PGlite in a temp folder) and the item shows on the dashboard, whose review form
 * prints it; screenshots in Chinese go to test-output/. Then a burst of records is sent and the
 * collector is SIGKILLed while it ingests (each commit is held back a moment so the kill lands inside
 * one) and started again: the extension's outbox sends again, and the collector ends up with every
 * record of the browser exactly once, its chain intact.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import { walkChecklist } from '../../lib/demo/checklist-drive.ts';
import { demoPerson, demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { EXTENSION_DIR, PROJECT_ROOT } from './extension-helpers.ts';
import { fillForm, launchBrowser, openEditor, publish, SAMPLE_FIELDS, setContent, sleep, startServer, waitForPosts, type Browser, type CmsServer } from './harness.ts';
import { collectorCommand, freePort, startCollector, type CollectorProcess } from './collector-process.ts';

const ID = '11010519491231002X';
const LEAKY = `<p>城关镇低保新增对象公示：王丽，身份证号 ${ID}。</p>`;
const FIXED = '<p>城关镇低保新增对象公示：王丽，家住城关镇。公示期七天。</p>';
const FIELDS = { ...SAMPLE_FIELDS, title: '城关镇低保新增对象公示（汇总测试）', category: '12' };
const OUT = path.join(PROJECT_ROOT, 'test-output');
const OPTIONS = `chrome-extension://${EXTENSION_ID}/options.html`;
const BURST = 1200;

let dataDir: string;
let env: Record<string, string>;
let port: number;
let collector: CollectorProcess;
let setupCode: string;
let browser: Browser;
let cms: CmsServer;
let dashboard: Page;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'precheck-collector-e2e-'));
  port = await freePort();
  env = { COLLECTOR_DATA_DIR: dataDir, COLLECTOR_HOST: '127.0.0.1', COLLECTOR_PUBLIC_URL: `http://127.0.0.1:${port}`, COLLECTOR_FAULT_COMMIT_DELAY_MS: '250' };
  const added = await collectorCommand(env, ['add-unit', '县政府办公室']);
  const token = /(pcu_[A-Za-z0-9_-]+)/.exec(added)![1]!;
  const [started, b, server] = await Promise.all([startCollector(env, port), launchBrowser({ extensionDir: EXTENSION_DIR, args: ['--lang=zh-CN'] }), startServer()]);
  [collector, browser, cms] = [started, b, server];
  setupCode = /设置码 (\d{4}-\d{4}-\d{4})/.exec(collector.lines.join('\n'))![1]!;
  await installPolicy(browser.context, EXTENSION_ID, await demoPolicy({ audit: { retentionDays: 365, collectorUrl: `${collector.url}/api/v1/records`, collectorToken: token } }));
  await mkdir(OUT, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.close();
  await collector?.kill('SIGTERM');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Envelope {
  installation: string;
  chain: string;
  record: { id: string; seq: number; event: string; title?: string };
}

async function exported(): Promise<Envelope[]> {
  const text = await dashboard.evaluate(`fetch('/api/dashboard/export.jsonl').then((r) => r.text())`);
  return String(text)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Envelope);
}

/** The browser's own log and outbox, read from IndexedDB on an extension page. */
function extensionLog(page: Page): Promise<{ ids: string[]; outbox: number }> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('precheck-audit');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['records', 'outbox']);
      const ids = tx.objectStore('records').getAll();
      const outbox = tx.objectStore('outbox').count();
      tx.oncomplete = () => { resolve({ ids: ids.result.map((r) => r.id), outbox: outbox.result }); open.result.close(); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
}

test('a draft published through sign-off reaches the dashboard, with its printable review form', async () => {
  const tab = await browser.context.newPage();
  const { page } = await openEditor(tab, cms, 'textarea');
  await setContent(page, LEAKY);
  await sleep(500);
  await walkChecklist(page, {
    publish: () => publish(page, 'textarea', 'click').then(() => undefined),
    fix: () => setContent(page, FIXED),
    fill: () => fillForm(page, 'textarea', FIELDS),
    reviewer: demoPerson('lisi'),
  });
  await waitForPosts(cms, { path: '/api/publish' });

  dashboard = await browser.context.newPage();
  await dashboard.goto(`${collector.url}/`);
  await dashboard.locator('form[data-mode=setup]').waitFor();
  await dashboard.screenshot({ path: path.join(OUT, 'collector-setup.png') });
  await dashboard.locator('input[name=code]').fill(setupCode);
  await dashboard.locator('input[name=username]').fill('admin');
  await dashboard.locator('input[name=password]').fill('县政务公开办 2025');
  await dashboard.locator('button[type=submit]').click();
  await dashboard.locator('table[data-ready]').waitFor();
  // The extension sends as records are written; the dashboard shows them once they are committed.
  await expect
    .poll(async () => {
      await dashboard.reload();
      await dashboard.locator('table[data-ready]').waitFor();
      return dashboard.locator('tr[data-event=publish-allowed]').count();
    }, { timeout: 30_000 })
    .toBe(1);
  const row = dashboard.locator('tr[data-event=publish-allowed]');
  expect(await row.innerText()).toContain(FIELDS.title);
  expect(await row.innerText()).toContain('县政府办公室');
  expect(await dashboard.locator('html').getAttribute('lang')).toBe('zh-CN');
  expect(await dashboard.locator('header').innerText()).toContain('预检审计汇总');
  expect(await dashboard.locator('body').innerText()).not.toContain(ID);
  await dashboard.screenshot({ path: path.join(OUT, 'collector-records.png'), fullPage: true });

  const [form] = await Promise.all([browser.context.waitForEvent('page'), row.locator('a[data-review-form]').click()]);
  await form.locator('[data-ready=true][data-found=true]').waitFor();
  expect(await form.locator('[data-field=title]').innerText()).toBe(FIELDS.title);
  expect(await form.locator('[data-field=reviewer-name]').innerText()).toBe('李四');
  expect(await form.locator('h1').innerText()).toBe('政务公开信息网上发布审核登记表');
  await form.screenshot({ path: path.join(OUT, 'collector-review-form.png'), fullPage: true });
  await form.close();

  await dashboard.locator('a[data-tab=stats]').click();
  await dashboard.locator('section.stats table[data-ready]').waitFor();
  const stats = dashboard.locator('tr[data-unit=县政府办公室]');
  expect(await stats.locator('[data-stat=published]').innerText()).toBe('1');
  expect(Number(await stats.locator('[data-stat=blocked]').innerText())).toBeGreaterThanOrEqual(1);
  // Blocked before the title was typed, signed off on the same editing page: measured by its URL.
  expect(await stats.locator('[data-stat=median]').innerText()).toMatch(/^\d+\.\d 分钟$/);
  await dashboard.screenshot({ path: path.join(OUT, 'collector-stats.png'), fullPage: true });
  await dashboard.locator('a[data-tab=chains]').click();
  await dashboard.locator('section.chains table[data-ready]').waitFor();
  expect(await dashboard.locator('tr[data-installation][data-ok=true]').count()).toBe(1);
  await dashboard.screenshot({ path: path.join(OUT, 'collector-chains.png'), fullPage: true });
}, 180_000);

test('killed mid-ingest and restarted: the outbox sends again, nothing acknowledged is lost, nothing is stored twice', async () => {
  const options = await browser.context.newPage();
  await options.goto(OPTIONS);
  const storedBefore = collector.lines.filter((l) => l.includes('[collector] stored')).length;
  // A burst of records as the checklist writes them, through the background's own message.
  const burst = options.evaluate(`(async () => {
    for (let i = 0; i < ${BURST}; i++) {
      const res = await chrome.runtime.sendMessage({ id: i, type: 'recordAudit', data: { event: 'publish-blocked', title: '批量稿件 ' + i }, timestamp: Date.now() });
      if (!res || !res.res || !res.res.ok) throw new Error('append failed: ' + JSON.stringify(res));
    }
  })()`);
  // Two batches committed, and the next one already under way: kill it inside its transaction.
  await collector.waitFor(/\[collector\] stored [1-9]/);
  await collector.waitFor(/\[collector\] stored [1-9]/);
  await sleep(100);
  await collector.kill('SIGKILL');
  const storedAtKill = collector.lines.filter((l) => l.includes('[collector] stored')).length - storedBefore;
  expect(storedAtKill).toBeGreaterThanOrEqual(2);
  await burst;

  collector = await startCollector(env, port);
  await expect.poll(async () => (await extensionLog(options)).outbox, { timeout: 120_000, interval: 1000 }).toBe(0);

  const log = await extensionLog(options);
  const stored = await exported();
  const ids = stored.map((e) => e.record.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ids)).toEqual(new Set(log.ids));
  expect(stored.filter((e) => e.record.title?.startsWith('批量稿件')).length).toBe(BURST);
  expect(stored.every((e) => e.chain === 'ok')).toBe(true);
  expect(new Set(stored.map((e) => e.installation)).size).toBe(1);
  await options.close();
}, 300_000);
