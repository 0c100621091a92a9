// @vitest-environment happy-dom
/* eslint-disable @typescript-eslint/unbound-method -- the originals are kept unbound and called on their target. */
/**
 * The page's end of a worker (hooks/workers.ts) with what the page replaces after the guard loaded:
 * the worker must still get the prelude written at load and the guard's own port, and the answers
 * must go back as the window's guard gave them. The Worker is a stand-in that records what it is
 * given; its ports are Node's (happy-dom has none that carry messages).
 */
import { Blob as NodeBlob } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { Outgoing } from '../../lib/gate/types';
import type { GuardAnswer } from '../../lib/intercept/channel-protocol';
import type { GuardChannel } from '../../lib/intercept/main/channel';
import { WORKER_PRELUDE_SOURCE } from '../../lib/intercept/main/hooks/worker-prelude';
import { hookWorkers } from '../../lib/intercept/main/hooks/workers';
import { bare, sealedPromise } from '../../lib/realm/intrinsics';

type PageWindow = Window & typeof globalThis;
type Restore = () => void;

const ID = '11010519491231002X';
const NodePort = (Object.getPrototypeOf(new MessageChannel().port1) as { constructor: typeof MessagePort }).constructor;
const iteratorProto = Object.getPrototypeOf([][Symbol.iterator]()) as { next: () => unknown };

/** Replaces `target[key]` (a value, or a descriptor) and returns how to put it back. */
function poison(target: object, key: PropertyKey, value: unknown, descriptor: PropertyDescriptor = { value, writable: true, configurable: true }): Restore {
  const before = Reflect.getOwnPropertyDescriptor(target, key);
  Reflect.defineProperty(target, key, descriptor);
  return () => void (before ? Reflect.defineProperty(target, key, before) : Reflect.deleteProperty(target, key));
}

/** Puts back what the cases replaced, last first (an index loop: a case replaces the array iterator). */
function undo(restores: Restore[]): void {
  for (let i = restores.length - 1; i >= 0; i--) restores[i]!();
}

/** A worker that records the URL it was made from and what it is posted (the transfer list read as the browser reads it: through its iterator). */
class RecordedWorker extends EventTarget {
  posted: { message: unknown; ports: MessagePort[] }[] = [];
  constructor(readonly url: string) {
    super();
  }
  postMessage(message: unknown, transfer: Iterable<MessagePort>): void {
    this.posted[this.posted.length] = { message, ports: Array.from(transfer) };
  }
}

/** A page window with the guard's worker hook installed, the blobs it made, and what the window's guard was asked (it refuses what carries the ID). */
function guardedPage() {
  const blobs: Blob[] = [];
  const asked: Outgoing[] = [];
  const win = {
    document,
    DOMException,
    // its own constructor: a default one spreads its arguments through the array iterator, which a case replaces
    Worker: class extends RecordedWorker {
      constructor(url: string) {
        super(url);
      }
    },
    URL: { createObjectURL: (b: Blob) => ((blobs[blobs.length] = b), `blob:http://cms.test/${blobs.length}`) },
    Blob: NodeBlob,
    MessageChannel,
    MessagePort: NodePort,
  } as unknown as PageWindow;
  const channel = {
    ask: (o: Outgoing) =>
      sealedPromise<GuardAnswer>((resolve) => {
        asked[asked.length] = o;
        resolve(bare({ pass: !JSON.stringify(o).includes(ID), message: 'refused' }));
      }),
    askSync: () => bare({ pass: true }),
  } as unknown as GuardChannel;
  hookWorkers(win, channel);
  const Worker = win.Worker as unknown as new (url: string) => RecordedWorker;
  return { win, Worker, blobs, asked };
}

/** The worker's end of the guard's port, and its answers. */
function workerEnd(w: RecordedWorker): { port: MessagePort; answers: unknown[] } {
  const port = w.posted[0]!.ports[0]!;
  const answers: unknown[] = [];
  port.addEventListener('message', (e) => void (answers[answers.length] = (e as MessageEvent<unknown>).data));
  port.start();
  return { port, answers };
}

const settle = () => new Promise((r) => setTimeout(r, 20));
const question = { id: 7, route: 'worker.fetch', method: 'POST', url: 'http://cms.test/sink', body: `content=${ID}` };

