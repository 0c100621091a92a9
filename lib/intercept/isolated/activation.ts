/**
 * The input event being handled now, as the browser reads it when a navigation starts: a click's or a
 * key's modifiers decide whether a submission of this window's form goes to a new window instead
 * (new-window-event.ts). Seen by a capturing listener before any page listener, and kept until the
 * task is over — a submission or a link the event activates is sent in that task.
 */
import type { Listen } from './navigation';
import { ACTIVATING_EVENTS, mayOpenElsewhere } from '../new-window-event';

/** Keys that submit a form or activate a button or link (Enter, Space): a modifier on any other starts nothing. */
const ACTIVATING_KEYS = new Set(['Enter', ' ']);

export interface Activation {
  /** Whether an event of this task may send a navigation it starts to another window. */
  opensElsewhere(): boolean;
}

export function watchActivation(win: Window, listen: Listen): Activation {
  let elsewhere = false;
  const seen = (e: Event) => {
    // every keystroke in the editor comes here: only the keys that activate (Enter, Space) are read
    // (read by its key, not instanceof: a same-origin frame's events are of the frame's realm)
    const key = (e as KeyboardEvent).key;
    if (typeof key === 'string' && !ACTIVATING_KEYS.has(key)) return;
    if (elsewhere || !mayOpenElsewhere(e as MouseEvent & KeyboardEvent)) return;
    elsewhere = true;
    win.setTimeout(() => {
      elsewhere = false;
    }, 0);
  };
  for (const type of ACTIVATING_EVENTS) listen(type, seen);
  return { opensElsewhere: () => elsewhere };
}
