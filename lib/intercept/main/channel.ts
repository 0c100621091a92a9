/* eslint-disable @typescript-eslint/unbound-method -- page originals are captured unbound and called on their own target. */
/**
 * MAIN-world end of the private channel (see ../channel-protocol.ts). Everything the page could
 * tamper with later (dispatchEvent, setAttribute, MessagePort.postMessage, JSON) is captured here at
 * document_start, before any page script runs.
 */
import { ANSWER_ATTR, ASK, CHANNEL_TAG, ENTRIES_CHANGED, HELLO, PORT, READY, REOPENED, SHADOW_ROOT, type GuardAnswer, type GuardMessage, type IsolatedMessage } from '../channel-protocol';
import type { Outgoing } from '../../gate/types';
import { parentRelay } from './relay';
import { add, apply, bare, fromJson, type KeptMap, keptMap, own, sealedPromise, toJson } from '../../realm/intrinsics';
import { eventData } from './natives';

export interface GuardChannel {
  /** A verdict now (form.submit, a sync XHR, src setters): refused when nobody answers. */
  askSync(o: Outgoing): GuardAnswer;
  ask(o: Outgoing, blobs: Blob[]): Promise<GuardAnswer>;
  /** Has the isolated world read and scan files (form.submit()): their content keys, in order (null: unknown). */
  learn(blobs: Blob[]): Promise<(string | null)[]>;
  outcome(route: string, endpoint: string, status?: number, response?: string): void;
  /** False once the isolated world says this page is outside the policy. */
  covered(): boolean;
  /** The page reopened this window's document: the isolated world adds its window listeners again. */
  reopened(): void;
  /** Page code changed a submission's entry list (hooks/entry-list-changes.ts): judged again before this returns. */
  entriesChanged(): void;
  /** Page code attached a shadow root to `host` (hooks/shadow-roots.ts): the isolated world listens in it. */
  shadowRoot(host: Element): void;
}

const NO_PARTNER: GuardAnswer = bare({ pass: false, message: '发布前预检未能检查此请求，已阻止' });

type PageWindow = Window & typeof globalThis;

/**
 * Puts the channel's element in the document and says so (`ready`): the isolated script answers by
 * taking the port. Never the document's own child: a document_start script can run before the parser
 * made <html>, and an element there would become the root the parser then cannot replace — the page
 * came out empty (seen in TRS WCM's nested frames). Until the root exists the guard asks through the
 * parent's relay.
 */
function announceWhenRooted(win: PageWindow, el: Element, ready: () => void): void {
  const doc = win.document;
  const announce = (root: Element) => {
    root.appendChild(el);
    ready();
    // If the isolated script has not arrived by the first task, it is not coming: nobody may find the
    // element later and pretend to be it.
    // (remove kept at document_start: a page's remove that does nothing would leave it to be found)
    win.setTimeout(() => removeNode(el), 0);
  };
  if (doc.documentElement) {
    announce(doc.documentElement);
    return;
  }
  const watch = new win.MutationObserver(() => {
    if (!doc.documentElement) return;
    watch.disconnect();
    announce(doc.documentElement);
  });
  watch.observe(doc, { childList: true });
}

/** What the page could replace later (dispatchEvent, attributes, JSON, the event constructors), kept at document_start. */
interface Kept {
  stringify(v: unknown): string;
  parse(text: string): unknown;
  dispatch(target: EventTarget, e: Event): void;
  getAttr(el: Element, name: string): string | null;
  removeAttr(el: Element, name: string): void;
  CustomEv: typeof CustomEvent;
  MessageEv: typeof MessageEvent;
  MouseEv: typeof MouseEvent;
}

function keep(win: PageWindow): Kept {
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const getAttr = win.Element.prototype.getAttribute;
  const removeAttr = win.Element.prototype.removeAttribute;
  return {
    stringify: toJson,
    parse: fromJson,
    dispatch: (target, e) => void apply(dispatch, target, [e]),
    getAttr: (el, name) => apply(getAttr, el, [name]),
    removeAttr: (el, name) => apply(removeAttr, el, [name]),
    CustomEv: win.CustomEvent,
    MessageEv: win.MessageEvent,
    MouseEv: win.MouseEvent,
  };
}

const elementRemove = Element.prototype.remove;
const removeNode = (el: Element) => void apply(elementRemove, el, []);

/** Where the conversation with the isolated world stands. */
interface State {
  /** the isolated script took the port */
  partner: boolean;
  covered: boolean;
  nextId: number;
  pending: KeptMap<number, (a: GuardAnswer) => void>;
  learning: KeptMap<number, (keys: (string | null)[]) => void>;
}

