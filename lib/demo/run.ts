/**
 * `npm run demo`: builds the extension, starts the mock county CMS and shows Precheck stopping a
 * publish. With a display it opens Chromium for you to try; without one (or with --headless) it runs
 * the scripted scenario on every editor page and writes screenshots and a summary to demo-out/.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { EDITOR_PAGES, SAMPLE_FIELDS, fillForm, openEditor, publish, sleep, typeInto, type EditorKind } from './drive.ts';
import { launchBrowser } from './browser.ts';
import { startCmsServer, type CmsServer } from './server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXTENSION = path.join(ROOT, '.output', 'chrome-mv3');
const OUT = path.join(ROOT, 'demo-out');
// Synthetic values (valid checksum, real region code): what an editor pastes from a 低保 list.
const DRAFT = '城乡低保新增对象公示：张玉梅，身份证号 150702194104190630，联系电话 18049344958。';

interface Outcome {
  kind: EditorKind;
  block: number;
  warn: number;
  blocked: boolean;
  reasons: string[];
  posts: number;
}

function build(): void {
  console.log('构建扩展 / building the extension …');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('wxt build failed');
}

async function panelState(page: Page): Promise<{ block: number; warn: number; blocked: boolean; reasons: string[] }> {
  return page.evaluate(`(() => {
    const host = document.querySelector('precheck-panel');
    const reasons = [...(host?.shadowRoot?.querySelectorAll('[data-testid=precheck-blocked] li') ?? [])].map((li) => li.textContent);
    return { block: Number(host?.dataset.block ?? 0), warn: Number(host?.dataset.warn ?? 0), blocked: host?.dataset.blocked === 'true', reasons };
  })()`);
}

async function scenario(page: Page, server: CmsServer, kind: EditorKind): Promise<Outcome> {
  server.reset();
  await openEditor(page, server, kind);
  await fillForm(page, kind, SAMPLE_FIELDS);
  await typeInto(page, kind, DRAFT);
  await page.waitForFunction(`Number(document.querySelector('precheck-panel')?.dataset.block ?? 0) > 0`, null, { timeout: 5000 });
  await page.screenshot({ path: path.join(OUT, `${kind}-1-draft.png`) });
  await publish(page, kind, 'click').catch(() => undefined);
  await sleep(600);
  await page.screenshot({ path: path.join(OUT, `${kind}-2-blocked.png`) });
  return { kind, ...(await panelState(page)), posts: server.posts.filter((p) => p.path === '/api/publish').length };
}

function summary(outcomes: Outcome[]): string {
  const lines = [
    '发布前预检 演示结果 / Precheck demo',
    `稿件 / draft: ${DRAFT.replace(/\d{6,}/g, (d) => d.slice(0, 3) + '*'.repeat(d.length - 5) + d.slice(-2))}`,
    '',
    '编辑器 editor        阻止 block  警告 warn  已拦截 blocked  服务器收到的发布请求 POSTs received',
    ...outcomes.map(
      (o) => `${o.kind.padEnd(20)} ${String(o.block).padStart(6)} ${String(o.warn).padStart(10)}   ${(o.blocked ? '是 yes' : '否 NO').padEnd(15)} ${o.posts}`,
    ),
    '',
    '拦截原因 / why (first page):',
    ...(outcomes[0]?.reasons ?? []).map((r) => `  - ${r}`),
    '',
    `截图 / screenshots: ${path.relative(process.cwd(), OUT)}/<editor>-1-draft.png, <editor>-2-blocked.png`,
  ];
  return lines.join('\n');
}

async function headless(server: CmsServer): Promise<boolean> {
  await mkdir(OUT, { recursive: true });
  const browser = await launchBrowser({ extensionDir: EXTENSION });
  const page = await browser.context.newPage();
  const outcomes: Outcome[] = [];
  try {
    for (const { kind } of EDITOR_PAGES) outcomes.push(await scenario(page, server, kind));
  } finally {
    await browser.close();
  }
  const text = summary(outcomes);
  await writeFile(path.join(OUT, 'summary.txt'), text + '\n');
  console.log('\n' + text);
  return outcomes.every((o) => o.blocked && o.posts === 0 && o.block > 0);
}

async function interactive(server: CmsServer): Promise<void> {
  const browser = await launchBrowser({ extensionDir: EXTENSION, headless: false });
  const page = await browser.context.newPage();
  await page.goto(server.url + '/index.html');
  console.log(`模拟 CMS / mock CMS: ${server.url}/index.html — 关闭浏览器窗口结束演示 / close the window to finish`);
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  if (!args.has('--no-build')) build();
  const server = await startCmsServer({ port: Number(process.env.PORT ?? 0) });
  try {
    if (process.env.DISPLAY && !args.has('--headless') && !process.env.CI) await interactive(server);
    else if (!(await headless(server))) process.exitCode = 1;
  } finally {
    await server.close();
  }
}

await main();
