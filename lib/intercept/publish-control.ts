import { isNonPublishUrl, isPublishLabel } from './publish-words';

const CONTROL = 'button, input[type="submit"], input[type="button"], input[type="image"], a, [role="button"], [onclick]';

function labelOf(el: Element): string {
  if (el instanceof el.ownerDocument.defaultView!.HTMLInputElement) return el.value || el.title || el.alt || '';
  return (el.textContent ?? '') || el.getAttribute('title') || el.getAttribute('aria-label') || '';
}

/** The publish control an event target belongs to, if any (the target may be an icon inside it). */
export function publishControlOf(target: EventTarget | null, extraSelectors: readonly string[] = []): Element | null {
  if (!target || !(target as Node).nodeType) return null;
  const el = (target as Node).nodeType === 1 ? (target as Element) : (target as Node).parentElement;
  if (!el) return null;
  for (const sel of extraSelectors) {
    const hit = el.closest(sel);
    if (hit) return hit;
  }
  const control = el.closest(CONTROL);
  return control && isPublishLabel(labelOf(control)) ? control : null;
}

/**
 * A form that publishes: one whose submit buttons publish, or whose action is a publish endpoint.
 * Without a submitter (form.submit(), Enter) the form goes to its action: a draft endpoint there
 * (`form.action = 'draft.do'; form.submit()`, a common 保存草稿) is not a publish, whatever buttons
 * the form also has.
 */
export function isPublishForm(form: HTMLFormElement, submitter?: Element | null): boolean {
  if (submitter) return publishControlOf(submitter) !== null;
  // Only an action set on purpose counts: without one the form posts back to the page's own URL.
  if (form.getAttribute('action') && isNonPublishUrl(form.action)) return false;
  const buttons = form.querySelectorAll('button:not([type="button"]):not([type="reset"]), input[type="submit"]');
  return [...buttons].some((b) => isPublishLabel(labelOf(b))) || /publish|release|fabu|submit/i.test(form.action);
}
