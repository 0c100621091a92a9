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
}

const PROBE = 'precheck:probe';
const guarded = new WeakMap<Window, { alive: boolean }>();

function isShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key.toLowerCase() === 's');
}

/**
 * First layer: capture-phase listeners on the window run before the page's inline onclick and jQuery
 * handlers. Safe to call again and again: editors that rebuild their iframe with document.open wipe
 * the window's listeners, and a probe event tells whether ours are still there.
 */
export function ensureCaptureGuard(win: Window, hooks: CaptureHooks): void {
  const state = guarded.get(win);
  if (state) {
    state.alive = false;
    win.dispatchEvent(new Event(PROBE));
    if (state.alive) return;
  }
  const mark = { alive: true };
  guarded.set(win, mark);
  win.addEventListener(PROBE, () => (mark.alive = true));

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
