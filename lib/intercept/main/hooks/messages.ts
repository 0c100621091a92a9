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
import { dictionaryOnce, isObject, listOnce } from './copies';
import { apply, encodeUri, keptWeakMap, own, toText, ownIterator } from '../../../realm/intrinsics';
import { getter } from '../natives';
import { standIn } from './wrap';

type PageWindow = Window & typeof globalThis;
type PostArgs = [message: unknown, transferOrOptions?: unknown];

/**
 * The transfer list of a postMessage (`postMessage(message, transfer)` or `(message, { transfer })`)
 * read once: the browser is handed a copy it walks itself (./copies.ts) — the ports it moves are the
 * ones seen here.
 */
function transferOnce(args: unknown[]): readonly unknown[] {
  if (args.length < 2 || !isObject(args[1])) return [];
  const list = listOnce(args[1]);
  if (list) {
    args[1] = ownIterator(list);
    return list;
  }
  const options = dictionaryOnce(args[1], ['transfer']);
  args[1] = options;
  const transfer = listOnce(options.transfer);
  if (!transfer) return [];
  options.transfer = ownIterator(transfer);
  return transfer;
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

  // The other end of each port the page made: once one end goes to a service worker, the page's end leads there.
  const partner = keptWeakMap<MessagePort, MessagePort>();
  const toWorker = keptWeakMap<MessagePort, string>();
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

  const sw = win.ServiceWorker?.prototype;
  if (sw) {
    const post = sw.postMessage as (this: ServiceWorker, ...a: PostArgs) => void;
    const scriptUrl = getter(sw, 'scriptURL');
    sw.postMessage = function (this: ServiceWorker, ...args: PostArgs) {
      const worker = toText(scriptUrl(this));
      judge(worker, args[0]);
      leadTo(worker, transferOnce(args));
      apply(post, this, args);
    } as ServiceWorker['postMessage'];
  }
  const port = win.MessagePort.prototype;
  const portPost = port.postMessage as (this: MessagePort, ...a: PostArgs) => void;
  port.postMessage = function (this: MessagePort, ...args: PostArgs) {
    const worker = toWorker.get(this);
    if (worker !== undefined) {
      judge(worker, args[0]);
      // a port sent on to the worker: the page's other end of it leads there too
      leadTo(worker, transferOnce(args));
    }
    apply(portPost, this, args);
  } as MessagePort['postMessage'];

  const bc = win.BroadcastChannel?.prototype;
  if (bc) {
    const post = bc.postMessage;
    const nameOf = getter(bc, 'name');
    bc.postMessage = function (this: BroadcastChannel, message: unknown) {
      judge(`${win.location.origin}/#BroadcastChannel:${encodeUri(toText(nameOf(this)))}`, message);
      apply(post, this, [message]);
    };
  }
}
