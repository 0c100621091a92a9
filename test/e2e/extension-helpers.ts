/**
 * Helpers for the extension's real-browser suite (extension.e2e.test.ts): building the extension
 * when it is missing or older than its sources, reading the panel and the highlights back, reading
 * each editor's own dirty/undo state, and talking to the extension's service worker.
 *
 * Functions handed to page.evaluate are strings here: the test transform may wrap named functions
 * in a __name() helper that does not exist in the page.
 */
import { closeChecklist } from '../../lib/demo/checklist-drive.ts';
import { driverOf, frameAt, type DriveTarget } from '../../lib/demo/playwright-driver.ts';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { editorPage, type EditorKind } from './harness.ts';

export { frameAt };

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** PRECHECK_EXTENSION_DIR: test another build (used as it is, never rebuilt here). */
const OVERRIDE_DIR = process.env.PRECHECK_EXTENSION_DIR;
export const EXTENSION_DIR = OVERRIDE_DIR ? path.resolve(OVERRIDE_DIR) : path.join(PROJECT_ROOT, '.output', 'chrome-mv3');
/** The Firefox build (`npm run build:firefox`); PRECHECK_FIREFOX_EXTENSION_DIR tests another one. */
const FIREFOX_OVERRIDE_DIR = process.env.PRECHECK_FIREFOX_EXTENSION_DIR;
export const FIREFOX_EXTENSION_DIR = FIREFOX_OVERRIDE_DIR ? path.resolve(FIREFOX_OVERRIDE_DIR) : path.join(PROJECT_ROOT, '.output', 'firefox-mv3');

const BUILDS = {
  chrome: { dir: EXTENSION_DIR, override: OVERRIDE_DIR, args: ['wxt', 'build'] },
  firefox: { dir: FIREFOX_EXTENSION_DIR, override: FIREFOX_OVERRIDE_DIR, args: ['wxt', 'build', '-b', 'firefox', '--mv3'] },
} as const;

/** What goes into the extension bundle: a change here makes the build stale. */
const SOURCES = ['entrypoints', 'components', 'rules', 'public', 'lib', 'wxt.config.ts', 'package.json'];
/** Parts of lib/ that never reach the extension (mock CMS, CLI, table generators). */
const NOT_BUNDLED = new Set([path.join('lib', 'demo'), path.join('lib', 'cli'), path.join('lib', 'gen')]);

function newestMtime(rel: string): number {
  const abs = path.join(PROJECT_ROOT, rel);
  if (!existsSync(abs) || NOT_BUNDLED.has(rel)) return 0;
  const st = statSync(abs);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(abs)) newest = Math.max(newest, newestMtime(path.join(rel, entry)));
  return newest;
}

/**
 * Builds .output/chrome-mv3 with `npx wxt build` (or .output/firefox-mv3) when it is missing or older
 * than a source file. PRECHECK_SKIP_BUILD=1 uses whatever is there; PRECHECK_REBUILD=1 always builds;
 * PRECHECK_EXTENSION_DIR=<dir> (PRECHECK_FIREFOX_EXTENSION_DIR) tests that build instead.
 */
export async function ensureExtensionBuilt(target: keyof typeof BUILDS = 'chrome'): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  const { dir, override, args } = BUILDS[target];
  const manifest = path.join(dir, 'manifest.json');
  if (override) {
    if (!existsSync(manifest)) throw new Error(`${target} build override: no ${manifest}`);
    return { built: false, ms: 0 };
  }
  if (process.env.PRECHECK_SKIP_BUILD === '1' && existsSync(manifest)) return { built: false, ms: 0 };
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const stale = process.env.PRECHECK_REBUILD === '1' || builtAt === 0 || SOURCES.some((s) => newestMtime(s) > builtAt);
  if (!stale) return { built: false, ms: Date.now() - started };
  // Not vitest's environment: with NODE_ENV=test Vite bundles React's development JSX runtime and
  // the content script dies on its first render (jsxDEV is not a function).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  try {
    await promisify(execFile)('npx', [...args], { cwd: PROJECT_ROOT, env, maxBuffer: 16 << 20 });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`npx ${args.join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`, { cause: err });
  }
  if (!existsSync(manifest)) throw new Error(`npx ${args.join(' ')} produced no ${manifest}`);
  const content = readFileSync(path.join(dir, 'content-scripts', 'content.js'), 'utf8');
  if (content.includes('jsxDEV')) throw new Error('the build bundled the development JSX runtime (NODE_ENV leaked into wxt build)');
  return { built: true, ms: Date.now() - started };
}

