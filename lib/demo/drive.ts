/**
 * Real-browser test ground: Debian's Chromium driven by playwright-core, the mock county CMS
 * (lib/demo/server.ts) with the real editors from node_modules, and helpers to type through each
 * editor's real editing surface and to drive every publish path of a page.
 */
import {
  type BrowserContext,
  type ConsoleMessage,
  type FrameLocator,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';
import { driverOf, type DriveTarget } from './playwright-driver.ts';
import { startCmsServer, type CmsServer, type RecordedPost } from './server.ts';

export type { CmsServer, RecordedPost };
export type { DriveTarget };


export type EditorKind =
  | 'ueditor'
  | 'kindeditor'
  | 'ckeditor4'
  | 'ckeditor4-inline'
  | 'ckeditor5'
  | 'tinymce'
  | 'quill'
  | 'wangeditor'
  | 'textarea'
  | 'contenteditable'
  | 'trs-wcm'
  | 'ewebeditor';

export type PublishKind = 'click' | 'submit' | 'requestSubmit' | 'fetch' | 'xhr' | 'ajax';

export interface EditorPage {
  kind: EditorKind;
  /** path on the CMS server */
  path: string;
  /** iframe selectors from the top page down to the document holding the editing surface */
  surfaceFrames: string[];
  /** the editable element in that document */
  surface: string;
  /** iframe selectors from the top page down to the document holding the form, buttons and #status */
  formFrames: string[];
  /** the publish paths the page itself uses (besides a click on 发布) */
  paths: PublishKind[];
  /** true when publishing is a full-page form POST (the page navigates to the result page) */
  navigates: boolean;
  /** how the page sends the POST */
  sends: 'form' | 'ajax' | 'fetch' | 'xhr';
  /** request body format */
  format: RecordedPost['format'];
}

const page = (p: Omit<EditorPage, 'path'>): EditorPage => ({ ...p, path: `/${p.kind}.html` });

export const EDITOR_PAGES: readonly EditorPage[] = [
  page({ kind: 'ueditor', surfaceFrames: ['iframe[id^="ueditor_"]'], surface: 'body', formFrames: [],
    paths: ['click', 'submit', 'requestSubmit'], navigates: true, sends: 'form', format: 'form' }),
  page({ kind: 'kindeditor', surfaceFrames: ['iframe.ke-edit-iframe'], surface: 'body', formFrames: [],
    paths: ['click', 'submit', 'requestSubmit'], navigates: true, sends: 'form', format: 'form' }),
  page({ kind: 'ckeditor4', surfaceFrames: ['iframe.cke_wysiwyg_frame'], surface: 'body', formFrames: [],
    paths: ['click', 'ajax'], navigates: false, sends: 'ajax', format: 'form' }),
  page({ kind: 'ckeditor4-inline', surfaceFrames: [], surface: '#content.cke_editable', formFrames: [],
    paths: ['click', 'ajax'], navigates: false, sends: 'ajax', format: 'json' }),
  page({ kind: 'ckeditor5', surfaceFrames: [], surface: '.ck-editor__editable', formFrames: [],
    paths: ['click', 'fetch'], navigates: false, sends: 'fetch', format: 'json' }),
  page({ kind: 'tinymce', surfaceFrames: ['iframe#content_ifr'], surface: 'body#tinymce', formFrames: [],
    paths: ['click', 'fetch'], navigates: false, sends: 'fetch', format: 'multipart' }),
  page({ kind: 'quill', surfaceFrames: [], surface: '.ql-editor', formFrames: [],
    paths: ['click', 'xhr'], navigates: false, sends: 'xhr', format: 'json' }),
  page({ kind: 'wangeditor', surfaceFrames: [], surface: '[data-slate-editor]', formFrames: [],
    paths: ['click', 'fetch'], navigates: false, sends: 'fetch', format: 'form' }),
  page({ kind: 'textarea', surfaceFrames: [], surface: 'textarea#content', formFrames: [],
    paths: ['click', 'submit', 'requestSubmit'], navigates: true, sends: 'form', format: 'form' }),
  page({ kind: 'contenteditable', surfaceFrames: [], surface: '#content[contenteditable]', formFrames: [],
    paths: ['click', 'xhr'], navigates: false, sends: 'xhr', format: 'form' }),
  page({ kind: 'trs-wcm', surfaceFrames: ['iframe#main', 'iframe#editor-frame'], surface: 'body', formFrames: ['iframe#main'],
    paths: ['click', 'ajax'], navigates: false, sends: 'ajax', format: 'form' }),
  page({ kind: 'ewebeditor', surfaceFrames: ['iframe#eWebEditor1', 'iframe#eWebEditor'], surface: 'body', formFrames: [],
    paths: ['click', 'xhr'], navigates: false, sends: 'xhr', format: 'multipart' }),
];

export function editorPage(kind: EditorKind): EditorPage {
  const info = EDITOR_PAGES.find((p) => p.kind === kind);
  if (!info) throw new Error(`unknown editor page ${kind}`);
  return info;
}

/** What each page exposes as `window.__cms` (see lib/demo/pages/cms.js). */
export interface CmsTestApi {
  ready: boolean;
  editor: string;
  paths: PublishKind[];
  getContent(): string;
  setContent(html: string): void;
  isDirty(): boolean;
  publishVia(kind: PublishKind): Promise<PublishResult> | undefined;
  saveDraft(): Promise<PublishResult> | undefined;
}
export interface PublishResult {
  ok: boolean;
  id?: number;
  error?: string;
}
/** For page.evaluate callbacks: `(window as unknown as CmsWindow).__cms` */
export type CmsWindow = Window & { __cms?: CmsTestApi };

// ---------------------------------------------------------------- browser

export { launchBrowser, CHROMIUM_PATH, type Browser, type LaunchOptions } from './browser.ts';

/** Start the mock CMS on a free port. */
export function startServer(): Promise<CmsServer> {
  return startCmsServer({ port: 0 });
}

// ---------------------------------------------------------------- pages

export interface OpenedPage {
  page: Page;
  info: EditorPage;
  /** uncaught page errors and console errors seen so far */
  errors: string[];
}

const detachers = new WeakMap<Page, () => void>();

/**
 * Open an editor page and wait until its editor is ready (`__cms.ready`). Given a context it opens
 * a new tab; given a page it navigates that tab (faster: no new renderer per test).
 */
export async function openEditor(
  target: BrowserContext | Page,
  server: CmsServer,
  kind: EditorKind,
  { timeout = 20_000 }: { timeout?: number } = {},
): Promise<OpenedPage> {
  const info = editorPage(kind);
  const page = 'newPage' in target ? await target.newPage() : target;
  detachers.get(page)?.();
  const errors: string[] = [];
  const onPageError = (e: Error) => errors.push(`pageerror: ${e.message}`);
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  };
  const onResponse = (r: Response) => {
    if (r.status() >= 400 && !/\/api\/(publish|draft)/.test(r.url())) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  page.on('response', onResponse);
  detachers.set(page, () => {
    page.off('pageerror', onPageError);
    page.off('console', onConsole);
    page.off('response', onResponse);
  });
  await page.goto(server.url + info.path, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => (window as unknown as CmsWindow).__cms?.ready === true, null, {
      timeout,
      polling: 20,
    });
  } catch (err) {
    throw new Error(`${kind}: editor not ready after ${timeout} ms; page errors: ${errors.join(' | ') || 'none'}`, {
      cause: err,
    });
  }
  return { page, info, errors };
}

