/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * A service worker is out of the guard's reach: its fetches are not hooked (no prelude can be put in
 * front of it). What it could send, the page must give it first — so the draft or a block finding is
 * refused on the way IN: postMessage to a service worker, to a MessagePort whose other end was handed
 * to one, and to a BroadcastChannel (which service workers hear). The message's text
 * (lib/gate/message-text.ts) is judged like a form's fields; a refusal throws, as a message that
 * cannot be sent does. Storage (IndexedDB, Cache) a service worker reads later is not covered.
 */
import { messageEntries } from '../../../gate/message-text';
import type { Outgoing } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { refusal } from './sockets';
import { apply, keptWeakMap } from '../../../realm/intrinsics';

type PageWindow = Window & typeof globalThis;
type PostArgs = [message: unknown, transferOrOptions?: unknown];

const transfersOf = (arg: unknown): unknown[] =>
  Array.isArray(arg) ? arg : ((arg as { transfer?: unknown[] } | undefined)?.transfer ?? []);

export function hookMessages(win: PageWindow, channel: GuardChannel): void {
  const judge = (url: string, message: unknown) => {
    const m = messageEntries(message);
    const o: Outgoing = { route: 'message', method: 'POST', url, body: 'entries' in m ? { kind: 'entries', entries: m.entries } : { kind: 'opaque', what: m.opaque } };
    const a = channel.askSync(o);
    if (!a.pass) throw refusal(win, a.message);
  };

  // The other end of each port the page made: once one end goes to a service worker, the page's end leads there.
  const partner = keptWeakMap<MessagePort, MessagePort>();
  const toWorker = keptWeakMap<MessagePort, string>();
  const OriginalChannel = win.MessageChannel;
  const port1 = Object.getOwnPropertyDescriptor(OriginalChannel.prototype, 'port1')?.get;
  const port2 = Object.getOwnPropertyDescriptor(OriginalChannel.prototype, 'port2')?.get;
  const Guarded = function (this: unknown) {
    if (!new.target) throw new TypeError("Failed to construct 'MessageChannel': Please use the 'new' operator");
    const mc = new OriginalChannel();
    const [a, b] = [apply(port1!, mc, []) as MessagePort, apply(port2!, mc, []) as MessagePort];
    partner.set(a, b);
    partner.set(b, a);
    return mc;
  } as unknown as typeof MessageChannel;
  if (port1 && port2) {
    Guarded.prototype = OriginalChannel.prototype;
    Object.setPrototypeOf(Guarded, OriginalChannel);
    win.MessageChannel = Guarded;
  }

  const sw = win.ServiceWorker?.prototype;
  if (sw) {
    const post = sw.postMessage as (this: ServiceWorker, ...a: PostArgs) => void;
    sw.postMessage = function (this: ServiceWorker, ...args: PostArgs) {
      judge(this.scriptURL, args[0]);
      for (const t of transfersOf(args[1])) {
        const other = partner.get(t as MessagePort);
        if (other) toWorker.set(other, this.scriptURL);
      }
      apply(post, this, args);
    } as ServiceWorker['postMessage'];
  }
  const port = win.MessagePort.prototype;
  const portPost = port.postMessage as (this: MessagePort, ...a: PostArgs) => void;
  port.postMessage = function (this: MessagePort, ...args: PostArgs) {
    const worker = toWorker.get(this);
    if (worker !== undefined) judge(worker, args[0]);
    apply(portPost, this, args);
  } as MessagePort['postMessage'];

  const bc = win.BroadcastChannel?.prototype;
  if (bc) {
    const post = bc.postMessage;
    bc.postMessage = function (this: BroadcastChannel, message: unknown) {
      judge(`${win.location.origin}/#BroadcastChannel:${encodeURIComponent(this.name)}`, message);
      apply(post, this, [message]);
    };
  }
}
