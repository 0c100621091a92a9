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
import { closeChecklist, dialog, walkChecklist } from './checklist-drive.ts';
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
// The names go; the 民政局's public 咨询电话 stays, a warning the reviewer overrides with a reason.
const FIXED_DRAFT = '城乡低保新增对象公示：张玉梅等 3 户，详细名单在各村委会公示栏张贴，公示期七天。如有异议，请在公示期内向县民政局反映，咨询电话：13912345678。';
const OVERRIDE_REASON = '县民政局对外公开的咨询电话';

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
  shots: string[];
  posts: number;
  content: string;
  article: string;
  reviewForm: boolean;
}

/** The checklist's section each step is about, scrolled into view for its screenshot. */
const STEP_SHOTS: Record<string, { name: string; section: string }> = {
  blocked: { name: 'findings', section: 'findings' },
  fixed: { name: 'required-fields', section: 'fields' },
  overridden: { name: 'override', section: 'findings' },
  confirmed: { name: 'confirmed', section: 'confirm' },
  'wrong-pin': { name: 'wrong-pin', section: 'signoff' },
  'reviewer-signed': { name: 'reviewer-signed', section: 'signoff' },
  signed: { name: 'unit-head-signed', section: 'signoff' },
};

/** Screenshots named in the order they are taken: signoff-1-findings.png … */
function shooter(shots: string[]) {
  return async (page: Page, name: string, options: { fullPage?: boolean } = {}) => {
    const file = `signoff-${shots.length + 1}-${name}.png`;
    await page.screenshot({ path: path.join(OUT, file), ...options });
    shots.push(file);
  };
}

/**
 * One draft from leak to publication: stopped, fixed, a warning overridden, the form filled in,
 * confirmed as 重要信息, a wrong PIN refused, signed by the reviewer and the unit head, published once;
 * then the article online, the audit log and the review form.
 */
async function signedScenario(browser: Browser, page: Page, server: CmsServer): Promise<SignedOutcome> {
  const kind: EditorKind = 'ueditor';
  const shots: string[] = [];
  const shoot = shooter(shots);
  server.reset();
  await openEditor(page, server, kind);
  await typeInto(page, kind, DRAFT);
  await page.waitForFunction(`Number(document.querySelector('precheck-panel')?.dataset.block ?? 0) > 0`, null, { timeout: 5000 });
  await walkChecklist(page, {
    publish: () => publish(page, kind, 'click').then(() => undefined),
    fix: () => setContent(page, `<p>${FIXED_DRAFT}</p>`),
    override: OVERRIDE_REASON,
    fill: () => fillForm(page, kind, { ...SAMPLE_FIELDS, category: '12', channel: 'tzgg', title: '城乡低保新增对象公示' }),
    reviewer: demoPerson('lisi'),
    important: true,
    principal: demoPerson('wangzr'),
    async after(step) {
      const shot = STEP_SHOTS[step]!;
      await dialog(page).locator(`[data-section=${shot.section}]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shoot(page, shot.name);
    },
  });
  const [post] = await waitForPosts(server, { path: '/api/publish' });
  // The form post navigates to the CMS's result page.
  await page.waitForURL(/\/api\/publish/);
  await shoot(page, 'published');
  const article = `${server.url}/articles/${post!.id}`;
  // Opening the article online runs the post-publication check the review form reports.
  const online = await browser.context.newPage();
  await online.setViewportSize(SCREEN);
  await online.goto(article);
  await shoot(online, 'article-online');
  const log = await openAuditLog(browser, 'tbody tr[data-event=post-publish-check]');
  await log.screenshot({ path: path.join(OUT, 'audit-log.png') });
  const reviewForm = await shootReviewForm(browser, log);
  await log.close();
  await online.close();
  return {
    shots,
    posts: server.posts.filter((p) => p.path === '/api/publish').length,
    content: typeof post!.body.content === 'string' ? post!.body.content : '',
    article,
    reviewForm,
  };
}

/** The audit log, reloaded (it shows what it read when it opened) until the row the demo waits for is in. */
async function openAuditLog(browser: Browser, row: string, timeout = 15_000): Promise<Page> {
  const log = await browser.context.newPage();
  await log.setViewportSize(SCREEN);
  await log.goto(`chrome-extension://${EXTENSION_ID}/options.html#audit`);
  const deadline = Date.now() + timeout;
  for (;;) {
    await log.locator('tbody tr[data-seq]').first().waitFor({ timeout: 10_000 });
    if ((await log.locator(row).count()) > 0 || Date.now() > deadline) return log;
    await log.waitForTimeout(500);
    await log.reload();
  }
}

/** The 审核登记表 of the newest published item, as the audit log links it; false when it is not found. */
async function shootReviewForm(browser: Browser, log: Page): Promise<boolean> {
  const href = await log.locator('a[data-review-form]').first().getAttribute('href');
  if (!href) return false;
  const form = await browser.context.newPage();
  await form.setViewportSize(SCREEN);
  await form.goto(new URL(href, `chrome-extension://${EXTENSION_ID}/`).href);
  const ready = form.locator('.review-form-page[data-ready="true"]');
  await ready.waitFor({ timeout: 10_000 });
  const found = (await ready.getAttribute('data-found')) === 'true';
  await form.screenshot({ path: path.join(OUT, 'review-form.png') });
  await form.screenshot({ path: path.join(OUT, 'review-form-full.png'), fullPage: true });
  await form.close();
  return found;
}

function summary(outcomes: Outcome[], signed: SignedOutcome): string {
  const lines = [
    '发布前预检 演示结果 / Precheck demo',
    `稿件 / draft: ${masked(DRAFT)}`,
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
    `  ${signed.shots.map((f) => f.replace(/^signoff-\d+-|\.png$/g, '')).join(' → ')}`,
    `  服务器收到的发布请求 / POSTs received: ${signed.posts}（内容 / content: ${masked(htmlText(signed.content))}）`,
    `  已发布页面 / published page: ${signed.article}`,
    '',
    `  审核登记表 / review form: ${signed.reviewForm ? 'review-form.png' : '未找到 / NOT FOUND'}`,
    '',
    `截图 / screenshots: ${path.relative(process.cwd(), OUT)}/<editor>-1-draft.png, <editor>-2-blocked.png, ${signed.shots.join(', ')}, audit-log.png, review-form.png, review-form-full.png`,
  ];
  return lines.join('\n');
}

const htmlText = (html: string) => html.replace(/<[^>]*>/g, '').trim();
/** The console and summary.txt never carry a whole number: the overridden 咨询电话 is masked too. */
const masked = (text: string) => text.replace(/\d{6,}/g, (d) => d.slice(0, 3) + '*'.repeat(d.length - 5) + d.slice(-2));

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
  return outcomes.every((o) => o.blocked && o.posts === 0 && o.block > 0) && signed.posts === 1 && signed.reviewForm && !/\d{15,}/.test(signed.content);
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
