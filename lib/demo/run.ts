/**
 * `npm run demo`: builds the extension, starts the mock county CMS, gives Precheck the demo unit's
 * policy (reviewers with demo PINs) and shows it stopping a publish. With a display it opens Chromium
 * for you to try; without one (or with --headless) it runs the scripted scenario — every editor page
 * stopped, then one draft walked through the checklist and signed off until the CMS publishes it once —
 * and writes screenshots and a summary to demo-out/. Chromium starts in Chinese (lib/demo/browser.ts:
 * --lang and --accept-lang zh-CN), as a county editor's browser is; the screenshots need a CJK font
 * (Debian: fonts-noto-cjk).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config.ts';
import { closeChecklist, walkChecklist } from './checklist-drive.ts';
import { DEMO_ADMIN_PASSWORD, DEMO_PEOPLE, demoPerson, demoPolicy, installPolicy } from './demo-policy.ts';
import { EDITOR_PAGES, SAMPLE_FIELDS, fillForm, openEditor, publish, setContent, sleep, typeInto, waitForPosts, type EditorKind } from './drive.ts';
import { launchBrowser, type Browser } from './browser.ts';
import { startCmsServer, type CmsServer } from './server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXTENSION = path.join(ROOT, '.output', 'chrome-mv3');
const OUT = path.join(ROOT, 'demo-out');
const SCREEN = { width: 1366, height: 768 };
// Synthetic values (valid checksum, real region code): what an editor pastes from a 低保 list.
const DRAFT = '城乡低保新增对象公示：张玉梅，身份证号 150702194104190630，联系电话 18049344958。';
const FIXED_DRAFT = '城乡低保新增对象公示：张玉梅等 3 户，详细名单在各村委会公示栏张贴，公示期七天。';

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
  const outcome = { kind, ...(await panelState(page)), posts: server.posts.filter((p) => p.path === '/api/publish').length };
  await closeChecklist(page);
  return outcome;
}

interface SignedOutcome {
  steps: string[];
  posts: number;
  content: string;
  article: string;
}

/** One draft from leak to publication: stopped, fixed, filled in, confirmed, signed, published once. */
async function signedScenario(browser: Browser, page: Page, server: CmsServer): Promise<SignedOutcome> {
  const kind: EditorKind = 'ueditor';
  const reviewer = demoPerson('lisi');
  const steps: string[] = [];
  server.reset();
  await openEditor(page, server, kind);
  await typeInto(page, kind, DRAFT);
  await sleep(600);
  await walkChecklist(page, {
    publish: () => publish(page, kind, 'click').then(() => undefined),
    fix: () => setContent(page, `<p>${FIXED_DRAFT}</p>`),
    fill: () => fillForm(page, kind, { ...SAMPLE_FIELDS, category: '12', channel: 'tzgg', title: '城乡低保新增对象公示' }),
    reviewer,
    async after(step) {
      steps.push(step);
      await page.screenshot({ path: path.join(OUT, `signoff-${steps.length}-${step}.png`) });
    },
  });
  const [post] = await waitForPosts(server, { path: '/api/publish' });
  await sleep(800);
  await page.screenshot({ path: path.join(OUT, `signoff-${steps.length + 1}-published.png`) });
  const article = `${server.url}/articles/${post!.id}`;
  const log = await browser.context.newPage();
  await log.setViewportSize(SCREEN);
  await log.goto(`chrome-extension://${EXTENSION_ID}/options.html#audit`);
  await log.locator('tbody tr[data-seq]').first().waitFor({ timeout: 10_000 });
  await log.screenshot({ path: path.join(OUT, 'audit-log.png') });
  await log.close();
  return {
    steps,
    posts: server.posts.filter((p) => p.path === '/api/publish').length,
    content: typeof post!.body.content === 'string' ? post!.body.content : '',
    article,
  };
}

function summary(outcomes: Outcome[], signed: SignedOutcome): string {
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
    '签发流程 / sign-off (UEditor):',
    `  ${signed.steps.join(' → ')} → 发布 / published`,
    `  服务器收到的发布请求 / POSTs received: ${signed.posts}（内容 / content: ${htmlText(signed.content)}）`,
    `  已发布页面 / published page: ${signed.article}`,
    '',
    `截图 / screenshots: ${path.relative(process.cwd(), OUT)}/<editor>-1-draft.png, <editor>-2-blocked.png, signoff-*.png, audit-log.png`,
  ];
  return lines.join('\n');
}

const htmlText = (html: string) => html.replace(/<[^>]*>/g, '').trim();

async function headless(server: CmsServer): Promise<boolean> {
  await mkdir(OUT, { recursive: true });
  const browser = await launchBrowser({ extensionDir: EXTENSION });
  await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
  const page = await browser.context.newPage();
  // A county office's laptop screen: the docked checklist must leave the editor room at this size.
  await page.setViewportSize(SCREEN);
  const outcomes: Outcome[] = [];
  let signed: SignedOutcome;
  try {
    for (const { kind } of EDITOR_PAGES) outcomes.push(await scenario(page, server, kind));
    signed = await signedScenario(browser, page, server);
  } finally {
    await browser.close();
  }
  const text = summary(outcomes, signed);
  await writeFile(path.join(OUT, 'summary.txt'), text + '\n');
  console.log('\n' + text);
  return outcomes.every((o) => o.blocked && o.posts === 0 && o.block > 0) && signed.posts === 1 && !/\d{15,}/.test(signed.content);
}

async function interactive(server: CmsServer): Promise<void> {
  const browser = await launchBrowser({ extensionDir: EXTENSION, headless: false });
  await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
  console.log('演示审核人 / demo reviewers (姓名 name, PIN):');
  for (const p of DEMO_PEOPLE) console.log(`  ${p.name}（${p.role === 'principal' ? '主要负责人 principal' : '审核人 reviewer'}）PIN ${p.pin}`);
  console.log(`管理员密码 / administrator password: ${DEMO_ADMIN_PASSWORD}`);
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
