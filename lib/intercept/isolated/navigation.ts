/**
 * What leaves by navigating: a form submitted by a click, Enter, an image input or requestSubmit(),
 * location.href = …, a link. Judged on the navigation itself (the Navigation API's navigate event: the
 * final entry list after the page's own submit handlers, cancelable), so a submit button's label or a
 * field shadowing form.action does not matter. Where no navigate event will come — a form aimed at a
 * new window, a link with target=_blank, a browser without the Navigation API — the submission or the
 * click is judged before it goes.
 */
import type { Outgoing, Verdict } from '../../gate/types';
import { targetsThisPage } from '../form-target';
import { onInitialBlank } from '../initial-blank';
import { ownWindowTarget } from '../own-window';
import { LINK_ATTRIBUTES, LINK_SELECTOR, linkHref } from '../link-href';
import { newShadowRoots } from './shadow-roots';
import { afterListenersOf, lookAgainAfter } from './look-again';
import { pairsOf } from '../../gate/pairs';
import { holdSubmission, replaySubmission } from './submission-replay';
import { DOCUMENT_URL, formAddress, submitCall, entriesRefused } from './other-window-submission';
import { entriesOf } from './form-entries';
import { formOut } from './form-out';


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

function emptyEntries(fd: FormData): void {
  for (const name of new Set(pairsOf(fd).map(([n]) => n))) fd.delete(name);
}