function frameChain(page: Page, frames: readonly string[]): Page | FrameLocator {
  let root: Page | FrameLocator = page;
  for (const sel of frames) root = root.frameLocator(sel);
  return root;
}

/** The editable element (inside its iframe(s) where the editor has them). */
export function surfaceLocator(page: Page, kind: EditorKind): Locator {
  const info = editorPage(kind);
  return frameChain(page, info.surfaceFrames).locator(info.surface).first();
}

/** The document that holds the form, the buttons and #status (the top page, or TRS's iframe). */
export function formRoot(page: Page, kind: EditorKind): Page | FrameLocator {
  return frameChain(page, editorPage(kind).formFrames);
}

export function getContent(target: DriveTarget): Promise<string> {
  return driverOf(target).evaluate('window.__cms.getContent()');
}

export function setContent(target: DriveTarget, html: string): Promise<void> {
  return driverOf(target).evaluate(`window.__cms.setContent(${JSON.stringify(html)})`);
}

export function isDirty(target: DriveTarget): Promise<boolean> {
  return driverOf(target).evaluate('window.__cms.isDirty()');
}

/** Waits until the page's editor is ready (`__cms.ready`). */
export function cmsReady(target: DriveTarget, timeout = 20_000): Promise<void> {
  return driverOf(target).waitFor('window.__cms?.ready === true', { timeout });
}

/**
 * Type through the editor's real editing surface: click into it, move the caret to the end, and
 * type with the keyboard (CJK characters arrive as text input, as from an IME). Returns the editor's
 * content read through its own API once the text has arrived.
 */
