import { isPublishForm, publishControlOf } from './publish-control';
import type { AttemptVia } from './protocol';

export interface Attempt {
  via: AttemptVia;
  /** What to run again once the publish is allowed: the page's own control, form or shortcut target. */
  control?: Element;
  form?: HTMLFormElement;
  submitter?: HTMLElement | null;
}

export interface CaptureHooks {
  /** Spends the one-shot pass for this kind of event, if one is armed. */
  pass(via: AttemptVia): boolean;
  blocked(attempt: Attempt): void;
  /** Site-adapter selectors for publish controls the text heuristics would miss. */
  selectors?: readonly string[];
  /**
   * A frame in this window loaded, or was rewritten with document.open (UEditor rebuilds its editing
   * iframe that way): its listeners are gone, so guard it again now rather than at the next tick.
   */
  frameLoaded?(): void;
}

const PROBE = 'precheck:probe';
const probes = new WeakMap<EventTarget, { alive: boolean }>();

/** Runs `install` unless the listeners it added to `target` are still there (document.open wipes them). */
function ensureListeners(target: EventTarget, install: () => void): void {
  const state = probes.get(target);
  if (state) {
    state.alive = false;
    target.dispatchEvent(new Event(PROBE));
    if (state.alive) return;
  }
  const mark = { alive: true };
  probes.set(target, mark);
  target.addEventListener(PROBE, () => (mark.alive = true));
  install();
}

function isShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key.toLowerCase() === 's');
}

/**
 * First layer: capture-phase listeners on the window run before the page's inline onclick and jQuery
 * handlers. Safe to call again and again: editors that rebuild their iframe with document.open wipe
 * the window's listeners, and a probe event tells whether ours are still there.
 */
export function ensureCaptureGuard(win: Window, hooks: CaptureHooks): void {
  // Load events do not reach the window: a frame's (re)load is seen on its parent document.
  const doc = win.document;
  ensureListeners(doc, () =>
    doc.addEventListener(
      'load',
      (e) => {
        const tag = (e.target as Element | null)?.tagName;
        if (tag === 'IFRAME' || tag === 'FRAME') hooks.frameLoaded?.();
      },
      true,
    ),
  );
  ensureListeners(win, () => installWindowListeners(win, hooks));
}

function installWindowListeners(win: Window, hooks: CaptureHooks): void {
  const stop = (e: Event, attempt: Attempt) => {
    if (hooks.pass(attempt.via)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    hooks.blocked(attempt);
  };

  win.addEventListener(
    'click',
    (e) => {
      const control = publishControlOf(e.target, hooks.selectors);
      if (control) stop(e, { via: 'click', control });
    },
    true,
  );
  win.addEventListener(
    'submit',
    (e) => {
      const form = e.target as HTMLFormElement;
      const submitter = (e).submitter;
      if (isPublishForm(form, submitter)) stop(e, { via: 'submit', form, submitter });
    },
    true,
  );
  win.addEventListener(
    'keydown',
    (e) => {
      const target = e.target as Element | null;
      if (isShortcut(e)) {
        stop(e, { via: 'key' });
        return;
      }
      // Enter in a text field submits its form implicitly (no click, sometimes no submit event
      // reaches a page that listens for keypress), so it is stopped here.
      const form = (target as HTMLInputElement | null)?.form;
      if (e.key === 'Enter' && target?.tagName === 'INPUT' && form && isPublishForm(form)) {
        stop(e, { via: 'key', form });
      }
    },
    true,
  );
}
