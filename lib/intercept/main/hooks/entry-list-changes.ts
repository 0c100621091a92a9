/* eslint-disable @typescript-eslint/unbound-method -- the original is kept unbound and always called on its own target. */
/**
 * A submission the navigate event will not see (a click or requestSubmit() aimed at another window)
 * is judged by the isolated world inside its `formdata` event — but page listeners that run after
 * that judge could still change the entry list: one on the form that stops the event, one added
 * during the dispatch, one reached through a frame's FormData methods (each delivered the ID into a
 * frame, test/e2e/gate-read-once.e2e.test.ts). An entry list changes only through FormData's append
 * and set: after either, on a list the browser built for a form, the isolated world judges again,
 * before the page's next statement, and empties what it refuses.
 *
 * The list is marked with a function that cannot be changed or removed (the page's own call of it
 * only asks for a verdict again); a frame's guard reads the mark, not a table of its own, so the
 * parent's list changed through the frame's methods reaches the parent's judge.
 */
import { apply, defineFixed, own } from '../../../realm/intrinsics';
import type { GuardChannel } from '../channel';
import { getter } from '../natives';
import { afterCall } from './wrap';

type PageWindow = Window & typeof globalThis;

const MARK = Symbol.for('precheck:entry-list-changed');

/** Asks the list's judge again, if it has one: a getter of the page's is never run. */
function changed(list: unknown): void {
  const ask = own(list, MARK);
  if (typeof ask === 'function') apply(ask as () => void, undefined, []);
}

/**
 * Returns what adds the window's listener again (after the page's `document.open()`), and what adds it
 * to a shadow root (a form's `formdata` event does not leave its tree: hooks/shadow-roots.ts).
 */
export function watchEntryListChanges(win: PageWindow, channel: GuardChannel): { relisten: () => void; watchRoot: (root: ShadowRoot) => void } {
  afterCall(win.FormData.prototype, 'append', changed);
  afterCall(win.FormData.prototype, 'set', changed);
  const listOf = getter(win.FormDataEvent?.prototype, 'formData');
  const listen = win.EventTarget.prototype.addEventListener;
  const ask = () => channel.entriesChanged();
  // The first listener of the window (put back at once after the page's document.open()): the list is
  // the browser's new one, which nothing of the page's has held before.
  const mark = (e: Event) => {
    const list = listOf(e);
    if (typeof list === 'object' && list !== null) defineFixed(list, MARK, ask);
  };
  const add = () => apply(listen, win, ['formdata', mark, true]);
  add();
  return { relisten: add, watchRoot: (root) => apply(listen, root, ['formdata', mark, true]) };
}
