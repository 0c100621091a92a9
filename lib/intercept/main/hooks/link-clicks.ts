/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * Two kinds of link activation no navigate event judges:
 * - a `javascript:` link whose code is a string of markup: the string replaces the page and the new
 *   document's parser loads what it names (the probe saw its `<img>` deliver the ID). The code's text
 *   is judged as markup and CSS, as a frame's `javascript:` src is (load-judge.ts). Code whose result
 *   its text does not show (a call) runs as before: a CMS's buttons are such links
 *   (`javascript:checkArc(42)`), and their code, holding no URL, passes without a question — in
 *   their own window: aimed at another, such code is refused, as in a frame's src;
 * - an http(s) link that navigates a window still on its initial about:blank (initial-blank.ts).
 * A capturing click listener this guard adds to the window before any page script judges every
 * activation alike — a person's click, `click()`, a dispatched click event — and cancels a refused one
 * (a click has no error path to tell).
 */
import { javascriptUrlText } from '../../../gate/html-urls';
import { onInitialBlank } from '../../initial-blank';
import type { BlankAsk } from './blank-ask';
import type { LoadJudge } from './load-judge';
import { ownWindowTarget } from '../../own-window';
import { LINK_ATTRIBUTES, LINK_SELECTOR, linkHref } from '../../link-href';
import { apply, keptWeakMap } from '../../../realm/intrinsics';
import { getter, nodeTypeOf, resolveUrl, takeAttributes } from '../natives';
import { keptLookAgain } from './link-look-again';
import type { ClickedLinks } from './clicked-links';
import { mayOpenElsewhere, type ActivationLike } from '../../new-window-event';

type PageWindow = Window & typeof globalThis;

export interface LinkClicks {
  /** Adds the window's listener again (after the page's `document.open()`: document-open.ts). */
  relisten(): void;
  /** Listens inside a shadow root too: a click's first target at the window is its host (hooks/shadow-roots.ts). */
  watchRoot(root: ShadowRoot): void;
}

export function judgeLinkClicks(win: PageWindow, judge: LoadJudge, ask: BlankAsk, clicked: ClickedLinks): LinkClicks {
  const getAttr = win.Element.prototype.getAttribute;
  const inOwnWindow = ownWindowTarget(win);
  const hrefOf = linkHref(win);
  const closest = win.Element.prototype.closest;
  const composedPath = win.Event.prototype.composedPath;
  // kept: a page's preventDefault that does nothing would let a refused activation go
  const preventDefault = win.Event.prototype.preventDefault;
  const listen = win.EventTarget.prototype.addEventListener;
  const parentOf = Object.getOwnPropertyDescriptor(win.Node.prototype, 'parentElement')!.get!;
  const verdict = (link: Element, href: string, target: string | null = apply(getAttr, link, ['target'])): boolean => {
    const code = javascriptUrlText(href);
    if (code !== undefined) {
      // aimed at another window (a frame's name, _parent …), the string becomes that window's document,
      // as a frame's javascript: src: code that does not show it is refused (the Firefox probe saw
      // `href="javascript:parent.h" target=<a fresh frame>` load a variable's <img> with the ID)
      if (!inOwnWindow(target)) return judge.allowed(href, 'link', 'document').pass;
      judge.markupOrCss(code);
      return true;
    }
    if (!onInitialBlank(win) || !inOwnWindow(target)) return true;
    return ask(resolveUrl(win.document, href), 'link');
  };
  const modifiers = keptModifiers(win);
  // a change made during the click (clicked-links.ts): an http link that will not navigate this window
  // has no navigate event to judge it, and the isolated world's look has already run
  clicked.judgeWith((link, e, href, target) => {
    if (javascriptUrlText(href) !== undefined || (inOwnWindow(target) && !mayOpenElsewhere(modifiers(e)))) return verdict(link, href, target);
    return ask(href, 'link');
  });
  const cancelable = getter(win.Event.prototype, 'cancelable');
  const later = win.queueMicrotask;
  // an open root's click reaches its root's listener and the window's with the same link (a closed
  // root's reaches the window's as its host, and a link around the host is another link)
  const judged = keptWeakMap<Event, Element>();
  const refuse = (e: Event, link: Element) => {
    apply(preventDefault, e, []);
    // A click the page dispatched without `cancelable` cannot be prevented, and the browser still
    // follows the link (the fourteenth probe's went into a fresh frame with the ID): its address is
    // taken off until the dispatch is over (a microtask runs only after it), then put back.
    if (cancelable(e) !== true) apply(later, win, [takeAttributes(link, LINK_ATTRIBUTES)]);
  };
  const decide = (e: Event, link: Element) => {
    const href = hrefOf(link);
    if (href === null) return;
    // Fail closed: an activation this could not judge (a refusal thrown by the judge too) does not go.
    let pass = false;
    try {
      pass = verdict(link, href);
    } catch {
      pass = false;
    }
    if (!pass) refuse(e, link);
  };
  const placeOf = (link: Element) => {
    const target = apply<string | null>(getAttr, link, ['target']);
    return `${hrefOf(link)}\n${target}\n${inOwnWindow(target)}`;
  };
  const lookAgain = keptLookAgain(win, placeOf);
  const onClick = (e: Event) => {
    const first = apply(composedPath, e, [])[0] as Node | undefined;
    const start = nodeTypeOf(first) === 1 ? (first as Element) : nodeTypeOf(first) !== undefined ? (apply(parentOf, first, []) as Element | null) : null;
    const link = start ? apply<Element | null>(closest, start, [LINK_SELECTOR]) : null;
    if (!link || hrefOf(link) === null || judged.get(e) === link) return;
    judged.set(e, link);
    clicked.clicking(link, e);
    decide(e, link);
    // the page's own click listeners may swap the href after this one: judged again as they leave it
    lookAgain(e, link, () => decide(e, link));
  };
  const add = () => apply(listen, win, ['click', onClick, true]);
  add();
  return { relisten: add, watchRoot: (root) => apply(listen, root, ['click', onClick, true]) };
}

/** An event's modifiers and button through the getters kept at install: a page's own could say there are none. */
function keptModifiers(win: PageWindow): (e: Event) => ActivationLike {
  const mouse = win.MouseEvent.prototype;
  const shift = getter(mouse, 'shiftKey');
  const ctrl = getter(mouse, 'ctrlKey');
  const meta = getter(mouse, 'metaKey');
  const alt = getter(mouse, 'altKey');
  const button = getter(mouse, 'button');
  const isMouse = (e: Event) => {
    try {
      button(e);
      return true;
    } catch {
      return false;
    }
  };
  return (e) => (isMouse(e) ? { shiftKey: shift(e) === true, ctrlKey: ctrl(e) === true, metaKey: meta(e) === true, altKey: alt(e) === true, button: button(e) as number } : {});
}
