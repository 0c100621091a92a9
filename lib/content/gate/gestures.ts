/**
 * The control the user used last — a click or Enter in any same-origin frame — and its label. A
 * request that follows one opens the checklist when it is held (a timer's does not); draft words on
 * it (保存草稿) only word the refusal; publish words on it hold a list-page request.
 * Only trusted events count: a page script's synthetic click names nothing.
 */
import { isPublishLabel } from '../../gate/words';
import type { Attempt } from '../release';

const CONTROL = 'button, input[type="submit"], input[type="button"], input[type="image"], a, [role="button"], [onclick], li, span, div';
/** A request belongs to the gesture that caused it when it follows within this time. */
const WINDOW_MS = 1500;

export function controlLabel(el: Element): string {
  if (el.tagName === 'INPUT') {
    const input = el as HTMLInputElement;
    return input.value || input.title || input.alt || '';
  }
  return ((el.textContent ?? '').trim() || el.getAttribute('title') || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').slice(0, 60);
}

/** The nearest element that reads like a control (labels over 60 characters are cut, not ignored). */
export function controlOf(target: EventTarget | null): Element | null {
  if (!target || !(target as Node).nodeType) return null;
  const node = target as Node;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(CONTROL) ?? null;
}

/**
 * Precheck's own panel and checklist are not the page's controls: 签发 in the checklist must not make
 * the page's next request (an upload the reviewer just signed off) look like a publish.
 */
function ownUi(e: Event): boolean {
  return e.composedPath().some((n) => n instanceof Element && n.hasAttribute('data-precheck'));
}

export class GestureTracker {
  private label: string | undefined;
  private control: Element | null = null;
  private at = 0;
  private submitted: { form: HTMLFormElement; submitter: HTMLElement | null; at: number } | null = null;
  private readonly watched = new WeakSet<Window>();

  constructor(private readonly now: () => number = Date.now) {}

  watch(win: Window): void {
    if (this.watched.has(win)) return;
    this.watched.add(win);
    win.addEventListener('click', (e) => e.isTrusted && !ownUi(e) && this.note(e.composedPath()[0] ?? e.target), true);
    win.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Enter' && !ownUi(e) && this.note(e.target), true);
    win.addEventListener('submit', (e) => (this.submitted = { form: e.target as HTMLFormElement, submitter: (e).submitter, at: this.now() }), true);
  }

  private note(target: EventTarget | null): void {
    this.control = controlOf(target);
    this.label = this.control ? controlLabel(this.control) : undefined;
    this.at = this.now();
  }

  /** What the user just did, to run again once the draft is signed off. */
  attempt(): Attempt {
    const recent = (at: number) => this.now() - at <= WINDOW_MS;
    if (this.submitted && recent(this.submitted.at)) return { kind: 'submit', form: this.submitted.form, submitter: this.submitted.submitter };
    if (this.control && recent(this.at)) return { kind: 'click', control: this.control };
    return { kind: 'none' };
  }

  /** The label of the control used within the last moment, if any. */
  current(): string | undefined {
    return this.now() - this.at <= WINDOW_MS ? this.label : undefined;
  }

  /** The last gesture was on something that says it publishes. */
  publishIntent(): boolean {
    return isPublishLabel(this.current() ?? '');
  }
}
