import type { PanelActions, PanelItem, PanelState } from '../../components/Panel';
import { discoverEditors, sameOriginWindows } from '../editors';
import { findTitleInput } from '../editors/title-field';
import { ensureCaptureGuard, type Attempt, type CaptureHooks } from '../intercept/capture-guard';
import { OneShotPass } from '../intercept/pass';
import { ARM, BLOCKED, CONFIG, CONSUMED, DISARM, type BlockedAttempt } from '../intercept/protocol';
import type { PagePolicy, TabState } from '../messaging/protocol';
import { scan, type ScanOptions } from '../scan/engine';
import { SEVERITY_RANK, type Finding } from '../scan/types';
import { scanSubmittedContent } from './api-check';
import { blockReasons } from './block-reasons';
import { EditorSession } from './editor-session';
import { paintHighlights, supportsHighlights, type RangesBySeverity } from './highlighter';
import { OverlayPainter, type OverlayItem } from './overlay';
import { mountPanel } from './panel-host';
import { startSignoffFlow, type SignoffApi } from './signoff-flow';

const DISCOVER_EVERY_MS = 1000;

export interface Controller {
  /** Lets the next publish gesture through once; with `replay`, re-runs the last stopped control. */
  allowOnce(replay: boolean): void;
  /** The page's policy arrived: its scan settings, the adapter's publish controls and requests, the checklist's settings. */
  configure(options: ScanOptions, page: PagePolicy): void;
  /** For the popup: findings, fields and sign-off at a glance. */
  tabState(): TabState;
  /** An editor was found on the page (a page without one may be a published item). */
  hasEditors(): boolean;
}

/**
 * Precheck on one CMS page (top frame): finds the editors in every same-origin frame, keeps their
 * findings current, paints them, guards every frame's publish paths, and shows why a publish stopped.
 */
