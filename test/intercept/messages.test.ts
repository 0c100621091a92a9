// @vitest-environment node
/**
 * Messages a service worker hears, with the page's built-ins replaced: a port handed to the worker is
 * followed however the transfer list is walked, and an opaque message stays opaque.
 */
import { describe, expect, test } from 'vitest';
import type { Outgoing } from '../../lib/gate/types';
import { hookMessages } from '../../lib/intercept/main/hooks/messages';
import { ID, judgingChannel, walked } from './page-fakes';
import { endIterators, outcomeOf, poison } from '../realm/poison';

type PageWindow = Window & typeof globalThis;

const SCRIPT = 'https://cms.example/sw.js';

/** A window with a service worker, ports and broadcast channels; `transferred` is what the browser moved (walked, as WebIDL walks it). */
function messageWindow(clone?: typeof structuredClone, refuseOpaque = false) {
  const transferred: unknown[] = [];
  const posted: unknown[] = [];
  const ports = new WeakSet<object>();
  // WebIDL's overload: an iterable is the transfer list, anything else options that may name one
  const moved = (arg: unknown) => {
    const list = typeof arg === 'object' && arg !== null && Symbol.iterator in arg ? arg : (arg as { transfer?: unknown } | undefined)?.transfer;
    if (list) transferred[transferred.length] = walked(list);
  };
  class Port {
    constructor() {
      ports.add(this);
    }
    // WebIDL's brand check, as the browser's getter has it
    get onmessage() {
      if (!ports.has(this)) throw new TypeError('Illegal invocation');
      return null;
    }
    postMessage(_message: unknown, transfer?: unknown) {
      moved(transfer);
    }
  }
  class Channel {
    readonly ends = [new Port(), new Port()];
    get port1() {
      return this.ends[0];
    }
    get port2() {
      return this.ends[1];
    }
  }
  class Worker {
    get scriptURL() {
      return SCRIPT;
    }
    postMessage(message: unknown, transfer?: unknown) {
      posted[posted.length] = message;
      moved(transfer);
    }
  }
  class Broadcast {
    get name() {
      return 'drafts';
    }
    postMessage(message: unknown) {
      posted[posted.length] = message;
    }
  }
  const win = { MessageChannel: Channel, MessagePort: Port, ServiceWorker: Worker, BroadcastChannel: Broadcast, location: { origin: 'https://cms.example' }, DOMException, structuredClone: clone } as unknown as PageWindow;
  const channel = judgingChannel();
  // the gate refuses a message it cannot read (lib/gate/verdict.ts: opaque-body); the fake judges text only
  const judged = channel.askSync.bind(channel);
  if (refuseOpaque) channel.askSync = (o: Outgoing) => (o.body.kind === 'opaque' ? (channel.asked.push(o), { pass: false, message: 'refused' }) : judged(o));
  hookMessages(win, channel);
  return { win, asked: channel.asked, transferred, posted, worker: new Worker() as unknown as ServiceWorker };
}

describe('a port handed to a service worker is followed, whatever the page replaced', () => {
  test.each<[string, () => void, (port: MessagePort) => unknown]>([
    [
      'Array.isArray says no and the array iterator ends at once',
      () => {
        poison(Array, 'isArray', () => false);
        endIterators();
      },
      (port) => [port],
    ],
    ['the ports in an options object, the array iterator ended', endIterators, (port) => ({ transfer: [port] })],
    ['a transfer list walked by its own iterator', () => undefined, (port) => new Set([port])],
  ])('%s', async (_label, poisoned, transfer) => {
    const { win, asked, transferred, worker } = messageWindow();
    const mc = new win.MessageChannel();
    expect(await outcomeOf(poisoned, () => worker.postMessage('hello', transfer(mc.port2) as Transferable[]))).toBe('ok');
    // the browser moved the port the guard saw, and the page's end of it now leads to the worker
    expect(transferred).toEqual([[mc.port2]]);
    expect(await outcomeOf(() => undefined, () => mc.port1.postMessage(`content=${ID}`))).toBe('refused: SecurityError');
    expect(asked.map((o) => o.url)).toEqual([SCRIPT, SCRIPT]);
  });

  test("a port sent on through a port that leads to the worker leads there too", async () => {
    const { win, asked, worker } = messageWindow();
    const [first, second] = [new win.MessageChannel(), new win.MessageChannel()];
    worker.postMessage('hello', [first.port2]);
    expect(await outcomeOf(endIterators, () => first.port1.postMessage('and this one', [second.port2]))).toBe('ok');
    expect(await outcomeOf(() => undefined, () => second.port1.postMessage(`content=${ID}`))).toBe('refused: SecurityError');
    expect(asked.length).toBe(3);
  });
});

