/**
 * Where a link's or a form's navigation goes is not only its target: Chromium and Firefox open it in a
 * new tab or window, or download it, by the event that activates it — the middle button, a modifier key
 * on the click or on the key that made it (Shift+Enter), the same on a click page script dispatches.
 * Such a navigation brings no navigate event to this window (the sixteenth probe's shift-clicked 保存
 * posted the draft with its ID into a new window). Alt downloads a link in Chromium: a request too.
 */
export interface ActivationLike {
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  readonly button?: number;
}

/** Whether the browser may send what `e` activates somewhere other than its target. */
export function mayOpenElsewhere(e: ActivationLike): boolean {
  return e.shiftKey === true || e.ctrlKey === true || e.metaKey === true || e.altKey === true || (e.button !== undefined && e.button !== 0);
}

/** The input events whose modifiers a navigation they start is sent by. */
export const ACTIVATING_EVENTS = ['click', 'auxclick', 'keydown', 'keypress', 'keyup'] as const;