/** Adds a capturing listener to the window, kept to be added again (see watchNavigations). */
type Listen = (type: string, listener: (e: Event) => void) => void;

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
  // a window still on its initial about:blank gets no navigate event (checked at each submission)
  watchSubmissions(win, judge, listen, ownWindow, () => !!nav && !onInitialBlank(win));
  watchLinkClicks(win, judge, listen, !!nav && ownWindow, clicked);
  const roots = new WeakSet<ShadowRoot>();
  return {
    relisten: () => {
      for (const [type, listener] of kept) win.addEventListener(type, listener, true);
    },
    watchRoot: (host) => {
      for (const root of newShadowRoots(host, (r) => roots.has(r))) {
        roots.add(root);
        for (const [type, listener] of kept) root.addEventListener(type, listener, true);
      }
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

/** Submissions the navigate event will not see: aimed at another window, or no Navigation API. */
function watchSubmissions(win: Window, judge: NavigationJudge, listen: Listen, ownWindow: (target: string | null) => boolean, navigateComes: () => boolean): void {
  const submitting = new WeakMap<HTMLFormElement, Submitting>();
  // every submit event seen, until its task is over (see sentList)
  const submitted = new WeakMap<HTMLFormElement, SubmitEvent>();
  /** Where the submission goes as its attributes stand: marked for its formdata event, or refused (false). */
  const decide = (e: SubmitEvent, form: HTMLFormElement): boolean => {
    const submitter = e.submitter;
    const own = ownWindow(submitter?.getAttribute('formtarget') ?? form.getAttribute('target'));
    if (own && navigateComes()) return true;
    const call = submitCall(win, judge, form, submitter, !own);
    if (call === 'refuse') return false;
    submitting.set(form, { submitter, whole: call === 'by-entries', event: e });
    return true;
  };
  listen('submit', (ev) => {
    const e = ev as SubmitEvent;
    const form = e.target as HTMLFormElement;
    const submitter = e.submitter;
    submitted.set(form, e);
    win.setTimeout(() => submitted.delete(form), 0);
    const look = () => {
      if (!decide(e, form)) return e.preventDefault();
      // A new window is made, and its navigation started, while the list is built (Chromium): taking
      // the form out then does not stop it, so one whose address alone is refused is judged here,
      // after the form's own submit listeners, on its controls (form-entries.ts). Into a frame of the
      // page its list is judged whole where it is built (judgeEntryList), with what form-associated
      // custom elements and the page's formdata listeners add (the controls alone named no signed id:
      // refused).
      if (submitting.get(form)?.whole !== true || targetsThisPage(win.document, targetOf(form, submitter))) return;
      afterListenersOf(e, form, () => {
        if (e.defaultPrevented || !entriesRefused(win, judge, form, submitter)) return;
        e.preventDefault();
        submitting.delete(form);
      });
    };
    look();
    // the page's own submit listeners may aim it elsewhere after this one: judged again as they leave it
    lookAgainAfter(e, () => formPlace(form, submitter), look);
  });
  listen('formdata', (e) => {
    const form = e.target as HTMLFormElement;
    const sent = sentList(submitted.get(form));
    // The list the submission sends: where it goes is decided again as the browser took it, once the
    // submit event was over — a submit listener that stopped the event at once
    // (stopImmediatePropagation), after which no look of ours ran, may have aimed it elsewhere.
    if (sent && !decide(sent, form)) return void formOut(win, form, () => undefined).take();
    const marked = submitting.get(form);
    if (!marked) return;
    // Every entry list built while this submission runs is judged (the page's own new FormData(form)
    // in a submit handler too); the mark lasts until the submission's task is over.
    win.setTimeout(() => submitting.delete(form), 0);
    const { submitter, whole } = marked;
    const fd = (e as FormDataEvent).formData;
    const replay = () => replaySubmission(win, form, submitter, () => submitting.set(form, { submitter, whole, event: null }));
    const holdEntryList = judge.holdEntryList?.bind(judge);
    if (holdEntryList && holdSubmission(win, form, (again) => holdEntryList(fd, form, again), replay)) return;
    // A replay (no submit event) sends its list too.
    judgeEntryList(win, judge, form, submitter, fd, whole && (sent !== null || marked.event === null));
  });
}

/**
 * The submit event whose submission is building this entry list, or null: the browser builds the
 * list it sends (and takes the form's action, method and target) once that event has been
 * dispatched and not cancelled; a list built while it runs is the page's (new FormData(form) in a
 * submit listener), which sends nothing by itself, and so is one built after a submit event page
 * code dispatched (untrusted: it submits nothing).
 */
function sentList(e: SubmitEvent | undefined): SubmitEvent | null {
  return e && e.isTrusted && e.eventPhase === Event.NONE && !e.defaultPrevented ? e : null;
}

/**
 * A submission the gate follows to its entry list: its submitter, whether its address alone is refused
 * for the items it acts on (so it is judged whole on the list it sends: other-window-submission.ts),
 * and its submit event (null for a replay, which has none).
 */
interface Submitting {
  submitter: HTMLElement | null;
  whole: boolean;
  event: SubmitEvent | null;
}

/** The window a submission is aimed at, as the browser reads it: the submitter's, the form's, or the page's `<base target>`. */
function targetOf(form: HTMLFormElement, submitter: HTMLElement | null): string | null {
  return submitter?.getAttribute('formtarget') ?? form.getAttribute('target') ?? form.ownerDocument.querySelector('base[target]')?.getAttribute('target') ?? null;
}

/** What decides where a submission goes: compared before and after the page's own submit listeners. */
function formPlace(form: HTMLFormElement, submitter: HTMLElement | null): string {
  const attrs = ['action', 'target', 'method', 'enctype'].map((a) => form.getAttribute(a));
  const own = ['formaction', 'formtarget', 'formmethod', 'formenctype'].map((a) => submitter?.getAttribute(a) ?? null);
  const base = form.ownerDocument.querySelector('base[target]')?.getAttribute('target') ?? null;
  return JSON.stringify([...attrs, ...own, base, form.baseURI]);
}

/**
 * The submission can no longer be cancelled here; what it carries can: it leaves empty. The page's
 * own formdata listeners (on the form, on its ancestors) run after this one and may still change the
 * entries, so the verdict that counts is taken after them: at the end of the form's listeners, and
 * again on the way back up if the entries changed. A listener that stops the event or is added during
 * it, or a change made through a frame's FormData, is looked at as the change is made (what it refuses
 * is refused now; what passes is judged for good once the task is over, when the list has left).
 * `whole`: the address itself is refused for the items it acts on (an emptied list would leave with
 * it), so the list decides whether the submission leaves at all — while it is refused the form is out
 * of its document and the submission does not navigate (form-out.ts). Judged here, on the list the
 * browser sends, the page's own submit listeners cannot stop the event before the gate sees it (a
 * capturing `stopPropagation` or a form listener's `stopImmediatePropagation` let DWZ's 审核 address
 * with an unsigned id leave when it was judged at the end of the form's submit listeners).
 */
function judgeEntryList(win: Window, judge: NavigationJudge, form: HTMLFormElement, submitter: HTMLElement | null, fd: FormData, whole: boolean): void {
  const { method, url } = formAddress(win, form, submitter);
  const target = submitter?.getAttribute('formtarget') ?? form.getAttribute('target');
  const outgoing = (): Outgoing => ({ route: 'form', method, url, body: { kind: 'entries', entries: entriesOf(fd, (f) => judge.fileKey?.(f)) }, control: judge.control(), navigatesHere: targetsThisPage(win.document, target) });
  const keyOf = (o: Outgoing) => JSON.stringify(o.body);
  let judged: string | null = null;
  // what passed a look and has not been judged since: it leaves as it is unless a verdict comes
  let unjudged: Outgoing | null = null;
  // a whole submission a look refused: reported if it is still held when the dispatch is over
  let held: Outgoing | null = null;
  const out = whole
    ? formOut(win, form, () => {
        if (held) judge.judge(held);
      })
    : null;
  const refuse = (o: Outgoing | null) => {
    if (!out) return emptyEntries(fd);
    held = o;
    out.take();
  };
  // A look spends no release; what it refuses is refused (and reported) at once, or, for a whole
  // submission, held until a later look lets it pass.
  const look = () => {
    unjudged = null;
    let o: Outgoing | null = null;
    try {
      o = outgoing();
      if (keyOf(o) === judged) return;
      if (judge.peek(o).pass) {
        unjudged = o;
        out?.back();
        return;
      }
      if (!out) judge.judge(o);
    } catch {
      // fail closed: a list this could not judge leaves empty (a whole submission not at all)
    }
    refuse(o);
  };
  const last = (ev: Event) => {
    if ((ev as FormDataEvent).formData !== fd) return;
    const o = outgoing();
    if (keyOf(o) === judged) return;
    held = null;
    if (!judge.judge(o).pass) refuse(null);
    else out?.back();
    judged = keyOf(outgoing());
    unjudged = null;
  };
  look();
  const unwatch = judge.watchEntryList?.(look);
  form.addEventListener('formdata', last);
  win.addEventListener('formdata', last);
  // Gone with this dispatch (the page may stop it before either runs). A list that left having passed
  // only a look is judged now, so that a signed release is spent on it and the publish is logged.
  win.setTimeout(() => {
    unwatch?.();
    form.removeEventListener('formdata', last);
    win.removeEventListener('formdata', last);
    if (unjudged) judge.judge(unjudged);
  }, 0);
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
  listen('click', (e) => {
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
