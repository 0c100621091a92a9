/**
 * Opens the checklist early: a click on a control that says it publishes (发布, 提交, 审核通过 …, or
 * a control the site adapter names) is stopped before the page's own handlers run, while the page has
 * a draft. This is only about WHEN the checklist opens: what may leave is decided by the gate on the
 * request itself, so a control this misses changes nothing about what gets through.
 *
 * ensure() may be called on every discovery tick (see ListenerProbe).
 */
import { isPublishLabel } from '../gate/words';
import { controlLabel } from './gate/gestures';
import { ListenerProbe } from './listener-probe';

const CONTROL = 'button, input[type="submit"], input[type="button"], input[type="image"], a, [role="button"], [onclick]';

export interface StoppedClick {
  control: Element;
}

export interface EarlyStopHooks {
  /** Only a page with a draft publishes; list pages are judged by their requests alone. */
  hasDraft(): boolean;
  stopped(attempt: StoppedClick): void;
  /** A frame in this window (re)loaded: guard it now rather than at the next tick. */
  frameLoaded(): void;
}

/** The publish control an event target belongs to, if any (the target may be an icon inside it). */
export function publishControlOf(target: EventTarget | null, selectors: readonly string[] = []): Element | null {
  if (!target || !(target as Node).nodeType) return null;
  const node = target as Node;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return null;
  for (const sel of selectors) {
    const hit = el.closest(sel);
    if (hit) return hit;
  }
  const control = el.closest(CONTROL);
  return control && isPublishLabel(controlLabel(control)) ? control : null;
}

export class EarlyStop {
  selectors: readonly string[] = [];
  /** Off on a page the policy does not cover. */
  enabled = true;
  private passUntil = 0;
  /** Teach mode is being shown the CMS's own 保存草稿 and 发布: their clicks reach the page. */
  private pauses = 0;
  private readonly probe = new ListenerProbe();

  constructor(private readonly hooks: EarlyStopHooks) {}

  /** The next click (the checklist replaying the stopped one) goes through to the page. */
  passNext(): void {
    this.passUntil = Date.now() + 1000;
  }

  /** Clicks go to the page until the returned resume. */
  pause(): () => void {
    this.pauses += 1;
    let resumed = false;
    return () => {
      if (!resumed) this.pauses -= 1;
      resumed = true;
    };
  }

  ensure(win: Window): void {
    const doc = win.document;
    this.probe.ensure(doc, () =>
      doc.addEventListener(
        'load',
        (e) => {
          const tag = (e.target as Element | null)?.tagName;
          if (tag === 'IFRAME' || tag === 'FRAME') this.hooks.frameLoaded();
        },
        true,
      ),
    );
    this.probe.ensure(win, () => win.addEventListener('click', (e) => this.onClick(e), true));
  }

  private onClick(e: Event): void {
    const path = e.composedPath();
    // Precheck's own checklist and panel (签发, 发布 inside its shadow roots) are not the CMS's controls.
    if (path.some((n) => n instanceof Element && n.hasAttribute('data-precheck'))) return;
    const control = publishControlOf(path[0] ?? e.target, this.selectors);
    if (!control || !this.enabled || this.pauses > 0 || !this.hooks.hasDraft()) return;
    if (Date.now() < this.passUntil) {
      this.passUntil = 0;
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    this.hooks.stopped({ control });
  }
}