// ---------------------------------------------------------------- frames

/** The frame whose window holds the editing surface (and so the editor's CSS.highlights). */
export const surfaceFrame = (page: Page, kind: EditorKind) => frameAt(page, editorPage(kind).surfaceFrames);
/** The frame with the form, the buttons and #status. */
export const formFrame = (page: Page, kind: EditorKind) => frameAt(page, editorPage(kind).formFrames);

// ---------------------------------------------------------------- highlights

export type HighlightTexts = Record<'precheck-block' | 'precheck-warn' | 'precheck-info', string[]>;

/** Script: the text of every range in this window's Precheck highlights (a HighlightTexts). */
export const HIGHLIGHT_TEXTS = `(() => {
  const out = {};
  for (const name of ['precheck-block', 'precheck-warn', 'precheck-info']) {
    const h = CSS.highlights.get(name);
    out[name] = h ? [...h].map((r) => r.toString()) : [];
  }
  return out;
})()`;

/** The text of every range in the frame window's Precheck highlights. */
export function highlightTexts(frame: Frame): Promise<HighlightTexts> {
  return frame.evaluate(HIGHLIGHT_TEXTS);
}

// ---------------------------------------------------------------- panel

export interface PanelData {
  block: string | undefined;
  warn: string | undefined;
  blocked: string | undefined;
  /** the open panel's blocked section is on screen */
  blockedShown: boolean;
  open: boolean;
  text: string;
}

export function panelData(page: DriveTarget): Promise<PanelData | null> {
  return driverOf(page).evaluate(`(() => {
    const h = document.querySelector('precheck-panel');
    if (!h) return null;
    const s = h.shadowRoot;
    return {
      block: h.dataset.block, warn: h.dataset.warn, blocked: h.dataset.blocked,
      blockedShown: !!(s && s.querySelector('[data-testid="precheck-blocked"]')),
      open: !!(s && s.querySelector('[data-testid="precheck-panel"]')),
      text: s ? s.textContent : '',
    };
  })()`);
}

/** Waits until the panel's host mirrors these counts (the debounced scan has run). */
export async function waitForCounts(page: DriveTarget, block: number, warn: number, timeout = 5_000): Promise<void> {
  await driverOf(page).waitFor(
    `(() => { const h = document.querySelector('precheck-panel');
      return !!h && h.dataset.block === '${block}' && h.dataset.warn === '${warn}'; })()`,
    { timeout },
  );
}

/**
 * Collapses the panel (if open) and closes the checklist dialog a stopped publish opened, and waits
 * until both are out of the way: a later block re-opens them.
 */
export async function collapsePanel(page: DriveTarget): Promise<void> {
  await closeChecklist(page);
  await driverOf(page).waitFor(`(() => {
    const h = document.querySelector('precheck-panel');
    const s = h && h.shadowRoot;
    if (!s) return false;
    if (s.querySelector('[data-testid="precheck-toggle"]')) return true;
    const close = s.querySelector('[data-testid="precheck-panel"] header button');
    if (close) close.click();
    return false;
  })()`, { timeout: 3_000 });
}

/** True when the panel opens with its 已拦截发布 section within `timeout` ms. */
export async function waitForBlockShown(page: DriveTarget, timeout = 1_500): Promise<boolean> {
  try {
    await driverOf(page).waitFor(
      `(() => { const h = document.querySelector('precheck-panel');
        return !!(h && h.shadowRoot && h.shadowRoot.querySelector('[data-testid="precheck-blocked"]')); })()`,
      { timeout },
    );
    return true;
  } catch {
    return false;
  }
}

/** The findings list as shown: kind, severity and the excerpt of every row. */
export function panelRows(page: Page): Promise<{ kind: string; severity: string; text: string; excerpt: string }[]> {
  return page.evaluate(`(() => {
    const h = document.querySelector('precheck-panel');
    const rows = h && h.shadowRoot ? [...h.shadowRoot.querySelectorAll('[data-testid="precheck-findings"] li[data-kind]')] : [];
    return rows.map((li) => ({
      kind: li.dataset.kind, severity: li.dataset.severity, text: li.textContent,
      excerpt: (li.querySelector('code') || {}).textContent || '',
    }));
  })()`);
}