/**
 * An answer as the guard reads it: only what the isolated world sent, in an object without a
 * prototype — an inherited `released`, or a `then` that makes it a thenable the page resolves, is
 * not there to be found.
 */
export function answerOf(raw: unknown): GuardAnswer {
  const message = own(raw, 'message');
  return bare({ pass: own(raw, 'pass') === true, ...(typeof message === 'string' && { message }), ...(own(raw, 'released') === true && { released: true }) });
}

/** As many unknown keys as files, in a list without a prototype (a resolved value must not be a thenable). */
function unknownKeys(n: number): (string | null)[] {
  const keys: (string | null)[] = [];
  for (let i = 0; i < n; i++) add(keys, null);
  return bare(keys);
}

/** Answers, learned file keys and the policy's word on this page, as the isolated world sends them. */
function listen(port: MessagePort, state: State): void {
  port.onmessage = (e: MessageEvent<IsolatedMessage>) => {
    // the event's data read through MessageEvent's getter as it was: a page could make it say pass
    const m = eventData(e);
    const type = own(m, 'type');
    const id = own(m, 'id') as number;
    if (type === 'covered') state.covered = own(m, 'covered') === true;
    else if (type === 'answer') {
      state.pending.get(id)?.(answerOf(own(m, 'answer')));
      state.pending.delete(id);
    } else if (type === 'learned') {
      const keys = own(m, 'keys');
      state.learning.get(id)?.(bare(keys as (string | null)[]));
      state.learning.delete(id);
    }
  };
}

/**
 * A verdict now: the question is an event on the channel's element, which the isolated world's
 * listener answers in an attribute before dispatchEvent returns. Before the isolated script took the
 * port, through the parent's relay, and refused when there is none.
 */
function syncAsker(win: PageWindow, el: Element, kept: Kept, state: State): (o: Outgoing) => GuardAnswer {
  return (o) => {
    if (!state.covered) return bare({ pass: true });
    const json = kept.stringify(o);
    if (!state.partner) {
      const relay = parentRelay(win);
      return relay ? answerOf(kept.parse(relay(json))) : NO_PARTNER;
    }
    kept.removeAttr(el, ANSWER_ATTR);
    kept.dispatch(el, new kept.CustomEv(ASK, { detail: json }));
    const answer = kept.getAttr(el, ANSWER_ATTR);
    kept.removeAttr(el, ANSWER_ATTR);
    return answer ? answerOf(kept.parse(answer)) : NO_PARTNER;
  };
}

export function openGuardChannel(win: PageWindow): GuardChannel {
  const kept = keep(win);
  const el = win.document.createElement(CHANNEL_TAG);
  const channel = new win.MessageChannel();
  const port = channel.port1;
  const post = port.postMessage.bind(port);
  const state: State = { partner: false, covered: true, nextId: 1, pending: keptMap(), learning: keptMap() };

  el.addEventListener(HELLO, () => {
    state.partner = true;
    removeNode(el);
    kept.dispatch(el, new kept.MessageEv(PORT, { ports: [channel.port2] }));
  });
  announceWhenRooted(win, el, () => kept.dispatch(el, new kept.CustomEv(READY, { bubbles: true })));
  listen(port, state);
  const askSync = syncAsker(win, el, kept, state);

  return {
    askSync,
    ask(o, blobs) {
      if (!state.covered || !state.partner) return sealedPromise<GuardAnswer>((resolve) => resolve(askSync(o)));
      const id = state.nextId++;
      return sealedPromise<GuardAnswer>((resolve) => {
        state.pending.set(id, resolve);
        post({ type: 'ask', id, outgoing: o, blobs } satisfies GuardMessage);
      });
    },
    learn(blobs) {
      // Without a partner nothing can read them: they stay unknown and a verdict on them refuses.
      if (!state.covered || !state.partner) return sealedPromise<(string | null)[]>((resolve) => resolve(unknownKeys(blobs.length)));
      const id = state.nextId++;
      return sealedPromise<(string | null)[]>((resolve) => {
        state.learning.set(id, resolve);
        post({ type: 'learn', id, blobs } satisfies GuardMessage);
      });
    },
    outcome(route, endpoint, status, response) {
      if (state.partner) post({ type: 'outcome', route, endpoint, status, response } satisfies GuardMessage);
    },
    covered: () => state.covered,
    reopened() {
      if (state.partner) kept.dispatch(el, new kept.CustomEv(REOPENED));
    },
    entriesChanged() {
      if (state.partner) kept.dispatch(el, new kept.CustomEv(ENTRIES_CHANGED));
    },
    shadowRoot(host) {
      if (state.partner) kept.dispatch(el, new kept.MouseEv(SHADOW_ROOT, { relatedTarget: host }));
    },
  };
}
