/**
 * EXTENSION suite: the built extension (.output/chrome-mv3, rebuilt here when stale) in Debian's
 * Chromium, on every page of the mock CMS. The control suite (control.e2e.test.ts) shows that each
 * publish path of each page posts exactly once without the extension; here the same paths must post
 * nothing until the one-shot allow, and Precheck must never change what the editor holds.
 *
 * One browser for the file. Tab `tab` is on the CMS origin (127.0.0.1, where the extension runs);
 * tab `controlTab` is on the same server under another host name (mapped to 127.0.0.1 with
 * --host-resolver-rules), which the extension's match patterns do not cover: the same editor without
 * Precheck, for comparing what typing leaves in the editor.
 */
import { closeChecklist } from '../../lib/demo/checklist-drive.ts';
import { driverOf } from '../../lib/demo/playwright-driver.ts';
import { installPageHandlers, pageHits, publishRoutes } from '../../lib/demo/publish-routes.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  EDITOR_PAGES,
  SAMPLE_FIELDS,
  clickDraft,
  fillForm,
  formRoot,
  htmlToText,
  launchBrowser,
  openEditor,
  setContent,
  sleep,
  startServer,
  statusText,
  typeInto,
  waitForPosts,
  type Browser,
  type CmsServer,
  type EditorKind,
} from './harness.ts';
import {
  EXTENSION_DIR,
  collapsePanel,
  editorSnapshot,
  ensureExtensionBuilt,
  formFrame,
  frameAt,
  hasEditorState,
  highlightTexts,
  panelData,
  panelRows,
  sendAllowOnce,
  surfaceFrame,
  waitForBlockShown,
  waitForCounts,
} from './extension-helpers.ts';

const ID = '11010519491231002X';
const MOBILE = '13912345678';
const DRAFT = `低保公示 张三 身份证号 ${ID} 手机 ${MOBILE}`;
const DRAFT_HTML = `<p>${DRAFT}</p>`;
/** typed after the draft is loaded, so "the final content" is known to come from the editor at publish time */
const FINAL = '（已审核）';
const CONTROL_HOST = 'cms-control.test';
/** how long a stopped path is watched for a request that should not come */
const SETTLE_MS = 200;

let browser: Browser;
let server: CmsServer;
let control: CmsServer;
let tab: Page;
let controlTab: Page;
const timings: Record<string, number> = {};

/** PRECHECK_E2E_TRACE=1: the time each step of a test took, on stderr. */
function tracer(label: string): (step: string) => void {
  let last = Date.now();
  return (step) => {
    const now = Date.now();
    if (process.env.PRECHECK_E2E_TRACE === '1') process.stderr.write(`${label} · ${step}: ${now - last} ms\n`);
    last = now;
  };
}

/** step → result per editor, printed at the end (see afterAll) */
const matrix = new Map<EditorKind, Map<string, string>>();
function record(kind: EditorKind, step: string, result: string): void {
  if (!matrix.has(kind)) matrix.set(kind, new Map());
  matrix.get(kind)!.set(step, result);
}

beforeAll(async () => {
  const t0 = Date.now();
  const build = await ensureExtensionBuilt();
  timings[build.built ? 'wxt build' : 'build check'] = build.ms;
  const t1 = Date.now();
  [browser, server] = await Promise.all([
    launchBrowser({ extensionDir: EXTENSION_DIR, args: [`--host-resolver-rules=MAP ${CONTROL_HOST} 127.0.0.1`] }),
    startServer(),
  ]);
  control = { ...server, url: server.url.replace('127.0.0.1', CONTROL_HOST) };
  [tab, controlTab] = await Promise.all([browser.context.newPage(), browser.context.newPage()]);
  // A tab that was never in front runs requestAnimationFrame at ~1 fps in headless Chromium, and every
  // Playwright click waits for animation frames ("stable"): show both once, then both run at full rate.
  await controlTab.bringToFront();
  await tab.bringToFront();
  timings['browser launch'] = Date.now() - t1;
  timings['beforeAll total'] = Date.now() - t0;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  // the per-editor / per-path matrix and the timings: with PRECHECK_E2E_TRACE=1, or when a path leaked
  const leaked = [...matrix.values()].some((m) => [...m.values()].some((r) => r.startsWith('LEAK')));
  if (process.env.PRECHECK_E2E_TRACE !== '1' && !leaked) return;
  const steps = [...new Set([...matrix.values()].flatMap((m) => [...m.keys()]))];
  if (matrix.size > 0) {
    const rows = [...matrix].map(([kind, m]) => [kind, ...steps.map((s) => m.get(s) ?? '—')]);
    const widths = ['editor', ...steps].map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
    console.log(['', line(['editor', ...steps]), ...rows.map(line)].join('\n'));
  }
  console.log('timings (ms):', JSON.stringify(timings));
});

