/**
 * What leaves by navigating: a form submitted by a click, Enter, an image input or requestSubmit(),
 * location.href = …, a link. Judged on the navigation itself (the Navigation API's navigate event: the
 * final entry list after the page's own submit handlers, cancelable), so a submit button's label or a
 * field shadowing form.action does not matter. Where no navigate event will come — a form aimed at a
 * new window, a link with target=_blank, a browser without the Navigation API — the submission or the
 * click is judged before it goes.
 */
import type { Outgoing, Verdict } from '../../gate/types';
import { onInitialBlank } from '../initial-blank';
import { ownWindowTarget } from '../own-window';
import { LINK_ATTRIBUTES, LINK_SELECTOR, linkHref } from '../link-href';
import { newShadowRoots, rootOf } from './shadow-roots';
import { lookAgainAfter } from './look-again';
import { DOCUMENT_URL } from './other-window-submission';
import { entriesOf } from './form-entries';
import { watchSubmissions } from './submissions';
import { watchActivation } from './activation';


export interface NavigationJudge {
  judge(o: Outgoing): Verdict;
  /** The verdict without spending a release or reporting it (content that may still change). */
  peek(o: Outgoing): Verdict;
  /** The control the user just used (for draft words), if any. */
  control(): string | undefined;
  /** The content key of a file this world has read (its scan is looked up by it), if any. */
  fileKey?(file: File): string | undefined;
  /**
   * A form post carries files not read yet: true when it is held back — the files are read, then the
   * form is submitted again and judged on what they hold.
   */
  holdFiles?(formData: FormData, source: Element | null): boolean;
  /**
   * The same for a submission the navigate event will not see (aimed at another window): true when
   * it is held — the files are read, then `replay` submits the form again.
   */
  holdEntryList?(formData: FormData, form: HTMLFormElement, replay: () => void): boolean;
  /**
   * `look` is run whenever page code changes an entry list the browser built (the MAIN-world guard
   * says so after FormData's append or set: hooks/entry-list-changes.ts); returns what ends that.
   */
  watchEntryList?(look: () => void): () => void;
}

interface NavigateEventLike extends Event {
  readonly destination: { url: string; sameDocument: boolean };
  readonly formData: FormData | null;
  readonly navigationType: string;
  readonly cancelable: boolean;
  readonly downloadRequest: string | null;
  /** The submitter or the form (Chromium); absent in older browsers. */
  readonly sourceElement?: Element | null;
}

/** Adds a capturing listener to the window, kept to be added again (see watchNavigations). */
export type Listen = (type: string, listener: (e: Event) => void) => void;

export interface NavigationWatch {
  /** Adds the window's listeners again: the page's `document.open()` erases them (the editors open their frames' documents). */
  relisten(): void;
  /**
   * Listens inside the shadow root page code attached to `host` (told by the MAIN-world guard): a
   * form's submit and formdata events stay in its tree, and a click's target at the window is the host.
   */
  watchRoot(host: Element): void;
}

export function watchNavigations(win: Window, judge: NavigationJudge): NavigationWatch {
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  const kept: [string, (e: Event) => void][] = [];
  const listen: Listen = (type, listener) => {
    kept.push([type, listener]);
    win.addEventListener(type, listener, true);
  };
  // The URL of the link last clicked: a navigation to it is reported as a link, not as script's.
  const clicked = { url: null as string | null };
  if (nav) watchNavigateEvents(nav, judge, clicked);
  // A target, a <base target> or the window's own name as the page guard reads them (own-window.ts):
  // a submission or a link aimed at another window brings no navigate event here.
  const ownWindow = ownWindowTarget(win as Window & typeof globalThis);
  // first: the event's modifiers are known before a submission or a link it starts is judged
  const activation = watchActivation(win, listen);
  // a window still on its initial about:blank gets no navigate event (checked at each submission),
  // nor does one a modifier sends to a new window
  const here = (target: string | null) => ownWindow(target) && !activation.opensElsewhere();
  watchSubmissions(win, judge, listen, here, () => !!nav && !onInitialBlank(win));
  watchLinkClicks(win, judge, listen, !!nav && here, clicked);
  const roots = new WeakSet<ShadowRoot>();
  const watchRoot = (root: ShadowRoot) => {
    roots.add(root);
    for (const [type, listener] of kept) root.addEventListener(type, listener, true);
  };
  // A root page code never reached (the parser's, a closed one) is told by no one: its form's submit
  // and formdata events stay in it, and a click's target at the window is its host. A person's click or
  // key into it reaches the window first, as the host's: its root gets the listeners then, before the
  // event reaches it (a node's listeners are read as the event gets there), and a root inside it the
  // same way from there.
  const reachInto = (e: Event) => {
    // a keystroke other than Enter (implicit submission) submits nothing: the editor's typing is not read
    const key = (e as KeyboardEvent).key;
    if (typeof key === 'string' && key !== 'Enter') return;
    const host = e.target;
    if (!(host instanceof Element)) return;
    const root = rootOf(host);
    if (root && !roots.has(root)) watchRoot(root);
  };
  listen('click', reachInto);
  listen('keydown', reachInto);
  return {
    relisten: () => {
      for (const [type, listener] of kept) win.addEventListener(type, listener, true);
    },
    watchRoot: (host) => {
      for (const root of newShadowRoots(host, (r) => roots.has(r))) watchRoot(root);
    },
  };
}

