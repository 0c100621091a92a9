/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * A service worker is out of the guard's reach: its fetches are not hooked (no prelude can be put in
 * front of it). What it could send, the page must give it first — so the draft or a block finding is
 * refused on the way IN: postMessage to a service worker, to a MessagePort whose other end was handed
 * to one, and to a BroadcastChannel (which service workers hear); a port the guard cannot follow
 * (one whose other end it did not make) is not moved to one while a draft is open. The message's text
 * (lib/gate/message-text.ts) is judged like a form's fields; a refusal throws, as a message that
 * cannot be sent does. Storage (IndexedDB, Cache) a service worker reads later is not covered.
 */
import { messageEntries } from '../../../gate/message-text';
import type { Outgoing } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { refusal } from './sockets';
import { dictionaryOnce, isObject, listOnce } from './copies';
import { apply, bare, encodeUri, keptWeakMap, listOf, own, toText, ownIterator } from '../../../realm/intrinsics';
import { getter } from '../natives';
import { standIn } from './wrap';

type PageWindow = Window & typeof globalThis;
type PostArgs = [message: unknown, transferOrOptions?: unknown];

/**
 * The transfer list of a postMessage (`postMessage(message, transfer)` or `(message, { transfer })`)
 * read once (./copies.ts): the ports it moves are the ones seen here.
 */
function transferOf(args: unknown[]): unknown[] {
  if (args.length < 2 || !isObject(args[1])) return [];
  const list = listOnce(args[1]);
  if (list) return list;
  return listOnce(dictionaryOnce(args[1], ['transfer']).transfer) ?? [];
}

type Clone = (value: unknown, options?: { transfer: unknown[] }) => unknown;

/**
 * The message and what it moves, read once by the browser's own structured clone — the very reading
 * postMessage does — so that the judge and the browser see one message: a getter in the page's
 * message (or a toJSON, a Map's entries) cannot answer the judge one way and the browser's clone
 * another. What is posted is this copy, its transfer list the clone's own objects.
 */
function cloneOnce(clone: Clone, message: unknown, transfer: unknown[]): { message: unknown; transfer: unknown[] } {
  const copy = clone(bare({ message, transfer: ownIterator(listOf(transfer)) }), bare({ transfer: ownIterator(listOf(transfer)) }));
  return { message: own(copy, 'message'), transfer: listOnce(own(copy, 'transfer')) ?? [] };
}

export function hookMessages(win: PageWindow, channel: GuardChannel): void {
  const judge = (url: string, message: unknown) => {
    const m = messageEntries(message);
    // its own members: a page's Object.prototype.entries would make an opaque message (a Blob) one of no entries
    const entries = own(m, 'entries') as [string, string][] | undefined;
    const o: Outgoing = { route: 'message', method: 'POST', url, body: entries ? { kind: 'entries', entries } : { kind: 'opaque', what: own(m, 'opaque') as string } };
    const a = channel.askSync(o);
    if (!a.pass) throw refusal(win, a.message);
  };

  const nativeClone = win.structuredClone as Clone | undefined;
  /** What to hand the browser's postMessage: the message cloned once, judged as sent to `url` (a refusal throws). */
  const judgedOnce = (url: string, message: unknown, transfer: unknown[]): unknown[] => {
    if (!nativeClone) {
      judge(url, message);
      return [message, ownIterator(listOf(transfer))];
    }
    const copy = cloneOnce((v, o) => apply(nativeClone, win, [v, o]), message, transfer);
    judge(url, copy.message);
    return [copy.message, ownIterator(copy.transfer)];
  };

  const ports = trackPorts(win, channel);

  const sw = win.ServiceWorker?.prototype;
  if (sw) {
    const post = sw.postMessage as (this: ServiceWorker, ...a: PostArgs) => void;
    const scriptUrl = getter(sw, 'scriptURL');
    sw.postMessage = function (this: ServiceWorker, ...args: PostArgs) {
      const worker = toText(scriptUrl(this));
      const transfer = transferOf(args);
      ports.judgeUntracked(worker, transfer);
      const sent = judgedOnce(worker, args[0], transfer);
      ports.leadTo(worker, transfer);
      apply(post, this, sent);
    } as ServiceWorker['postMessage'];
  }
  const port = win.MessagePort.prototype;
  const portPost = port.postMessage as (this: MessagePort, ...a: PostArgs) => void;
  port.postMessage = function (this: MessagePort, ...args: PostArgs) {
    const worker = ports.workerOf(this);
    if (worker === undefined) return apply(portPost, this, args);
    const transfer = transferOf(args);
    ports.judgeUntracked(worker, transfer);
    const sent = judgedOnce(worker, args[0], transfer);
    // a port sent on to the worker: the page's other end of it leads there too
    ports.leadTo(worker, transfer);
    apply(portPost, this, sent);
  } as MessagePort['postMessage'];

  const bc = win.BroadcastChannel?.prototype;
  if (bc) {
    const post = bc.postMessage;
    const nameOf = getter(bc, 'name');
    bc.postMessage = function (this: BroadcastChannel, message: unknown) {
      const sent = judgedOnce(`${win.location.origin}/#BroadcastChannel:${encodeUri(toText(nameOf(this)))}`, message, []);
      apply(post, this, [sent[0]]);
    };
  }
}

