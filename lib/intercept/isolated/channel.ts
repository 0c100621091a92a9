/**
 * Isolated-world end of the private channel (see ../channel-protocol.ts): takes the element the
 * MAIN-world guard created, answers its synchronous questions on it and its asynchronous ones over the
 * port. Only the first element is taken: a page that dispatches its own READY later talks to nobody.
 */
import { ANSWER_ATTR, ASK, CHANNEL_TAG, ENTRIES_CHANGED, HELLO, PORT, READY, REOPENED, SHADOW_ROOT, type GuardAnswer, type GuardMessage, type IsolatedMessage } from '../channel-protocol';
import type { Outgoing } from '../../gate/types';

export interface GuardHandler {
  judgeSync(o: Outgoing): GuardAnswer;
  judge(o: Outgoing, blobs: Blob[]): Promise<GuardAnswer>;
  /** Reads and scans files the guard will send (form.submit()): their content keys, in order. */
  learn(blobs: Blob[]): Promise<(string | null)[]>;
  outcome(route: string, endpoint: string, status?: number, response?: string): void;
  /** The page's document.open() erased this window's listeners: add them again. */
  reopened?(): void;
  /** Page code changed an entry list the browser built for a submission: judge the watched ones again. */
  entriesChanged?(): void;
  /** Page code attached a shadow root to `host` (or to a host inside the shadow tree `host` holds). */
  shadowRoot?(host: Element): void;
}

export interface GuardLink {
  /** Tells the guard whether the policy covers this page (a port-less host pattern matched another port). */
  setCovered(covered: boolean): void;
  /** The guard of this frame answered the handshake. */
  readonly connected: boolean;
}

const REFUSED: GuardAnswer = { pass: false, message: '发布前预检：检查出错，已阻止' };

export function acceptGuardChannel(doc: Document, handler: GuardHandler): GuardLink {
  let port: MessagePort | null = null;
  let covered = true;
  let taken = false;

  const send = (m: IsolatedMessage) => port?.postMessage(m);
  const take = (el: Element) => {
    if (taken) return;
    taken = true;
    el.addEventListener(ASK, (e) => {
      let answer: GuardAnswer;
      try {
        answer = handler.judgeSync(JSON.parse((e as CustomEvent<string>).detail) as Outgoing);
      } catch {
        answer = REFUSED;
      }
      el.setAttribute(ANSWER_ATTR, JSON.stringify(answer));
    });
    el.addEventListener(REOPENED, () => handler.reopened?.());
    el.addEventListener(ENTRIES_CHANGED, () => handler.entriesChanged?.());
    el.addEventListener(SHADOW_ROOT, (e) => {
      const host = (e as MouseEvent).relatedTarget;
      if (host instanceof Element) handler.shadowRoot?.(host);
    });
    el.addEventListener(PORT, (e) => {
      port = (e as MessageEvent).ports[0] ?? null;
      if (!port) return;
      port.onmessage = (m: MessageEvent<GuardMessage>) => {
        const msg = m.data;
        if (msg.type === 'outcome') handler.outcome(msg.route, msg.endpoint, msg.status, typeof msg.response === 'string' ? msg.response : undefined);
        else if (msg.type === 'learn') {
          handler.learn(msg.blobs).then(
            (keys) => send({ type: 'learned', id: msg.id, keys }),
            () => send({ type: 'learned', id: msg.id, keys: msg.blobs.map(() => null) }),
          );
        } else if (msg.type === 'ask') {
          handler.judge(msg.outgoing, msg.blobs).then(
            (answer) => send({ type: 'answer', id: msg.id, answer }),
            () => send({ type: 'answer', id: msg.id, answer: REFUSED }),
          );
        }
      };
      if (!covered) send({ type: 'covered', covered });
    });
    el.dispatchEvent(new CustomEvent(HELLO));
  };

  const existing = doc.querySelector(CHANNEL_TAG);
  if (existing) take(existing);
  else doc.addEventListener(READY, (e) => e.target instanceof Element && take(e.target), { capture: true, once: true });

  return {
    setCovered(next) {
      covered = next;
      send({ type: 'covered', covered });
    },
    get connected() {
      return port !== null;
    },
  };
}