export async function typeInto(target: DriveTarget, kind: EditorKind, text: string, { timeout = 5_000 } = {}): Promise<string> {
  const driver = driverOf(target);
  const info = editorPage(kind);
  await driver.click(info.surface, info.surfaceFrames);
  await driver.press('Control+End');
  await driver.type(text);
  const want = htmlToText(text);
  const deadline = Date.now() + timeout;
  let content = await getContent(driver);
  while (!htmlToText(content).includes(want) && Date.now() < deadline) {
    await sleep(50);
    content = await getContent(driver);
  }
  return content;
}

export interface FormFields {
  title?: string;
  channel?: string;
  category?: string;
  disclosure?: string;
  reviewer?: string;
}

export const SAMPLE_FIELDS: Required<FormFields> = {
  title: '关于2024年度财政预算执行情况的公告',
  channel: 'czyjs',
  category: '06',
  disclosure: '主动公开',
  reviewer: '李四',
};

/**
 * Fill the 信息发布 form's metadata fields, as a person would leave them: the value set and the
 * `input` / `change` events fired (in one round trip; `realistic: true` uses Playwright's fill and
 * selectOption, one action per field).
 */
export async function fillForm(
  target: DriveTarget,
  kind: EditorKind,
  fields: FormFields = SAMPLE_FIELDS,
  { realistic = false }: { realistic?: boolean } = {},
): Promise<void> {
  const driver = driverOf(target);
  const frames = editorPage(kind).formFrames;
  if (realistic) {
    for (const [name, value] of Object.entries(fields) as [keyof FormFields, string | undefined][]) {
      if (value === undefined) continue;
      const sel = `#cms-form [name="${name}"]`;
      if (name === 'title' || name === 'reviewer') await driver.fill(sel, value, frames);
      else await driver.selectOption(sel, value, frames);
    }
    return;
  }
  await driver.evaluate(
    `((f) => {
      const form = document.getElementById('cms-form');
      for (const [name, value] of Object.entries(f)) {
        const el = form.elements.namedItem(name);
        if (!el) throw new Error('no field ' + name);
        el.value = value;
        if (el.value !== value) throw new Error('field ' + name + ' has no option ' + value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }
    })(${JSON.stringify(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)))})`,
    frames,
  );
}

/**
 * Publish through one path. 'click' is a real (trusted) mouse click on 发布; the others go
 * through `__cms.publishVia(kind)`. Returns the page's own result for asynchronous paths
 * (fetch/xhr/ajax), undefined for navigations and clicks. Does not wait for the request.
 */
export async function publish(target: DriveTarget, kind: EditorKind, via: PublishKind): Promise<PublishResult | undefined> {
  const driver = driverOf(target);
  if (via === 'click') {
    await driver.click('#btn-publish', editorPage(kind).formFrames);
    return undefined;
  }
  if (via === 'submit' || via === 'requestSubmit') {
    // the page navigates away: start it from a task so evaluate() returns first
    await driver.evaluate(`void setTimeout(() => window.__cms.publishVia(${JSON.stringify(via)}))`);
    return undefined;
  }
  return driver.evaluate(`window.__cms.publishVia(${JSON.stringify(via)})`);
}

/** A real click on 保存草稿. */
export async function clickDraft(target: DriveTarget, kind: EditorKind): Promise<void> {
  await driverOf(target).click('#btn-draft', editorPage(kind).formFrames);
}

/** Wait for the page's status line (#status) to say something; returns its text. */
export async function statusText(target: DriveTarget, kind: EditorKind, { timeout = 10_000 } = {}): Promise<string> {
  const driver = driverOf(target);
  const frames = editorPage(kind).formFrames;
  await driver.waitForSelector('#status:not(:empty)', 'visible', { frames, timeout });
  return driver.evaluate(`document.getElementById('status').textContent`, frames);
}

/** Wait until the server has recorded at least `count` POSTs (optionally to one path). */
export async function waitForPosts(
  server: CmsServer,
  { count = 1, path: p, timeout = 10_000 }: { count?: number; path?: string; timeout?: number } = {},
): Promise<RecordedPost[]> {
  const deadline = Date.now() + timeout;
  const matching = () => server.posts.filter((x) => p === undefined || x.path === p);
  while (matching().length < count) {
    if (Date.now() > deadline) {
      throw new Error(`expected ${count} POST(s)${p ? ` to ${p}` : ''}, got ${matching().length} after ${timeout} ms`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return matching();
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Text of an HTML fragment: tags dropped, entities decoded, NBSP → space, whitespace collapsed. */
export function htmlToText(html: string): string {
  const named: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return named[e.toLowerCase()] ?? m;
    })
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ');
}
