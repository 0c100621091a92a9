/**
 * Form submissions the navigate event will not judge — aimed at another window, or in a browser
 * without the Navigation API —: decided while they can be cancelled (their submit event), and judged
 * again on the entry list the browser builds and sends (their formdata event).
 */
import type { Outgoing } from '../../gate/types';
import { pairsOf } from '../../gate/pairs';
import { targetsThisPage } from '../form-target';
import { entriesOf } from './form-entries';
import { formOut } from './form-out';
import { lookAgainAfter } from './look-again';
import type { Listen, NavigationJudge } from './navigation';
import { formAddress, submitCall } from './other-window-submission';
import { holdSubmission, replaySubmission } from './submission-replay';

function emptyEntries(fd: FormData): void {
  for (const name of new Set(pairsOf(fd).map(([n]) => n))) fd.delete(name);
}

/** Submissions the navigate event will not see: aimed at another window, or no Navigation API. */
export function watchSubmissions(win: Window, judge: NavigationJudge, listen: Listen, ownWindow: (target: string | null) => boolean, navigateComes: () => boolean): void {
  const submitting = new WeakMap<HTMLFormElement, Submitting>();
  // every submit event seen, until its task is over (see sentList)
  const submitted = new WeakMap<HTMLFormElement, SubmitEvent>();
  /** Where the submission goes as its attributes stand: marked for its formdata event, or refused (false). */
  const decide = (e: SubmitEvent, form: HTMLFormElement): boolean => {
    const submitter = e.submitter;
    const own = ownWindow(targetOf(form, submitter));
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
      if (!decide(e, form)) e.preventDefault();
    };
    look();
    // the page's own submit listeners may aim it elsewhere after this one: judged again as they leave it
    lookAgainAfter(e, () => formPlace(form, submitter), look);
  });
  /** The entry list of a submission marked for it (decide), judged; files not read yet hold it. */
  const judgeMarked = (e: Event, form: HTMLFormElement, sent: SubmitEvent | null) => {
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
  };
  listen('formdata', (e) => {
    const form = e.target as HTMLFormElement;
    const sent = sentList(submitted.get(form));
    // The list the submission sends: where it goes is decided again as the browser took it, once the
    // submit event was over — a submit listener that stopped the event at once
    // (stopImmediatePropagation), after which no look of ours ran, may have aimed it elsewhere.
    // too late to cancel: a refused submission is held by taking its form out (form-out.ts)
    const refuse = () => formOut(win, form, () => undefined).take();
    if (sent && !decide(sent, form)) return refuse();
    if (sent && !submitting.has(form)) {
      // Left to this window's navigate event; but the browser reads the target after the page's own
      // formdata listeners, which may aim it at a fresh frame, where no navigate event comes (a
      // `<base target>` added there took the draft out in both browsers): decided again as they leave it.
      lookAgainAfter(e, () => formPlace(form, sent.submitter), () => {
        if (!decide(sent, form)) refuse();
        else judgeMarked(e, form, sent);
      });
      return;
    }
    judgeMarked(e, form, sent);
  });
}

/**
 * The submit event whose submission is building this entry list, or null: the browser builds the
 * list it sends (and takes the form's action, method and target) once that event has been
 * dispatched and not cancelled; a list built while it runs is the page's (new FormData(form) in a
 * submit listener), which sends nothing by itself, and so is one built after a submit event page
 * code dispatched (untrusted: it submits nothing). The dispatch is over when the event has no current
 * target: Firefox builds the list in the event's post-handling, where its phase still reads
 * AT_TARGET (only Chromium has set it to NONE by then), and a listener's list has the node it runs on.
 */
function sentList(e: SubmitEvent | undefined): SubmitEvent | null {
  return e && e.isTrusted && e.currentTarget === null && !e.defaultPrevented ? e : null;
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

/** The submitter's or the form's target, null when neither has one (the page's `<base target>` then names it). */
function targetOf(form: HTMLFormElement, submitter: HTMLElement | null): string | null {
  return submitter?.getAttribute('formtarget') ?? form.getAttribute('target');
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
  const navigatesHere = targetsThisPage(win.document, targetOf(form, submitter));
  const outgoing = (): Outgoing => ({ route: 'form', method, url, body: { kind: 'entries', entries: entriesOf(fd, (f) => judge.fileKey?.(f)) }, control: judge.control(), navigatesHere });
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