beforeEach(() => {
  server.reset();
});

const publishPosts = () => server.posts.filter((p) => p.path === '/api/publish');

describe.each(EDITOR_PAGES.map((p) => [p.kind, p] as const))('%s', (kind, info) => {
  test('typing: highlights the ID and the mobile in the editor window, the panel counts and masks them, the editor is untouched', async () => {
    const t0 = Date.now();
    const trace = tracer(`${kind} typing`);
    // the same typing with Precheck (tab) and without it (controlTab, control origin), side by side
    const withoutPrecheck = async () => {
      const ctl = await openEditor(controlTab, control, kind);
      await fillForm(ctl.page, kind);
      await sleep(300);
      const fresh = await editorSnapshot(ctl.page, kind);
      await typeInto(ctl.page, kind, DRAFT);
      await sleep(400);
      return { fresh, typed: await editorSnapshot(ctl.page, kind), panel: await panelData(ctl.page) };
    };
    const withPrecheck = async () => {
      const opened = await openEditor(tab, server, kind);
      await fillForm(opened.page, kind);
      await opened.page.waitForSelector('precheck-panel', { state: 'attached', timeout: 5_000 });
      await sleep(300); // the first scan of the empty editor has run
      const fresh = await editorSnapshot(opened.page, kind);
      const content = await typeInto(opened.page, kind, DRAFT);
      await waitForCounts(opened.page, 1, 1);
      await sleep(400);
      return { ...opened, fresh, content, typed: await editorSnapshot(opened.page, kind) };
    };
    const [ctl, { page, errors, fresh, content, typed: extTyped }] = await Promise.all([withoutPrecheck(), withPrecheck()]);
    expect(ctl.panel, 'the control origin runs without the extension').toBeNull();
    expect(fresh, 'a freshly loaded editor, scanned by Precheck').toEqual(ctl.fresh);
    expect(htmlToText(content)).toContain(DRAFT);
    const ctlTyped = ctl.typed;
    trace('both tabs loaded and typed');
    expect(extTyped.content, 'getContent() after typing, with Precheck = without').toBe(ctlTyped.content);
    if (hasEditorState(kind)) expect(extTyped.state, 'dirty/undo state, with Precheck = without').toEqual(ctlTyped.state);

    // highlights, read back in the editor's own window
    const hl = await highlightTexts(await surfaceFrame(page, kind));
    if (kind === 'textarea') {
      // by design: a textarea's text is not in the DOM, so there is nothing to paint (the panel lists it)
      expect(hl).toEqual({ 'precheck-block': [], 'precheck-warn': [], 'precheck-info': [] });
    } else {
      expect(hl['precheck-block']).toEqual([ID]);
      expect(hl['precheck-warn']).toEqual([MOBILE]);
    }
    const top = await panelData(page);
    expect(top).toMatchObject({ block: '1', warn: '1', blocked: 'false', open: false });

    // leaving the editor is an editor event of its own (TinyMCE adds an undo level on blur): done
    // first, so that what is compared below is only what the blocked attempt did
    await formRoot(page, kind).locator('#title').click();
    await sleep(300);
    const beforeAttempt = await editorSnapshot(page, kind);
    trace('checks, blur');
    // a publish attempt opens the list: 身份证号 with a masked excerpt, and no raw value anywhere
    await formRoot(page, kind).locator('#btn-publish').click({ noWaitAfter: true });
    expect(await waitForBlockShown(page)).toBe(true);
    await waitForCounts(page, 1, 1);
    const rows = await panelRows(page);
    const id = rows.find((r) => r.kind === 'cn-id');
    expect(id, JSON.stringify(rows)).toBeDefined();
    expect(id!.severity).toBe('block');
    expect(id!.text).toContain('身份证号');
    expect(id!.excerpt).toContain('*');
    expect(id!.excerpt.replace(/[^0-9Xx]/g, '').length, `excerpt ${id!.excerpt} shows too much`).toBeLessThanOrEqual(6);
    const phone = rows.find((r) => r.kind === 'phone');
    expect(phone?.severity).toBe('warn');
    expect(phone!.excerpt).toContain('*');
    const panel = await panelData(page);
    expect(panel!.blocked).toBe('true');
    expect(panel!.text).not.toContain(ID);
    expect(panel!.text).not.toContain(MOBILE);
    expect(panel!.text).not.toContain(ID.slice(6, 14)); // not even the birth date

    // the attempt read the editor's API and rescanned: still nothing changed in the editor
    await sleep(300);
    expect(await editorSnapshot(page, kind), 'editor after the blocked attempt').toEqual(beforeAttempt);
    expect(beforeAttempt.content).toBe(extTyped.content);
    expect(publishPosts()).toEqual([]);
    expect(errors).toEqual([]);
    trace('attempt, panel, after-checks');
    timings[`typing ${kind}`] = Date.now() - t0;
  });

  test('every publish path is stopped (nothing reaches the server, the page fails its own way, the panel says why); 保存草稿 still posts', async () => {
    const t0 = Date.now();
    const trace = tracer(`${kind} paths`);
    const load = async () => {
      const opened = await openEditor(tab, server, kind);
      await fillForm(opened.page, kind);
      await setContent(opened.page, DRAFT_HTML);
      await installPageHandlers(driverOf(opened.page), info);
      await opened.page.waitForSelector('precheck-panel', { state: 'attached', timeout: 5_000 });
      // the Frame of the form is kept: its url() tells whether the form's document navigated
      return { ...opened, form: await formFrame(opened.page, kind) };
    };
    let opened = await load();
    const where = () => `${opened.page.url()} ${opened.form.isDetached() ? '(form frame gone)' : opened.form.url()}`;
    const home = where();
    trace('load, fill, handlers');

    const routes = publishRoutes(info);

    let firstBlock = true;
    for (const step of routes) {
      const page = opened.page;
      const reports = step.reports(info);
      await Promise.all([collapsePanel(page), opened.form.evaluate(`document.getElementById('status').textContent = ''`)]);
      const problems = await step.run(driverOf(page), info);
      await sleep(SETTLE_MS);
      const reported = await waitForBlockShown(page, reports ? 1_500 : 50);
      if (publishPosts().length > 0) problems.push(`${publishPosts().length} POST(s) to /api/publish`);
      if (reports && !reported) problems.push('panel did not report the block');
      const hits = await pageHits(driverOf(page)).catch(() => ({}));
      if (Object.keys(hits).length > 0) problems.push(`page handlers ran: ${JSON.stringify(hits)}`);
      if (where() !== home) problems.push(`navigated to ${where()}`);
      if (firstBlock && reports && reported) {
        // the decision is taken on the draft as it is now (the programmatic setContent included)
        firstBlock = false;
        const counted = await waitForCounts(page, 1, 1, 2_000).then(() => true, () => false);
        const counts = await panelData(page);
        if (!counted) problems.push(`panel counts block=${counts?.block} warn=${counts?.warn} (want 1/1)`);
      }
      trace(step.name);
      record(kind, step.name, problems.length ? `LEAK: ${problems.join('; ')}` : reports ? 'stopped' : 'no-op');
      expect.soft(problems, `${kind} / ${step.name}`).toEqual([]);
      if (problems.length) {
        server.reset();
        opened = await load();
      }
    }
    expect((await panelData(opened.page))?.blocked).toBe('true');
    expect(opened.errors.filter((e) => e.startsWith('pageerror')), 'uncaught exceptions').toEqual([]);

    // 保存草稿 is not a publish: it still posts, once, to /api/draft (and no late publish POST came in)
    const page = opened.page;
    const navigated = info.navigates ? page.waitForURL(/\/api\/draft/) : undefined;
    // The last stopped publish left the checklist open over the page: the editor closes it first.
    await closeChecklist(page);
    await clickDraft(page, kind);
    await navigated;
    await waitForPosts(server, { path: '/api/draft' });
    expect(await statusText(page, kind)).toContain('草稿已保存');
    await sleep(SETTLE_MS);
    expect(server.posts.map((p) => p.path)).toEqual(['/api/draft']);
    expect(server.posts[0]!.body.title).toBe(SAMPLE_FIELDS.title);
    expect(htmlToText(String(server.posts[0]!.body.content))).toContain(ID);
    record(kind, '保存草稿', 'posts /api/draft');
    trace('保存草稿');
    timings[`paths ${kind}`] = Date.now() - t0;
  });

  test('one-shot allow from the service worker: exactly one POST with the final content, then blocked again; replay re-runs a blocked click', async () => {
    const t0 = Date.now();
    const trace = tracer(`${kind} allow`);
    const { page, errors } = await openEditor(tab, server, kind);
    await fillForm(page, kind);
    await setContent(page, DRAFT_HTML);
    await typeInto(page, kind, FINAL);
    trace('load, fill, type');

    expect(await sendAllowOnce(browser.context, false), 'tabs that took the message').toBe(1);
    const navigated = info.navigates ? page.waitForURL(/\/api\/publish/) : undefined;
    await formRoot(page, kind).locator('#btn-publish').click({ noWaitAfter: true });
    await navigated;
    await waitForPosts(server, { path: '/api/publish' });
    expect(await statusText(page, kind)).toContain('发布成功');
    await sleep(SETTLE_MS);
    expect(server.posts.map((p) => p.path)).toEqual(['/api/publish']);
    const content = htmlToText(String(server.posts[0]!.body.content));
    expect(content).toContain(DRAFT);
    expect(content).toContain(FINAL);
    record(kind, 'allow-once', '1 POST');
    trace('allow + click');

    if (info.navigates) {
      // the allowed publish left the page; the second click and the replay run on a fresh load
      record(kind, 'then click again', 'n/a (navigated)');
      server.reset();
      const again = await openEditor(tab, server, kind);
      await fillForm(again.page, kind);
      await setContent(again.page, DRAFT_HTML);
      await formRoot(again.page, kind).locator('#btn-publish').click({ noWaitAfter: true });
      expect(await waitForBlockShown(again.page)).toBe(true);
      await sleep(SETTLE_MS);
      expect(publishPosts()).toEqual([]);
      const replayed = again.page.waitForURL(/\/api\/publish/);
      expect(await sendAllowOnce(browser.context, true)).toBe(1);
      await replayed;
      await waitForPosts(server, { path: '/api/publish' });
      await sleep(SETTLE_MS);
      expect(server.posts.map((p) => p.path)).toEqual(['/api/publish']);
      expect(htmlToText(String(server.posts[0]!.body.content))).toContain(DRAFT);
      record(kind, 'replay', '1 POST');
      trace('fresh load + replay');
      timings[`allow ${kind}`] = Date.now() - t0;
      return;
    }

    // the pass is spent: the next click is blocked again
    await collapsePanel(page);
    await formRoot(page, kind).locator('#btn-publish').click({ noWaitAfter: true });
    expect(await waitForBlockShown(page)).toBe(true);
    await sleep(SETTLE_MS);
    expect(publishPosts(), 'second click after one allowed publish').toHaveLength(1);
    record(kind, 'then click again', 'blocked');
    trace('click again');

    // replay: the blocked click above runs again without a new click, exactly once
    expect(await sendAllowOnce(browser.context, true)).toBe(1);
    await waitForPosts(server, { path: '/api/publish', count: 2 });
    await sleep(SETTLE_MS);
    expect(publishPosts()).toHaveLength(2);
    expect(htmlToText(String(publishPosts()[1]!.body.content))).toContain(FINAL);
    record(kind, 'replay', '1 POST');
    expect(errors.filter((e) => e.startsWith('pageerror')), 'uncaught exceptions').toEqual([]);
    trace('replay');
    timings[`allow ${kind}`] = Date.now() - t0;
  });
});

