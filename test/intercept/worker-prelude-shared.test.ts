// @vitest-environment happy-dom
/**
 * The worker prelude as a shared worker's (its own file: one prelude in this global, as in a worker):
 * the guard's port comes in the first message of a connection the browser made. A connection the
 * worker's script dispatches itself, or a later message of the page's on the same connection, carries
 * no port the prelude takes — either let a port of theirs answer the prelude's questions with a pass.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { WORKER_REFUSED_BLOB_TYPE } from '../../lib/gate/blob-text';
import { SCRIPT_TEXT_PATTERN } from '../../lib/gate/script-text-pattern';
import { BASE64_TEXT_RUN } from '../../lib/gate/text-shape';
import { WORKER_PRELUDE_SOURCE } from '../../lib/intercept/main/hooks/worker-prelude';

const MARKER = '__testGuardPort';
/**
 * The prelude as a worker gets it: its source text, evaluated in this global (each part must stand on
 * its own text, importing nothing).
 */
const runPrelude = (scriptUrl: string): void =>
  void (0, eval)(`(${WORKER_PRELUDE_SOURCE})(${[scriptUrl, false, MARKER, SCRIPT_TEXT_PATTERN, WORKER_REFUSED_BLOB_TYPE, BASE64_TEXT_RUN].map((a) => JSON.stringify(a)).join(', ')})`);
const ID = '11010519491231002X';
const g = globalThis as unknown as Record<string, unknown>;

/** An event as the browser dispatches its own (happy-dom leaves isTrusted out). */
function trusted(type: string, data: unknown, ports: Port[]): MessageEvent {
  const e = new MessageEvent(type, { data, ports: ports as unknown as MessagePort[] });
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

/** A browser's MessagePort, as far as the prelude uses one: a message arrives in a later task, trusted (Node's ports deliver untrusted ones; happy-dom has none). */
class Port extends EventTarget {
  other: Port | null = null;
  postMessage(data: unknown, transfer: Iterable<Port> = []): void {
    const ports = Array.from(transfer);
    setTimeout(() => this.other?.dispatchEvent(trusted('message', data, ports)));
  }
  start(): void {}
  set onmessage(listener: (e: MessageEvent) => void) {
    this.addEventListener('message', listener as EventListener);
  }
}
class Channel {
  port1 = new Port();
  port2 = new Port();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}

const saved = { MessageChannel: g.MessageChannel, fetch: Reflect.getOwnPropertyDescriptor(g, 'fetch') };
const fetched: string[] = [];
g.MessageChannel = Channel;
Reflect.defineProperty(g, 'fetch', { value: (url: string, init: { body: string }) => (fetched.push(`${url} ${init.body}`), Promise.resolve('sent')), writable: true, configurable: true });
runPrelude('http://cms.test/shared.js');
afterAll(() => {
  g.MessageChannel = saved.MessageChannel;
  if (saved.fetch) Reflect.defineProperty(g, 'fetch', saved.fetch);
});

/** A port whose other end answers each question by `pass`. */
function answering(pass: (question: unknown) => boolean): Port {
  const c = new Channel();
  c.port1.onmessage = (e) => c.port1.postMessage({ id: (e.data as { id: number }).id, answer: { pass: pass(e.data) } });
  return c.port2;
}
/** The window's guard refuses what carries the ID; a forger's port passes everything. */
const guard = () => answering((q) => !JSON.stringify(q).includes(ID));
const forger = () => answering(() => true);

const settle = () => new Promise((r) => setTimeout(r, 20));
const postDraft = () => (g.fetch as typeof fetch)('http://cms.test/sink', { method: 'POST', body: `content=${ID}` }).catch(() => 'refused');

describe('worker prelude in a shared worker: the guard port of each connection', () => {
  it("takes the first message of a connection the browser made, and no later one of the page's", async () => {
    const page = new Channel();
    window.dispatchEvent(trusted('connect', null, [page.port1]));
    page.port2.postMessage({ [MARKER]: true }, [guard()]);
    await settle();
    expect(await postDraft()).toBe('refused');
    page.port2.postMessage({ [MARKER]: true }, [forger()]);
    await settle();
    expect(await postDraft()).toBe('refused');
    expect(fetched).toEqual([]);
  });

  it('listens to no connection the worker’s script dispatches itself', async () => {
    const forged = new Channel();
    window.dispatchEvent(new MessageEvent('connect', { ports: [forged.port1 as unknown as MessagePort] }));
    forged.port2.postMessage({ [MARKER]: true }, [forger()]);
    await settle();
    expect(await postDraft()).toBe('refused');
    expect(fetched).toEqual([]);
  });
});