describe('a port the guard cannot follow is not handed to a service worker', () => {
  const UNTRACKED = { kind: 'opaque', what: '另一端不明的消息端口' };

  test("a port not made by the page's MessageChannel (a frame's, one the page was sent) is asked as a message that cannot be read; refused, nothing moves", async () => {
    const { win, asked, transferred, posted, worker } = messageWindow(undefined, true);
    const stray = new win.MessagePort();
    expect(await outcomeOf(() => undefined, () => worker.postMessage({ port: stray }, [stray]))).toBe('refused: SecurityError');
    expect(asked.map((o) => [o.url, o.body])).toEqual([[SCRIPT, UNTRACKED]]);
    expect([transferred, posted]).toEqual([[], []]);
  });

  test('the same port sent on through a port that leads to the worker is refused there too', async () => {
    const { win, worker } = messageWindow(undefined, true);
    const mc = new win.MessageChannel();
    worker.postMessage('hello', [mc.port2]);
    const stray = new win.MessagePort();
    expect(await outcomeOf(() => undefined, () => mc.port1.postMessage('and this', [stray]))).toBe('refused: SecurityError');
  });

  test("the page's own ports and a buffer in the transfer list are not asked about", async () => {
    const { win, asked, transferred, worker } = messageWindow(undefined, true);
    const mc = new win.MessageChannel();
    const bytes = new ArrayBuffer(8);
    expect(await outcomeOf(() => undefined, () => worker.postMessage('hello', [mc.port2, bytes]))).toBe('ok');
    expect(asked.map((o) => o.body.kind)).toEqual(['entries']);
    expect(transferred).toEqual([[mc.port2, bytes]]);
  });
});

describe('what a message is judged as', () => {
  test('Object.prototype.entries = []: a Blob stays opaque, not a message of no entries', async () => {
    const { win, asked } = messageWindow();
    const bc = new win.BroadcastChannel('drafts');
    expect(await outcomeOf(() => poison(Object.prototype, 'entries', []), () => bc.postMessage(new Blob([ID])))).toBe('ok');
    expect(asked.map((o: Outgoing) => o.body)).toEqual([{ kind: 'opaque', what: 'Blob' }]);
  });

  test("the worker's and the channel's names are read through the getters kept at install", async () => {
    const { win, asked, worker } = messageWindow();
    const proto = Object.getPrototypeOf(worker) as object;
    const bcProto = win.BroadcastChannel.prototype;
    await outcomeOf(
      () => {
        poison(proto, 'scriptURL', undefined, { configurable: true, get: () => 'https://allowed.example/sw.js' });
        poison(bcProto, 'name', undefined, { configurable: true, get: () => 'other' });
      },
      () => {
        worker.postMessage('hello');
        new win.BroadcastChannel('drafts').postMessage('hello');
      },
    );
    expect(asked.map((o) => o.url)).toEqual([SCRIPT, 'https://cms.example/#BroadcastChannel:drafts']);
  });
});

describe("the browser's structured clone reads the message once: what is judged is what is posted", () => {
  /** A message whose body says `hello` when first read and carries the ID after. */
  const flipping = () => {
    let n = 0;
    return { url: 'https://cms.example/save', get body() { return n++ ? `content=${ID}` : 'content=hello'; } };
  };

  test.each<[string, (win: PageWindow, worker: ServiceWorker, message: unknown) => void]>([
    ['to a service worker', (_win, worker, message) => worker.postMessage(message)],
    ['to a service worker, with an empty transfer list in options', (_win, worker, message) => worker.postMessage(message, { transfer: [] })],
    ['on a BroadcastChannel', (win, _worker, message) => new win.BroadcastChannel('drafts').postMessage(message)],
  ])('%s: a getter read again by the browser finds only what was judged', (_label, send) => {
    const { win, worker, asked, posted } = messageWindow(structuredClone);
    send(win, worker, flipping());
    expect(asked.length).toBe(1);
    // the browser clones what it is given: that copy must still say hello
    expect(posted.map((m) => structuredClone(m))).toEqual([{ url: 'https://cms.example/save', body: 'content=hello' }]);
  });

  test('a message that cannot be cloned throws as postMessage would, and is not judged', () => {
    const { worker, asked, posted } = messageWindow(structuredClone);
    expect(() => worker.postMessage({ f: () => ID })).toThrow(/could not be cloned/);
    expect([asked, posted]).toEqual([[], []]);
  });

  test('a message carrying the ID behind a getter is refused on the first read', () => {
    const { worker, posted } = messageWindow(structuredClone);
    expect(() => worker.postMessage({ get body() { return `content=${ID}`; } })).toThrow();
    expect(posted).toEqual([]);
  });
});