describe('UEditor rebuilds its iframe (document.open)', () => {
  test('Ctrl+S inside the editing iframe is stopped after source mode, setContent, a reload of the iframe and a DOM move', async () => {
    const t0 = Date.now();
    const trace = tracer('ueditor re-attach');
    const { page } = await openEditor(tab, server, 'ueditor');
    await fillForm(page, 'ueditor');
    // the CMS binds Ctrl+S through UEditor's own event system, which UEditor re-binds on every rebuild
    await page.evaluate(`(() => {
      window.__ctrlS = 0;
      ue.addListener('keydown', (type, e) => {
        if (!e.ctrlKey || e.key.toLowerCase() !== 's') return;
        window.__ctrlS++;
        e.preventDefault();
        window.__cms.publishVia('requestSubmit');
      });
    })()`);
    const frameSel = 'iframe[id^="ueditor_"]';
    const home = page.url();

    /** marks the current editing window: a rebuild by document.open wipes the listener */
    const markWindow = () => page.evaluate(`(() => {
      const w = document.querySelector('${frameSel}').contentWindow;
      w.__old = true;
      window.__oldListener = 0;
      w.addEventListener('precheck-test', () => window.__oldListener++);
    })()`);
    const rebuildState = () => page.evaluate(`(() => {
      const f = document.querySelector('${frameSel}');
      const w = f.contentWindow;
      window.__oldListener = 0;
      w.dispatchEvent(new Event('precheck-test'));
      return { sameWindow: w.__old === true, listenersKept: window.__oldListener > 0,
        ready: !!(f.contentDocument && f.contentDocument.body && ue.body === f.contentDocument.body && ue.body.isContentEditable) };
    })()`);
    const waitReady = () => page.waitForFunction(`(() => { const f = document.querySelector('${frameSel}');
      return !!(f.contentDocument && f.contentDocument.body && ue.body === f.contentDocument.body && ue.body.isContentEditable); })()`, null, { timeout: 5_000, polling: 10 });

    const ctrlS = async (label: string) => {
      await collapsePanel(page);
      // straight into the editing body, as soon as it is there
      await page.evaluate(`(() => { const f = document.querySelector('${frameSel}'); f.contentWindow.focus(); f.contentDocument.body.focus(); })()`);
      await page.keyboard.press('Control+s');
      await sleep(SETTLE_MS);
      const problems: string[] = [];
      if (!(await waitForBlockShown(page))) problems.push('panel did not report the block');
      const hits = await page.evaluate<number>('window.__ctrlS');
      if (hits !== 0) problems.push(`the page's Ctrl+S handler ran ${hits}×`);
      if (publishPosts().length) problems.push(`${publishPosts().length} POST(s)`);
      if (page.url() !== home) problems.push(`navigated to ${page.url()}`);
      trace(label);
      record('ueditor', `re-attach: ${label}`, problems.length ? `LEAK: ${problems.join('; ')}` : 'stopped');
      expect.soft(problems, label).toEqual([]);
      await page.evaluate('window.__ctrlS = 0');
    };

    await ctrlS('Ctrl+S (no rebuild)');

    await markWindow();
    await page.evaluate(`ue.execCommand('source')`);
    await sleep(100);
    await page.evaluate(`ue.execCommand('source')`);
    await waitReady();
    expect(await rebuildState()).toMatchObject({ sameWindow: true, listenersKept: true });
    await ctrlS('after source mode and back');

    await page.evaluate(`ue.setContent(${JSON.stringify(DRAFT_HTML)})`);
    await ctrlS('after setContent');

    // re-running the iframe's javascript: URL: document.open() in the same window wipes its listeners
    await markWindow();
    await page.evaluate(`(() => { const f = document.querySelector('${frameSel}'); f.src = f.src; })()`);
    await page.waitForFunction(`(() => { const w = document.querySelector('${frameSel}').contentWindow;
      window.__oldListener = 0; w.dispatchEvent(new Event('precheck-test')); return window.__oldListener === 0; })()`, null, { timeout: 5_000, polling: 10 });
    await waitReady();
    expect(await rebuildState()).toMatchObject({ sameWindow: true, listenersKept: false, ready: true });
    await ctrlS('right after document.open rebuild (same window)');

    // moving the editor in the DOM reloads the iframe: a new window, written with document.open again
    await markWindow();
    await page.evaluate(`(() => { const c = document.querySelector('${frameSel}').closest('.edui-editor'); c.parentNode.appendChild(c); })()`);
    await page.waitForFunction(`document.querySelector('${frameSel}').contentWindow.__old !== true`, null, { timeout: 5_000, polling: 10 });
    await waitReady();
    expect(await rebuildState()).toMatchObject({ sameWindow: false, ready: true });
    await ctrlS('right after DOM move rebuild (new window)');
    await sleep(1_100);
    await ctrlS('1 s after the DOM move');

    // the session follows the new body: highlights come back in the new window
    await page.evaluate(`ue.setContent(${JSON.stringify(DRAFT_HTML)})`);
    await waitForCounts(page, 1, 1);
    await page.waitForFunction(`(() => { const h = document.querySelector('${frameSel}').contentWindow.CSS.highlights.get('precheck-block');
      return !!h && h.size === 1; })()`, null, { timeout: 5_000 });
    const hl = await highlightTexts(await frameAt(page, [frameSel]));
    expect(hl['precheck-block']).toEqual([ID]);
    expect(hl['precheck-warn']).toEqual([MOBILE]);
    expect(publishPosts()).toEqual([]);
    timings['ueditor re-attach'] = Date.now() - t0;
  });
});