interface PortTracking {
  /** Ports moved to where `worker` hears them: the page's other ends lead there too. */
  leadTo(worker: string, transfer: readonly unknown[]): void;
  /** Throws the refusal when a port moved to `worker` cannot be followed. */
  judgeUntracked(worker: string, transfer: readonly unknown[]): void;
  /** The service worker a port of the page's leads to, if any. */
  workerOf(port: MessagePort): string | undefined;
}

/** The page's MessageChannel stood in for, so that each port's other end is known. */
function trackPorts(win: PageWindow, channel: GuardChannel): PortTracking {
  // The other end of each port the page made: once one end goes to a service worker, the page's end leads there.
  const partner = keptWeakMap<MessagePort, MessagePort>();
  const toWorker = keptWeakMap<MessagePort, string>();
  const portHandler = getter(win.MessagePort.prototype, 'onmessage');
  /** A MessagePort of any window (the getter's brand check; reading a handler starts nothing). */
  const isPort = (v: unknown): boolean => {
    if (!isObject(v)) return false;
    try {
      portHandler(v);
      return true;
    } catch {
      return false;
    }
  };
  /**
   * A port moved to a service worker whose other end this guard did not make (a frame's
   * MessageChannel, a port the page was sent): what that end posts to the worker cannot be followed,
   * so the move is judged as a message that cannot be read (refused as one is), as the worker could
   * fetch whatever comes down it.
   */
  const judgeUntracked = (worker: string, transfer: readonly unknown[]) => {
    for (let i = 0; i < transfer.length; i++) {
      const t = transfer[i];
      if (!isPort(t) || partner.get(t as MessagePort)) continue;
      const a = channel.askSync({ route: 'message', method: 'POST', url: worker, body: { kind: 'opaque', what: '另一端不明的消息端口' } });
      if (!a.pass) throw refusal(win, a.message);
    }
  };
  /** Ports moved to where `worker` hears them: the page's other ends lead there too. */
  const leadTo = (worker: string, transfer: readonly unknown[]) => {
    for (let i = 0; i < transfer.length; i++) {
      const other = partner.get(transfer[i] as MessagePort);
      if (other) toWorker.set(other, worker);
    }
  };
  const OriginalChannel = win.MessageChannel;
  const port1 = Object.getOwnPropertyDescriptor(OriginalChannel.prototype, 'port1')?.get;
  const port2 = Object.getOwnPropertyDescriptor(OriginalChannel.prototype, 'port2')?.get;
  const Guarded = function (this: unknown) {
    if (!new.target) throw new TypeError("Failed to construct 'MessageChannel': Please use the 'new' operator");
    const mc = new OriginalChannel();
    const a = apply(port1!, mc, []) as MessagePort;
    const b = apply(port2!, mc, []) as MessagePort;
    partner.set(a, b);
    partner.set(b, a);
    return mc;
  } as unknown as typeof MessageChannel;
  if (port1 && port2) {
    standIn(win, 'MessageChannel', OriginalChannel, Guarded);
  }
  return { leadTo, judgeUntracked, workerOf: (port) => toWorker.get(port) };
}
