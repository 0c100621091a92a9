/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * The page guard judges a link's click as its capturing listener sees it (link-clicks.ts); the page's
 * own listeners run after and may swap the href for a `javascript:` string of markup, or aim the link
 * at another window. The MAIN-world twin of isolated/look-again.ts: the link is judged again whenever
 * where it goes has changed, after each node's listeners and — for a listener that stops the event at
 * once or was added after ours — as the page's trees change while a click the browser dispatches runs
 * (it runs the observer's callback after each listener). A click page code dispatches runs its
 * microtasks only after the browser acted: not covered there.
 */
import { apply } from '../../../realm/intrinsics';
import { getter, nodeTypeOf } from '../natives';

type PageWindow = Window & typeof globalThis;

/** What a link's place is read as (compared between looks). */
export type LinkPlace = (link: Element) => string;

export type LookAgain = (e: Event, link: Element, again: () => void) => void;

export function keptLookAgain(win: PageWindow, placeOf: LinkPlace): LookAgain {
  const listen = win.EventTarget.prototype.addEventListener;
  const unlisten = win.EventTarget.prototype.removeEventListener;
  const composedPath = win.Event.prototype.composedPath;
  const typeOf = getter(win.Event.prototype, 'type');
  const currentTargetOf = getter(win.Event.prototype, 'currentTarget');
  const Observer = win.MutationObserver;
  const observe = Observer.prototype.observe;
  const disconnect = Observer.prototype.disconnect;
  const setTimer = win.setTimeout;
  // no prototype: a key left out would be read from the page's Object.prototype (an attributeFilter
  // put there would hide every change); no filter either: its list is walked by the page's iterator
  const options = { __proto__: null, subtree: true, childList: true, attributes: true } as MutationObserverInit;
  return (e, link, again) => {
    let judged = placeOf(link);
    const late = () => {
      // the dispatch is over: the browser has acted on the link
      if (currentTargetOf(e) === null) return;
      const now = placeOf(link);
      if (now === judged) return;
      judged = now;
      again();
    };
    const type = typeOf(e) as string;
    const nodes = apply<EventTarget[]>(composedPath, e, []);
    const observer = new Observer(late);
    for (let i = 0; i < nodes.length; i++) {
      apply(listen, nodes[i], [type, late]);
      const kind = nodeTypeOf(nodes[i]);
      // a document's or a shadow root's tree: a `<base>` added anywhere in it moves its links
      if (kind === 9 || kind === 11) apply(observe, observer, [nodes[i], options]);
    }
    apply(setTimer, win, [
      () => {
        for (let i = 0; i < nodes.length; i++) apply(unlisten, nodes[i], [type, late]);
        apply(disconnect, observer, []);
      },
      0,
    ]);
  };
}