describe("a worker's page end, with the page's built-ins replaced after the guard loaded", () => {
  it('gives every worker the prelude written at load, whatever JSON.stringify, Function.prototype.toString and String say later', async () => {
    const { Worker, blobs } = guardedPage();
    new Worker('http://cms.test/w.js');
    const restores = [
      poison(JSON, 'stringify', (v: unknown) => `(self.f0=fetch,${String(v)})`),
      poison(Function.prototype, 'toString', () => 'function () {}'),
      poison(globalThis, 'String', () => ''),
    ];
    try {
      new Worker('http://cms.test/w.js');
    } finally {
      undo(restores);
    }
    const [first, second] = [await blobs[0]!.text(), await blobs[1]!.text()];
    expect(first.startsWith(`(${WORKER_PRELUDE_SOURCE})("http://cms.test/w.js", false, `)).toBe(true);
    expect(second).toBe(first);
  });

  it("hands the worker the prelude and the guard's port through createObjectURL, Blob, MessageChannel and postMessage kept at install, read through no array iterator", async () => {
    const { win, Worker, blobs } = guardedPage();
    const pagePorts = new MessageChannel();
    const restores = [
      poison(win.URL, 'createObjectURL', () => 'blob:http://cms.test/page'),
      poison(win, 'Blob', function () {
        return new NodeBlob(['self.f0 = fetch;']);
      }),
      poison(win, 'MessageChannel', function () {
        return pagePorts;
      }),
      poison(RecordedWorker.prototype, 'postMessage', function (this: RecordedWorker, m: unknown) {
        this.posted[this.posted.length] = { message: m, ports: [pagePorts.port2] };
      }),
      poison(iteratorProto, 'next', () => ({ done: true, value: undefined })),
    ];
    let w: RecordedWorker;
    try {
      w = new Worker('http://cms.test/w.js');
    } finally {
      undo(restores);
    }
    expect(w.url).toBe('blob:http://cms.test/1');
    expect(await blobs[0]!.text()).toMatch(/^\(function workerPrelude\(/);
    expect(w.posted).toHaveLength(1);
    expect(w.posted[0]!.ports).toHaveLength(1);
    expect(w.posted[0]!.ports[0]).not.toBe(pagePorts.port2);
    w.posted[0]!.ports[0]!.close();
    pagePorts.port1.close();
  });

  it("answers through postMessage and onmessage kept at install, judging the worker's own members (not Object.prototype's formData)", async () => {
    const { Worker, asked } = guardedPage();
    const post0 = NodePort.prototype.postMessage;
    const onmessage = Reflect.getOwnPropertyDescriptor(NodePort.prototype, 'onmessage')!;
    const restores = [
      // the page's own: every question read as clean, every answer sent as a pass
      poison(NodePort.prototype, 'onmessage', undefined, {
        configurable: true,
        get: onmessage.get,
        set(this: MessagePort, h: (e: unknown) => void) {
          onmessage.set!.call(this, (e: MessageEvent) => h({ data: { ...(e.data as object), body: 'content=hello' } }));
        },
      }),
      poison(NodePort.prototype, 'postMessage', function (this: MessagePort, m: unknown) {
        post0.call(this, typeof m === 'object' && m !== null && 'answer' in m ? { ...m, answer: { pass: true } } : m);
      }),
      poison(Object.prototype, 'formData', []),
    ];
    let answers: unknown[];
    try {
      const w = new Worker('http://cms.test/w.js');
      const end = workerEnd(w);
      answers = end.answers;
      post0.call(end.port, question);
      await settle();
      end.port.close();
    } finally {
      undo(restores);
    }
    expect(asked).toHaveLength(1);
    expect(asked[0]!.body).toEqual({ kind: 'text', text: `content=${ID}` });
    expect(answers).toEqual([{ id: 7, answer: { pass: false, message: 'refused' } }]);
  });

  it('refuses a question that is not one the prelude asks, and an object body it never sends is judged unknown', async () => {
    const { Worker, asked } = guardedPage();
    const end = workerEnd(new Worker('http://cms.test/w.js'));
    end.port.postMessage({ id: 1, route: 'fetch', method: 'POST', url: 'http://cms.test/sink', body: 'x' });
    end.port.postMessage({ id: 2, route: 'worker.fetch', method: 'POST', url: 'http://cms.test/sink', body: { text: 'x' } });
    await settle();
    end.port.close();
    expect(end.answers).toEqual([
      { id: 1, answer: { pass: false, message: '发布前预检未能检查工作线程的请求，已阻止' } },
      { id: 2, answer: { pass: true, message: 'refused' } },
    ]);
    expect(asked.map((o) => o.body)).toEqual([{ kind: 'opaque', what: 'object' }]);
  });

  it('makes the guarded Worker its prototype\'s constructor and no heir of the original (both handed the page the unguarded one)', () => {
    const Guarded = guardedPage().win.Worker;
    expect(Guarded.prototype.constructor).toBe(Guarded);
    // the original's own prototype (a browser's Worker's is EventTarget)
    expect(Object.getPrototypeOf(Guarded)).toBe(RecordedWorker);
  });

  it('writes a prelude that runs on its own (no name from outside its text) and asks the page end', async () => {
    const { Worker, blobs, asked } = guardedPage();
    const w = new Worker('http://cms.test/w.js');
    const fetched: unknown[] = [];
    const g = globalThis as unknown as Record<string, unknown>;
    const own = Reflect.getOwnPropertyDescriptor(g, 'fetch');
    Reflect.defineProperty(g, 'fetch', { value: (...a: unknown[]) => ((fetched[fetched.length] = a), Promise.resolve('sent')), writable: true, configurable: true });
    try {
      // this test's global stands in for the worker's
      (0, eval)(await blobs[0]!.text());
      const delivered = new MessageEvent('message', { data: w.posted[0]!.message, ports: w.posted[0]!.ports });
      Object.defineProperty(delivered, 'isTrusted', { value: true });
      window.dispatchEvent(delivered);
      const refused = await (g.fetch as typeof fetch)('/sink', { method: 'POST', body: `content=${ID}` }).then(
        () => 'sent',
        (e: Error) => e.message,
      );
      expect(refused).toBe('refused');
    } finally {
      if (own) Reflect.defineProperty(g, 'fetch', own);
      w.posted[0]!.ports[0]!.close();
    }
    expect(fetched).toEqual([]);
    expect(asked.map((o) => [o.route, o.url])).toEqual([['worker.fetch', 'http://cms.test/sink']]);
  });
});
