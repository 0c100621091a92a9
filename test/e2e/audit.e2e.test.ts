/**
 * Issue 6 in real Chromium: a publish through the checklist leaves the expected records; the options
 * page exports them as CSV (with BOM) and JSON Lines; the printable 审核登记表 renders with every field;
 * the published page is checked against what was signed; a record altered in IndexedDB is caught by
 * verify; records written just before the service worker stops are there after it restarts; and no
 * export, record or console message carries a raw ID, phone or card number from the drafts.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import { walkChecklist } from '../../lib/demo/checklist-drive.ts';
import { demoPerson, demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { EXTENSION_DIR, PROJECT_ROOT, dumpRecords } from './extension-helpers.ts';
import {
  fillForm,
  launchBrowser,
  openEditor,
  publish,
  SAMPLE_FIELDS,
  setContent,
  sleep,
  startServer,
  waitForPosts,
  type Browser,
  type CmsServer,
} from './harness.ts';

const RAW = { id: '11010519491231002X', phone: '13812345678', card: '6222021234567890128' };
const LEAKY = `<p>困难群众救助名单：王丽，身份证号 ${RAW.id}，联系电话 ${RAW.phone}，收款账号 ${RAW.card}。</p>`;
const FIXED = '<p>困难群众救助名单已按规定审核，具体名单请到城关镇民政办查阅。公示期七天。</p>';
const FIELDS = { ...SAMPLE_FIELDS, title: '城关镇困难群众救助情况公示', category: '12' };
const OUT = path.join(PROJECT_ROOT, 'test-output');
const OPTIONS = `chrome-extension://${EXTENSION_ID}/options.html`;
const lisi = demoPerson('lisi');

let browser: Browser;
let server: CmsServer;
let cms: Page;
const consoleLines: string[] = [];
const exported: string[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startServer()]);
  browser.context.on('console', (m: ConsoleMessage) => consoleLines.push(m.text()));
  browser.context.on('weberror', (e) => consoleLines.push(String(e.error())));
  await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
  await mkdir(OUT, { recursive: true });
  cms = await browser.context.newPage();
  cms.on('console', (m) => consoleLines.push(m.text()));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Row {
  seq: number;
  event: string;
}

async function openLog(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('console', (m) => consoleLines.push(m.text()));
  await page.goto(`${OPTIONS}#audit`);
  await page.locator('[data-audit-total]:not([data-audit-total=""])').waitFor();
  return page;
}

async function rows(page: Page): Promise<Row[]> {
  await page.locator('tbody tr[data-seq]').first().waitFor();
  return page.locator('tbody tr[data-seq]').evaluateAll((trs) =>
    trs.map((tr) => ({ seq: Number(tr.getAttribute('data-seq')), event: tr.getAttribute('data-event') ?? '' })),
  );
}

async function download(page: Page, format: 'csv' | 'jsonl'): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${format}"]`).click()]);
  const text = await readFile(await file.path(), 'utf8');
  exported.push(text);
  return text;
}

let publishedUrl = '';

test('a full publish flow produces the expected records', async () => {
  server.reset();
  await cms.bringToFront();
  const { page } = await openEditor(cms, server, 'textarea');
  await setContent(page, LEAKY);
  await sleep(500);
  await walkChecklist(page, {
    publish: () => publish(page, 'textarea', 'click').then(() => undefined),
    fix: () => setContent(page, FIXED),
    fill: () => fillForm(page, 'textarea', FIELDS),
    reviewer: lisi,
  });
  const [post] = await waitForPosts(server, { path: '/api/publish' });
  expect(post!.raw).not.toContain(RAW.id);
  // A plain form post navigates to the CMS's result page, which links the published article.
  await cms.waitForURL(/\/api\/publish/);
  publishedUrl = `${server.url}/articles/${post!.id}`;

  const log = await openLog();
  const events = (await rows(log)).map((r) => r.event);
  // The 摘要 column reads as sentences (issue 13): no detail codes.
  const summaries = (await log.locator('tbody tr[data-seq] td:nth-child(9)').allTextContents()).join('\n');
  expect(summaries).toContain('时被拦截');
  expect(summaries).not.toMatch(/via|reasons|[a-z]+-[a-z]+/);
  await log.setViewportSize({ width: 1366, height: 768 });
  await log.screenshot({ path: path.join(OUT, 'audit-log.png') });
  for (const event of ['publish-blocked', 'pin-failed', 'signoff-given', 'publish-allowed', 'publish-outcome']) {
    expect(events, event).toContain(event);
  }
  const records = await dumpRecords(log);
  const allowed = records.find((r) => r.event === 'publish-allowed')!;
  expect(allowed).toMatchObject({ title: FIELDS.title, disclosure: '主动公开', origin: server.url });
  expect(String(allowed.category)).toContain('12');
  expect(allowed.digest).toMatch(/^[0-9a-f]{64}$/);
  expect(allowed.bodyDigest).toMatch(/^[0-9a-f]{64}$/);
  expect((allowed.signers as { name: string }[]).map((s) => s.name)).toEqual([lisi.name]);
  expect(allowed.editor).toBe('张三');
  const blocked = records.find((r) => r.event === 'publish-blocked')!;
  expect((blocked.findings as { total: number }).total).toBeGreaterThanOrEqual(3);
  await log.close();
});

test('the published page is checked against the signed content: matches, then differs once the portal changed it', async () => {
  const article = await browser.context.newPage();
  await article.goto(publishedUrl);
  const log = await openLog();
  const checks = async () => (await dumpRecords(log)).filter((r) => r.event === 'post-publish-check');
  await expect.poll(async () => (await checks()).length, { timeout: 10_000 }).toBe(1);
  expect((await checks())[0]!.detail).toMatchObject({ result: 'matches' });

  // Someone edits the article on the portal after review.
  const id = publishedUrl.split('/').pop();
  await fetch(`${server.url}/__articles/${id}`, { method: 'POST', body: '（发布后补充：另附名单一份。）' });
  await article.reload();
  await expect.poll(async () => (await checks()).length, { timeout: 10_000 }).toBe(2);
  expect((await checks())[1]!.detail).toMatchObject({ result: 'differs' });
  await article.close();
  await log.close();
});

test('exports open as valid CSV (UTF-8 with BOM) and JSON Lines with the expected rows', async () => {
  const log = await openLog();
  const total = Number(await log.locator('[data-audit-total]').getAttribute('data-audit-total'));
  const csv = await download(log, 'csv');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.length - 1).toBe(total);
  expect(csv).toContain(FIELDS.title);
  expect(csv).toContain('签发');
  // Plain words, never the codes the extension stored (issue 13).
  expect(csv).toContain('点击发布按钮时被拦截');
  expect(csv).not.toMatch(/via=|reasons=|result=|confirm-missing|needs-reviewer|\bsubmitted\b/);
  expect(parsed.data[0]).toContain('说明');

  // The CSV export is itself a record now; the JSON Lines export includes it.
  // (Recorded right after the file is handed over: wait for it rather than race it.)
  await expect.poll(async () => (await dumpRecords(log)).length, { timeout: 10_000 }).toBe(total + 1);
  const stored = total + 1;
  await log.reload();
  await log.locator(`[data-audit-total="${stored}"]`).waitFor();
  const jsonl = await download(log, 'jsonl');
  const lines = jsonl.trim().split('\n').map((l) => JSON.parse(l) as { seq: number; event: string; hash: string });
  expect(lines).toHaveLength(stored);
  expect(lines.at(-1)!.event).toBe('log-exported');
  expect(lines.map((l) => l.event)).toContain('publish-allowed');
  expect(lines.every((l) => /^[0-9a-f]{64}$/.test(l.hash))).toBe(true);
  // The export itself is recorded.
  await expect.poll(async () => (await dumpRecords(log)).some((r) => r.event === 'log-exported')).toBe(true);
  await log.close();
});

test('the printable 审核登记表 renders with every field filled (screenshot in test-output/)', async () => {
  const log = await openLog();
  const link = log.locator('a[data-review-form]').first();
  const seq = await link.evaluate((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('seq'));
  const form = await browser.context.newPage();
  await form.setViewportSize({ width: 1366, height: 768 });
  await form.goto(`chrome-extension://${EXTENSION_ID}/review-form.html?seq=${seq}`);
  await form.locator('.review-form-page[data-ready="true"][data-found="true"]').waitFor();
  await form.screenshot({ path: path.join(OUT, 'review-form.png'), fullPage: true });
  await form.emulateMedia({ media: 'print' });
  await form.screenshot({ path: path.join(OUT, 'review-form-print.png'), fullPage: true });
  const fields = await form.locator('[data-field]').evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-field') ?? '', (e.textContent ?? '').trim()] as const),
  );
  const byName: Record<string, string> = Object.fromEntries(fields);
  for (const name of ['unit', 'check-code', 'title', 'channel', 'category', 'disclosure', 'url', 'editor', 'time', 'reviewer-name', 'reviewer-time', 'principal-name', 'confirmations', 'findings', 'seq']) {
    expect(byName[name], name).toBeTruthy();
  }
  expect(byName.title).toBe(FIELDS.title);
  expect(byName['reviewer-name']).toContain(lisi.name);
  expect(byName.unit).toBe((await demoPolicy()).unit.name);
  // The address the post-publication check found (the portal changed it since: said so), not the CMS's edit page.
  expect(byName.url).toBe(`${publishedUrl}（发布后核对：与签发内容不一致）`);
  expect(byName['check-code']).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
  expect(byName.opinion).toBe('');
  const paper = await form.locator('.review-form').innerText();
  expect(paper).not.toMatch(/[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-/i);
  exported.push(await form.locator('body').innerText());
  await form.close();
  await log.close();
});

test('records written just before the service worker stops are there after it restarts', async () => {
  const { page } = await openEditor(cms, server, 'textarea');
  await setContent(page, LEAKY);
  await sleep(400);
  const log = await openLog();
  const before = (await dumpRecords(log)).length;
  const cdp = await browser.context.newCDPSession(log);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      if (e.versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');

  await cms.bringToFront();
  await publish(page, 'textarea', 'click');
  // The moment the record is in IndexedDB, the worker is stopped: nothing may be waiting in memory.
  await expect.poll(async () => (await dumpRecords(log)).length, { timeout: 10_000, interval: 20 }).toBeGreaterThan(before);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  const written = await dumpRecords(log);
  expect(written.at(-1)!.event).toBe('publish-blocked');

  // The next stopped publish wakes a fresh worker, which continues the chain from what is stored.
  await cms.bringToFront();
  await page.keyboard.press('Escape');
  await publish(page, 'textarea', 'click');
  await expect.poll(async () => (await dumpRecords(log)).length, { timeout: 10_000 }).toBeGreaterThan(written.length);
  const after = await dumpRecords(log);
  // Everything written before the stop is still there, and the chain went on from it.
  expect(after.slice(0, written.length)).toEqual(written);
  expect(after.at(-1)!.event).toBe('publish-blocked');
  expect(after[written.length]!.prevHash).toBe(written.at(-1)!.hash);
  await log.bringToFront();
  await log.reload();
  await log.locator('[data-verify]').click();
  await expect.poll(() => log.locator('[data-verify-result]').getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
  await log.close();
});

test('no export, record or console message contains a raw value from the test drafts', async () => {
  const log = await openLog();
  const everything = [JSON.stringify(await dumpRecords(log)), ...exported, ...consoleLines, await log.locator('body').innerText()].join('\n');
  expect(everything.length).toBeGreaterThan(1000);
  for (const [kind, value] of Object.entries(RAW)) {
    expect(everything.includes(value), `${kind} leaked`).toBe(false);
  }
  // The masked form is what is kept.
  expect(everything).toMatch(/110105\*+|110\*+02X|\*{6,}/);
  await log.close();
});

test('a record altered in IndexedDB is caught by verify, which names it', async () => {
  const log = await openLog();
  const records = await dumpRecords(log);
  const victim = records.find((r) => r.event === 'publish-allowed')!;
  await log.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('precheck-audit');
    open.onsuccess = () => {
      const store = open.result.transaction('records', 'readwrite').objectStore('records');
      const get = store.get(${Number(victim.seq)});
      get.onsuccess = () => {
        const r = get.result; r.title = '已被篡改的标题';
        const put = store.put(r);
        put.onsuccess = () => { resolve(true); open.result.close(); };
        put.onerror = () => reject(put.error);
      };
    };
    open.onerror = () => reject(open.error);
  })`);
  await log.locator('[data-verify]').click();
  const result = log.locator('[data-verify-result]');
  await expect.poll(() => result.getAttribute('data-ok'), { timeout: 10_000 }).toBe('false');
  expect(await result.getAttribute('data-first-bad')).toBe(String(victim.seq));
  await log.close();
});