// ---------------------------------------------------------------- editor state

/**
 * Each editor's own dirty / undo state, read through its API (page globals: `ue`, `editor`,
 * `CKEDITOR`, `tinymce`, `quill`). Editors without one (textarea, contenteditable, TRS, eWebEditor)
 * are compared by content only.
 */
const EDITOR_STATE: Partial<Record<EditorKind, string>> = {
  ueditor: `(() => { const m = ue.undoManger;
    return { hasContents: ue.hasContents(), undo: m.list.length, index: m.index, hasUndo: m.hasUndo, hasRedo: m.hasRedo }; })()`,
  kindeditor: `(() => ({ undo: editor._undoStack.length, redo: editor._redoStack.length }))()`,
  ckeditor4: `(() => { const e = CKEDITOR.instances.content, m = e.undoManager;
    return { dirty: e.checkDirty(), snapshots: m.snapshots.length, index: m.index, undoable: m.undoable(), redoable: m.redoable() }; })()`,
  'ckeditor4-inline': `(() => { const e = CKEDITOR.instances.content, m = e.undoManager;
    return { dirty: e.checkDirty(), snapshots: m.snapshots.length, index: m.index, undoable: m.undoable(), redoable: m.redoable() }; })()`,
  ckeditor5: `(() => { const u = editor.commands.get('undo'), r = editor.commands.get('redo');
    return { version: editor.model.document.version, undo: u._stack.length, undoEnabled: u.isEnabled, redoEnabled: r.isEnabled }; })()`,
  tinymce: `(() => { const e = tinymce.get('content'), m = e.undoManager;
    return { dirty: e.isDirty(), levels: m.data.length, hasUndo: m.hasUndo(), hasRedo: m.hasRedo() }; })()`,
  quill: `(() => ({ undo: quill.history.stack.undo.length, redo: quill.history.stack.redo.length }))()`,
  wangeditor: `(() => ({ undo: editor.history.undos.length, redo: editor.history.redos.length }))()`,
};

export interface EditorSnapshot {
  content: string;
  state: Record<string, unknown> | null;
}

/** getContent() plus the editor's dirty/undo state, read in one round trip from the top page. */
export async function editorSnapshot(page: Page, kind: EditorKind): Promise<EditorSnapshot> {
  const state = EDITOR_STATE[kind] ?? 'null';
  return page.evaluate(`({ content: window.__cms.getContent(), state: ${state} })`);
}

export const hasEditorState = (kind: EditorKind) => kind in EDITOR_STATE;

// ---------------------------------------------------------------- service worker

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const find = () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return find() ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
}

/** The id of the one tab showing `url`, as the extension sees it (it has host access to the test CMS). */
export async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const ids = await (await serviceWorker(context)).evaluate<number[]>(`chrome.tabs.query({ url: ${JSON.stringify(url)} }).then((tabs) => tabs.map((t) => t.id))`);
  if (ids.length !== 1) throw new Error(`expected one tab at ${url}, found ${ids.length}`);
  return ids[0]!;
}

/** The extension's id (from its service worker's URL). */
export async function extensionId(context: BrowserContext): Promise<string> {
  return new URL((await serviceWorker(context)).url()).host;
}

/**
 * Sends `precheck:allow-once` from the extension's service worker to every tab, as the sign-off UI
 * will; returns how many tabs had a receiver (only the CMS tab runs the content script).
 */
export async function sendAllowOnce(context: BrowserContext, replay: boolean): Promise<number> {
  const sw = await serviceWorker(context);
  return sw.evaluate(`(async () => {
    const tabs = await chrome.tabs.query({});
    let delivered = 0;
    for (const t of tabs) {
      try {
        await chrome.tabs.sendMessage(t.id, { type: 'precheck:allow-once', replay: ${replay ? 'true' : 'false'} });
        delivered++;
      } catch (e) {
        if (!/Receiving end does not exist/.test(String(e && e.message))) throw e;
      }
    }
    return delivered;
  })()`);
}

/** Every audit record, read straight from IndexedDB on an extension page (what an inspector's copy holds). */
export function dumpRecords(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('precheck-audit');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('records').objectStore('records').getAll();
      req.onsuccess = () => { resolve(req.result); open.result.close(); };
      req.onerror = () => reject(req.error);
    };
  })`);
}