function watchNavigateEvents(nav: EventTarget, judge: NavigationJudge, clicked: { url: string | null }): void {
  const passes = (e: NavigateEventLike): boolean => {
    const url = e.destination.url;
    if (e.formData && judge.holdFiles?.(e.formData, e.sourceElement ?? null)) return false;
    const o: Outgoing = e.formData
      ? { route: 'form', method: 'POST', url, body: { kind: 'entries', entries: entriesOf(e.formData, (f) => judge.fileKey?.(f)) }, control: judge.control() }
      : { route: clicked.url === url ? 'link' : 'navigation', method: 'GET', url, body: { kind: 'none' }, control: judge.control() };
    return judge.judge(o).pass;
  };
  nav.addEventListener('navigate', (ev) => {
    const e = ev as NavigateEventLike;
    // A download (<a download>) is a GET like any other: its URL can carry the draft.
    if (!e.cancelable || e.destination.sameDocument) return;
    if (e.navigationType === 'reload' || e.navigationType === 'traverse') return;
    // Fail closed: a navigation this listener could not judge does not leave.
    try {
      if (!passes(e)) e.preventDefault();
    } catch {
      e.preventDefault();
    }
  });
}

/**
 * Link clicks: their ping requests always, and the navigation itself where no navigate event will
 * come. `navigateHere(target)`: a link with that target makes a navigate event in this window.
 */
function watchLinkClicks(win: Window, judge: NavigationJudge, listen: Listen, navigateHere: false | ((target: string | null) => boolean), clicked: { url: string | null }): void {
  const pingsPass = (a: Element): boolean => {
    const ping = a.getAttribute('ping');
    if (!ping) return true;
    // a ping the browser cannot parse it does not send (and must not throw the judgement away)
    return ping.trim().split(/\s+/).every((p) => {
      if (!URL.canParse(p, a.baseURI)) return true;
      const url = new URL(p, a.baseURI).href;
      return judge.judge({ route: 'link', method: 'POST', url, body: { kind: 'none' }, control: judge.control() }).pass;
    });
  };
  const hrefOf = linkHref(win as Window & typeof globalThis);
  /** Whether the click on `a` may go where it leads. */
  const passes = (a: Element): boolean => {
    const raw = hrefOf(a);
    // an address the browser cannot parse goes nowhere
    if (raw === null || !URL.canParse(raw, a.baseURI)) return true;
    const href = new URL(raw, a.baseURI).href;
    // <a ping>: the click also POSTs to each ping URL, whatever the href is; refused, the click goes nowhere.
    if (!pingsPass(a)) return false;
    // a data: document is made in whichever window it targets, a fresh frame's too: its URL holds it
    if (DOCUMENT_URL.test(href)) return judge.judge({ route: 'link', method: 'GET', url: href, body: { kind: 'none' }, control: judge.control() }).pass;
    if (!/^https?:/i.test(href)) return true;
    clicked.url = href;
    // (a link navigating a window still on its initial about:blank: judged by the MAIN-world guard, hooks/link-clicks.ts)
    if (navigateHere && navigateHere(a.getAttribute('target'))) return true;
    return judge.judge({ route: 'link', method: 'GET', url: href, body: { kind: 'none' }, control: judge.control() }).pass;
  };
  const onClick = (e: Event) => {
    // at a shadow root's listener the target is the element in its tree (an SVG <a> has no string href)
    const a = (e.target as Element | null)?.closest?.(LINK_SELECTOR);
    if (!a) return;
    const decide = () => {
      let pass = false;
      try {
        pass = passes(a);
      } catch {
        // fail closed: a click this could not judge goes nowhere
      }
      if (!pass) refuseClick(e, a);
    };
    decide();
    // the page's own click listeners may change where it goes after this one: judged again as they leave it
    lookAgainAfter(e, () => linkPlace(a, hrefOf), decide);
  };
  listen('click', onClick);
  // the middle button opens a link in a new tab on its auxclick (no click event comes)
  listen('auxclick', (e) => {
    if ((e as MouseEvent).button === 1) onClick(e);
  });
}

/** What decides where a link's click goes: compared before and after the page's own click listeners. */
function linkPlace(a: Element, hrefOf: (a: Element) => string | null): string {
  const base = a.ownerDocument.querySelector('base[target]')?.getAttribute('target') ?? null;
  return JSON.stringify([hrefOf(a), a.getAttribute('target'), a.getAttribute('ping'), base, a.baseURI]);
}

/**
 * A click the page dispatched without `cancelable` cannot be prevented, and the browser still follows
 * the link and sends its pings (the fourteenth probe's ping carried the ID): the link's addresses are
 * taken off until the dispatch is over (a microtask runs only after it), then put back.
 */
function refuseClick(e: Event, a: Element): void {
  e.preventDefault();
  if (e.cancelable) return;
  const taken = LINK_ATTRIBUTES.flatMap(([ns, name]) => {
    const node = a.getAttributeNodeNS(ns, name);
    if (node) a.removeAttributeNode(node);
    return node ? [node] : [];
  });
  queueMicrotask(() => taken.forEach((node) => a.setAttributeNodeNS(node)));
}