export function startController(top: Window, initial: ScanOptions, signoffApi: SignoffApi): Controller {
  let options = initial;
  const sessions = new Map<HTMLElement, EditorSession>();
  const pass = new OneShotPass();
  let title: HTMLInputElement | null = null;
  let titleFindings: Finding[] = [];
  let lastAttempt: Attempt | null = null;
  /** Block findings in what the editors' APIs would submit, counted at the last publish attempt. */
  let submittedBlocking = 0;
  let apiError: string | null = null;
  const state: PanelState = { items: [], blocked: null, error: null, open: false };
  let items: { item: PanelItem; session: EditorSession | null }[] = [];

  const panelActions: PanelActions = {
    goTo(index) {
      const entry = items[index];
      if (entry?.session) entry.session.reveal(entry.item.finding);
      else if (title && entry) {
        title.focus();
        title.setSelectionRange(entry.item.finding.start, entry.item.finding.end);
      }
    },
    toggle() {
      state.open = !state.open;
      render();
    },
  };
  const panel = mountPanel(top.document, panelActions);

  function render(): void {
    items = [
      ...titleFindings.map((finding) => ({ item: { finding, where: '标题' }, session: null })),
      ...[...sessions.values()].flatMap((s) => s.findings.map((finding) => ({ item: { finding, where: '正文' }, session: s }))),
    ].sort((a, b) => SEVERITY_RANK[b.item.finding.severity] - SEVERITY_RANK[a.item.finding.severity]);
    state.items = items.map((e) => e.item);
    state.error = [...sessions.values()].find((s) => s.error)?.error ?? apiError;
    if (state.blocked) {
      const reasons = blockReasons(state.items.map((i) => i.finding), state.error);
      const onScreen = state.items.filter((i) => i.finding.severity === 'block').length;
      if (submittedBlocking > onScreen) {
        reasons.unshift(`编辑器将提交的内容中有 ${submittedBlocking} 项必须处理的敏感信息（含界面上看不到的部分） / ${submittedBlocking} blocking finding(s) in the content the editor will submit`);
      }
      state.blocked = { reasons };
    }
    panel.render({ ...state });
    flow.changed();
  }

  /** An editor was rescanned: the panel and its highlights. The title and the panel alone never repaint them. */
  function editorChanged(): void {
    render();
    paint();
  }

  let overlay: OverlayPainter | null = null;

  function paint(): void {
    const byWindow = new Map<Window, RangesBySeverity>();
    const boxes: OverlayItem[] = [];
    for (const s of sessions.values()) {
      const win = s.window;
      if (s.isTextarea || !win) continue;
      const native = supportsHighlights(win);
      const ranges = byWindow.get(win) ?? { block: [], warn: [], info: [] };
      for (const f of s.findings) {
        const range = s.rangeOf(f);
        if (!range) continue;
        if (native) ranges[f.severity].push(range);
        else boxes.push({ range, severity: f.severity });
      }
      if (native) byWindow.set(win, ranges);
    }
    for (const [win, ranges] of byWindow) paintHighlights(win, ranges);
    // Browsers without the Highlight API get boxes drawn over the text instead.
    if (boxes.length > 0 || overlay) (overlay ??= new OverlayPainter(top)).paint(boxes);
  }

  function scanTitle(): void {
    titleFindings = title ? scan(title.value, options) : [];
    render();
  }

  function blocked(attempt: Attempt | BlockedAttempt): void {
    if ('control' in attempt || 'form' in attempt) lastAttempt = attempt;
    state.blocked = { reasons: [] };
    state.open = true;
    flow.attemptBlocked();
    // The attempt is already stopped; say so at once and refine the reasons after the click's task.
    render();
    top.setTimeout(() => void recheck().then(() => flow.attemptChecked(attempt.via)), 0);
  }

  /** After a stopped attempt: the latest text, and what the editors' APIs would really submit. */
  async function recheck(): Promise<void> {
    // A change still waiting for its debounce is scanned now, and so is a textarea whose value a
    // script replaced (that fires no input event).
    const stale = [...sessions.values()].filter((s) => s.dirty || s.valueChanged);
    await Promise.all(stale.map((s) => s.rescan()));
    try {
      const docs = sameOriginWindows(top).map((w) => w.document);
      submittedBlocking = (await scanSubmittedContent(docs, options)).filter((f) => f.severity === 'block').length;
      apiError = null;
    } catch (e) {
      // Fail closed: the attempt stays blocked and the panel says the check could not finish.
      submittedBlocking = 0;
      apiError = e instanceof Error ? e.message : String(e);
    }
    render();
  }

  function allowOnce(replay: boolean): void {
    pass.arm();
    broadcast(ARM);
    state.blocked = null;
    render();
    const attempt = lastAttempt;
    if (!replay || !attempt) return;
    if (attempt.control) (attempt.control as HTMLElement).click();
    else if (attempt.form) attempt.form.requestSubmit(attempt.submitter ?? null);
  }

  const flow = startSignoffFlow(
    top,
    {
      findings: () => items.map((e) => e.item),
      scanError: () => state.error,
      bodyText: () => [...sessions.values()].map((s) => s.text).join('\n'),
      reveal(finding) {
        const entry = items.find((e) => e.item.finding === finding);
        if (entry) panelActions.goTo(items.indexOf(entry));
      },
      allowOnce: () => allowOnce(true),
      async hiddenBlocking() {
        // What the editors' APIs will really submit, read again now: text the page does not show
        // (hidden elements, comments in source mode) must not ride along with a sign-off.
        const docs = sameOriginWindows(top).map((w) => w.document);
        submittedBlocking = (await scanSubmittedContent(docs, options)).filter((f) => f.severity === 'block').length;
        const onScreen = items.filter((e) => e.item.finding.severity === 'block').length;
        return Math.max(0, submittedBlocking - onScreen);
      },
    },
    signoffApi,
  );

  const hooks: CaptureHooks = { pass: (via: Attempt['via']) => pass.take(via), blocked, frameLoaded: discover, selectors: [] };
  let requestRules = '[]';
  const configured = new WeakSet<Document>();

  function broadcast(type: string, detail?: string): void {
    for (const w of sameOriginWindows(top)) w.document.dispatchEvent(new CustomEvent(type, { detail }));
  }

  top.document.addEventListener(BLOCKED, (e) => {
    const detail = (e as CustomEvent<string>).detail;
    blocked(JSON.parse(detail) as BlockedAttempt);
  });
  top.document.addEventListener(CONSUMED, () => broadcast(DISARM));

  function discover(): void {
    const windows = sameOriginWindows(top);
    for (const w of windows) {
      // A frame that appeared since the policy arrived learns the adapter's publish requests too.
      if (!configured.has(w.document)) {
        configured.add(w.document);
        w.document.dispatchEvent(new CustomEvent(CONFIG, { detail: requestRules }));
      }
      ensureCaptureGuard(w, hooks);
    }
    const found = discoverEditors(top);
    const roots = new Set(found.map((h) => h.root));
    for (const [root, session] of sessions) {
      if (!roots.has(root) || !root.isConnected) {
        session.dispose();
        sessions.delete(root);
      }
    }
    for (const handle of found) {
      if (!sessions.has(handle.root)) sessions.set(handle.root, new EditorSession(handle, options, editorChanged));
    }
    for (const session of sessions.values()) if (session.valueChanged && !session.dirty) session.schedule(0);
    const nextTitle = findTitleInput(windows.map((w) => w.document).filter((d) => !roots.has(d.body)));
    if (nextTitle !== title) {
      title?.removeEventListener('input', scanTitle);
      title = nextTitle;
      title?.addEventListener('input', scanTitle);
      scanTitle();
    }
  }

  discover();
  top.setInterval(discover, DISCOVER_EVERY_MS);
  top.addEventListener('load', discover);

  return {
    configure(next, page) {
      const adapter = page.adapter;
      options = next;
      flow.configure(page);
      hooks.selectors = adapter?.publishButtons ?? [];
      requestRules = JSON.stringify(adapter?.publishRequests ?? []);
      broadcast(CONFIG, requestRules);
      for (const s of sessions.values()) s.reconfigure(next);
      scanTitle();
    },
    allowOnce,
    tabState: () => flow.tabState(),
    hasEditors: () => sessions.size > 0,
  };
}
