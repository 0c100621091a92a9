/* eslint-disable @typescript-eslint/unbound-method -- page originals are captured unbound and called on their own target. */
/**
 * MAIN-world end of the private channel (see ../channel-protocol.ts). Everything the page could
 * tamper with later (dispatchEvent, setAttribute, MessagePort.postMessage, JSON) is captured here at
 * document_start, before any page script runs.
 */
import { ANSWER_ATTR, ASK, CHANNEL_TAG, HELLO, PORT, READY, type GuardAnswer, type GuardMessage, type IsolatedMessage } from '../channel-protocol';
import type { Outgoing } from '../../gate/types';
import { parentRelay } from './relay';

export interface GuardChannel {
  /** A verdict now (form.submit, a sync XHR, src setters): refused when nobody answers. */
  askSync(o: Outgoing): GuardAnswer;
  ask(o: Outgoing, blobs: Blob[]): Promise<GuardAnswer>;
  /** Has the isolated world read and scan files (form.submit()): their content keys, in order (null: unknown). */
  learn(blobs: Blob[]): Promise<(string | null)[]>;
  outcome(route: string, endpoint: string, status?: number, response?: string): void;
  /** False once the isolated world says this page is outside the policy. */
  covered(): boolean;
}

const NO_PARTNER: GuardAnswer = { pass: false, message: '发布前预检未能检查此请求，已阻止' };

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
    win.setTimeout(() => el.isConnected && el.remove(), 0);
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

export function openGuardChannel(win: PageWindow): GuardChannel {
  const doc = win.document;
  const stringify = win.JSON.stringify.bind(win.JSON);
  const parse = win.JSON.parse.bind(win.JSON);
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const getAttr = win.Element.prototype.getAttribute;
  const removeAttr = win.Element.prototype.removeAttribute;
  const CustomEv = win.CustomEvent;
  const MessageEv = win.MessageEvent;
  const el = doc.createElement(CHANNEL_TAG);
  const channel = new win.MessageChannel();
  const port = channel.port1;
  const post = port.postMessage.bind(port);
  let partner = false;
  let covered = true;
  let nextId = 1;
  const pending = new Map<number, (a: GuardAnswer) => void>();
  const learning = new Map<number, (keys: (string | null)[]) => void>();

  el.addEventListener(HELLO, () => {
    partner = true;
    el.remove();
    dispatch.call(el, new MessageEv(PORT, { ports: [channel.port2] }));
  });
  announceWhenRooted(win, el, () => dispatch.call(el, new CustomEv(READY, { bubbles: true })));

  port.onmessage = (e: MessageEvent<IsolatedMessage>) => {
    const m = e.data;
    if (m.type === 'covered') covered = m.covered;
    else if (m.type === 'answer') {
      pending.get(m.id)?.(m.answer);
      pending.delete(m.id);
    } else if (m.type === 'learned') {
      learning.get(m.id)?.(m.keys);
      learning.delete(m.id);
    }
  };

  function askSync(o: Outgoing): GuardAnswer {
    if (!covered) return { pass: true };
    const json = stringify(o);
    if (!partner) {
      const relay = parentRelay(win);
      return relay ? (parse(relay(json)) as GuardAnswer) : NO_PARTNER;
    }
    removeAttr.call(el, ANSWER_ATTR);
    dispatch.call(el, new CustomEv(ASK, { detail: json }));
    const answer = getAttr.call(el, ANSWER_ATTR);
    removeAttr.call(el, ANSWER_ATTR);
    return answer ? (parse(answer) as GuardAnswer) : NO_PARTNER;
  }

  return {
    askSync,
    ask(o, blobs) {
      if (!covered) return Promise.resolve({ pass: true });
      if (!partner) return Promise.resolve(askSync(o));
      const id = nextId++;
      return new Promise<GuardAnswer>((resolve) => {
        pending.set(id, resolve);
        post({ type: 'ask', id, outgoing: o, blobs } satisfies GuardMessage);
      });
    },
    learn(blobs) {
      // Without a partner nothing can read them: they stay unknown and a verdict on them refuses.
      if (!covered || !partner) return Promise.resolve(blobs.map(() => null));
      const id = nextId++;
      return new Promise((resolve) => {
        learning.set(id, resolve);
        post({ type: 'learn', id, blobs } satisfies GuardMessage);
      });
    },
    outcome(route, endpoint, status, response) {
      if (partner) post({ type: 'outcome', route, endpoint, status, response } satisfies GuardMessage);
    },
    covered: () => covered,
  };
}
