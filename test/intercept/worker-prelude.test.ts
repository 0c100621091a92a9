// @vitest-environment happy-dom
/* eslint-disable @typescript-eslint/unbound-method -- the browser's own methods are kept unbound and called on their target. */
/**
 * The worker prelude run in this test's global as if it were a worker's: a refused XHR ends through
 * the page's own error path without being opened a second time (in a Firefox worker an XHR opened
 * twice never fires another event: the page waited for ever); what cannot wait for an answer is
 * refused by its URL; and what the worker's own script replaces after the prelude ran — a built-in,
 * the guard's port, a message of its own — does not get the ID past it.
 */
import { Blob as NodeBlob } from 'node:buffer';
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
const proto = XMLHttpRequest.prototype;
const realOpen = proto.open;
const realSend = proto.send;
const realCreateObjectURL = URL.createObjectURL;
const calls = { open: 0, send: 0 };
// What the browser does, counted; send never goes out from a unit test.
proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
  calls.open++;
  (realOpen as (...a: unknown[]) => void).apply(this, args);
};
proto.send = function () {
  calls.send++;
};
afterAll(() => {
  proto.open = realOpen;
  proto.send = realSend;
  URL.createObjectURL = realCreateObjectURL;
});

type Verdict = { pass: boolean; message?: string };
type Question = { id: number; route: string; body: unknown; headers?: [string, string][] };

/** A message as the browser delivers one the page posted (happy-dom leaves isTrusted out; in a browser it is an own property no script can set). */
function posted(data: unknown, ports: MessagePort[]): MessageEvent {
  const e = new MessageEvent('message', { data, ports });
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

const installPrelude = () => runPrelude('http://cms.test/worker.js');

/** The guard's end of a port: `verdict` answers each question, which is kept in `questions`; the worker's end is returned. */
function guardEnd(verdict: (q: Question) => Verdict, questions: Question[] = []): MessagePort {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = (e: MessageEvent<Question>) => {
    // not push: a case replaces it
    questions[questions.length] = e.data;
    port1.postMessage({ id: e.data.id, answer: verdict(e.data) });
  };
  return port2;
}

/** The prelude installed, its guard port answered by `verdict`. */
function guardedBy(verdict: Verdict): void {
  installPrelude();
  window.dispatchEvent(posted({ [MARKER]: true }, [guardEnd(() => verdict)]));
}

describe('worker prelude: a refused XHR', () => {
  it('errors like a dropped connection (readyState 4, status 0; readystatechange, error, loadend), opened once, never sent', async () => {
    guardedBy({ pass: false, message: 'refused' });
    const xhr = new XMLHttpRequest();
    const seen: string[] = [];
    for (const type of ['readystatechange', 'load', 'error', 'abort', 'loadend']) xhr.addEventListener(type, () => seen.push(`${type}@${xhr.readyState}`));
    xhr.open('POST', 'http://cms.test/sink');
    const ended = new Promise((resolve) => xhr.addEventListener('loadend', resolve));
    xhr.send('content=x');
    await ended;
    expect(seen.slice(-3)).toEqual(['readystatechange@4', 'error@4', 'loadend@4']);
    expect(xhr.status).toBe(0);
    expect(calls).toEqual({ open: 1, send: 0 });
  });
});

describe('worker prelude: importScripts (it cannot wait for an answer)', () => {
  it('refuses a URL that could hold text outright, loads the rest as before', () => {
    const loaded: string[][] = [];
    g.importScripts = (...u: string[]) => void loaded.push(u);
    guardedBy({ pass: true });
    const load = g.importScripts as (...u: string[]) => void;
    expect(loaded).toEqual([['http://cms.test/worker.js']]);
    load('/lib/a.js?v=3', 'b.js');
    load('blob:http://cms.test/1234567-aaaa');
    // Cache-busters: a date, a timestamp in seconds and in milliseconds, a space in a file name,
    // yyyyMMddHHmmssSSS, Math.random(), a JSONP callback (the whole table: test/gate/script-url-rules.test.ts).
    load('/lib/c.js?v=20241203', '/lib/d.js?t=1733212800', '/lib/e.js?_=1733212800123', '/lib/my%20file.js');
    load('/lib/f.js?v=20241203153000123', '/lib/g.js?r=0.8234567890123456', '/api/h?callback=jQuery37101234567890123456_1733212800123');
    const refused = ['/x.js?content=11010519491231002X', '/x.js?id=110105194912310', '/x.js?tel=13912345678', '/x.js?card=6228480906369142', `/x.js?c=${encodeURIComponent('低保公示')}`, '/x.js?c=低保'];
    for (const url of refused) expect(() => load(url), url).toThrow(/预检/);
    expect(loaded.slice(1)).toEqual([
      ['http://cms.test/lib/a.js?v=3', 'http://cms.test/b.js'],
      ['blob:http://cms.test/1234567-aaaa'],
      ['http://cms.test/lib/c.js?v=20241203', 'http://cms.test/lib/d.js?t=1733212800', 'http://cms.test/lib/e.js?_=1733212800123', 'http://cms.test/lib/my%20file.js'],
      ['http://cms.test/lib/f.js?v=20241203153000123', 'http://cms.test/lib/g.js?r=0.8234567890123456', 'http://cms.test/api/h?callback=jQuery37101234567890123456_1733212800123'],
    ]);
    delete g.importScripts;
  });
});

describe('worker prelude: URL.createObjectURL (the page cannot see a CSS module imported from it)', () => {
  it("refuses a stylesheet Blob, even one whose type getter lies or when Function.prototype.call does; other types get their URL", () => {
    // a worker's Blob has its type on the prototype, as Node's has (happy-dom's is an own field)
    const G = globalThis as unknown as { Blob: typeof globalThis.Blob };
    const HappyBlob = G.Blob;
    G.Blob = NodeBlob as unknown as typeof globalThis.Blob;
    const WorkerBlob = G.Blob;
    const made: unknown[] = [];
    URL.createObjectURL = (obj: Blob | MediaSource) => (made.push(obj), `blob:http://cms.test/${made.length}`);
    guardedBy({ pass: true });
    expect(() => URL.createObjectURL(new WorkerBlob(['p{}'], { type: 'text/css' }))).toThrow(/样式表/);
    class Lying extends WorkerBlob {
      override get type() {
        return 'image/png';
      }
    }
    expect(() => URL.createObjectURL(new Lying(['p{}'], { type: 'text/css' }))).toThrow(/样式表/);
    const css = new WorkerBlob(['p{}'], { type: 'text/css' });
    const call0 = Function.prototype.call;
    let threw: unknown;
    Function.prototype.call = function () {
      return 'image/png';
    };
    try {
      URL.createObjectURL(css);
    } catch (e) {
      threw = e;
    } finally {
      Function.prototype.call = call0;
    }
    expect(String(threw)).toMatch(/样式表/);
    expect(URL.createObjectURL(new WorkerBlob(['x'], { type: 'image/png' }))).toMatch(/^blob:/);
    expect(URL.createObjectURL(new WorkerBlob(['<p>'], { type: 'text/html' }))).toMatch(/^blob:/);
    expect(made).toHaveLength(2);
    G.Blob = HappyBlob;
  });
});

describe("worker prelude: a socket's or an event stream's URL (it leaves at construction, before an answer)", () => {
  it('refuses a URL whose path or query could hold text outright, opens the rest', () => {
    const saved = { WebSocket: g.WebSocket, EventSource: g.EventSource };
    const opened: string[] = [];
    const Fake = function (url: string) {
      opened.push(url);
    } as unknown as typeof WebSocket;
    g.WebSocket = Fake;
    g.EventSource = Fake;
    guardedBy({ pass: true });
    const WS = g.WebSocket as typeof WebSocket;
    const ES = g.EventSource as typeof EventSource;
    const base64 = Buffer.from('低保公示 张三 11010519491231002X').toString('base64url');
    const refused = [`/ws/log/${base64}`, `/ws/log/${Buffer.from('申请人 13912345678').toString('base64')}`, '/ws/%u4F4E%u4FDD', '/ws?room=1', '/ws/13912345678', '/ws/低保'];
    for (const url of refused) {
      expect(() => new WS(url), url).toThrow(/预检/);
      expect(() => new ES(url), url).toThrow(/预检/);
    }
    // A room number, a hex hash, a UUID, a word in capitals: one case or no letters.
    const open = ['/ws/chat', '/ws/room/123456', '/ws/0123456789abcdef0123456789abcdef', '/ws/123e4567-e89b-12d3-a456-426614174000', '/ws/NOTIFICATIONSV2ALL', '/ws/notifications-v2'];
    for (const url of open) {
      new WS(url);
      new ES(url);
    }
    expect(opened).toEqual(open.flatMap((u) => [`ws://cms.test${u}`, `http://cms.test${u}`]));
    Object.assign(g, saved);
  });
});

// ---- the worker's own script, after the prelude ran

type Restore = () => void;

/** Replaces `target[key]` (a value, or a descriptor) and returns how to put it back. */
function poison(target: object, key: PropertyKey, value: unknown, descriptor: PropertyDescriptor = { value, writable: true, configurable: true }): Restore {
  const before = Reflect.getOwnPropertyDescriptor(target, key);
  Reflect.defineProperty(target, key, descriptor);
  return () => void (before ? Reflect.defineProperty(target, key, before) : Reflect.deleteProperty(target, key));
}

const carries = (v: unknown) => JSON.stringify(v).includes(ID);
/** The window's guard, as far as these cases go: what carries the ID is refused. */
const judge = (q: Question): Verdict => ({ pass: !carries(q), message: 'refused' });
const isAnswer = (v: unknown) => typeof v === 'object' && v !== null && 'pass' in v;
const portProto = Object.getPrototypeOf(new MessageChannel().port1) as MessagePort;

/** What reached the browser from the worker's fetch, socket and event stream (recorded, never sent). */
interface Reached {
  fetched: string[];
  opened: string[];
}

/**
 * A fresh prelude over recording fetch, WebSocket and EventSource; `poisoned` runs as the worker's
 * script does, after the prelude and before the page's message with the guard's port arrives.
 */
function worker(poisoned: () => Restore): { reached: Reached; questions: Question[]; restore: Restore } {
  const reached: Reached = { fetched: [], opened: [] };
  const questions: Question[] = [];
  const saved = (['fetch', 'WebSocket', 'EventSource'] as const).map((k) => [k, Reflect.getOwnPropertyDescriptor(g, k)] as const);
  const fetch = (input: unknown, init?: { body?: unknown }) => ((reached.fetched[reached.fetched.length] = `${String(input)} ${String(init?.body)}`), Promise.resolve('sent'));
  const opens = () =>
    function (url: string) {
      reached.opened[reached.opened.length] = url;
    };
  for (const [k, value] of [['fetch', fetch], ['WebSocket', opens()], ['EventSource', opens()]] as const) Reflect.defineProperty(g, k, { value, writable: true, configurable: true });
  installPrelude();
  const port = guardEnd(judge, questions);
  const restorePoison = poisoned();
  window.dispatchEvent(posted({ [MARKER]: true }, [port]));
  const restore = () => {
    restorePoison();
    for (const [k, d] of saved) void (d ? Reflect.defineProperty(g, k, d) : Reflect.deleteProperty(g, k));
  };
  return { reached, questions, restore };
}

const postDraft = () => (g.fetch as typeof fetch)('http://cms.test/sink', { method: 'POST', body: `content=${ID}` });
const settle = () => new Promise((r) => setTimeout(r, 20));

const REPLACED: [label: string, poisoned: () => Restore, send: () => Promise<unknown>][] = [
  [
    'Promise.prototype.then turns every answer into a pass',
    () => {
      const then0 = Promise.prototype.then;
      return poison(Promise.prototype, 'then', function (this: Promise<unknown>, f?: (v: unknown) => unknown, r?: (e: unknown) => unknown) {
        return then0.call(this, f && ((v: unknown) => f(isAnswer(v) ? { pass: true } : v)), r);
      });
    },
    postDraft,
  ],
  [
    "await made to ask the script's then (Promise.prototype.constructor replaced too)",
    () => {
      const then0 = Promise.prototype.then;
      const restoreThen = poison(Promise.prototype, 'then', function (this: Promise<unknown>, f?: (v: unknown) => unknown, r?: (e: unknown) => unknown) {
        return then0.call(this, f && ((v: unknown) => f(isAnswer(v) ? { pass: true } : v)), r);
      });
      const restoreConstructor = poison(Promise.prototype, 'constructor', undefined, { configurable: true, get: () => Object });
      return () => (restoreConstructor(), restoreThen());
    },
    postDraft,
  ],
  [
    'Object.prototype.then makes a refusal a thenable that resolves as a pass',
    () => poison(Object.prototype, 'then', undefined, { configurable: true, get: function (this: unknown) { return isAnswer(this) && (this as Verdict).pass === false ? (resolve: (v: unknown) => void) => resolve({ pass: true }) : undefined; } }),
    postDraft,
  ],
  [
    'Map.prototype.set hands each waiting hook a pass',
    () => {
      const set0 = Map.prototype.set;
      return poison(Map.prototype, 'set', function (this: Map<unknown, unknown>, k: unknown, v: unknown) {
        if (typeof k === 'number' && typeof v === 'function') (v as (a: Verdict) => void)({ pass: true });
        return set0.call(this, k, v);
      });
    },
    postDraft,
  ],
  [
    "MessagePort.prototype.postMessage rewrites the worker's question",
    () => {
      const post0 = portProto.postMessage as (this: MessagePort, m: unknown, t?: Transferable[]) => void;
      return poison(portProto, 'postMessage', function (this: MessagePort, m: unknown, t?: Transferable[]) {
        post0.call(this, typeof m === 'object' && m !== null && 'route' in m ? { ...m, body: 'content=hello' } : m, t);
      });
    },
    postDraft,
  ],
  [
    "the onmessage setter hands the prelude answers of the script's making",
    () => {
      const d = Reflect.getOwnPropertyDescriptor(portProto, 'onmessage')!;
      return poison(portProto, 'onmessage', undefined, {
        configurable: true,
        get: d.get,
        set(this: MessagePort, h: (e: unknown) => void) {
          d.set!.call(this, (e: MessageEvent<Question>) => h({ data: { id: e.data.id, answer: { pass: true } } }));
        },
      });
    },
    postDraft,
  ],
  [
    "a fetch init's body answered by a getter on Object.prototype (the judge read it three times, the browser a fourth)",
    () => {
      let n = 0;
      return poison(Object.prototype, 'body', undefined, { configurable: true, get: () => (n++ < 3 ? 'content=hello' : `content=${ID}`), set() {} });
    },
    () => (g.fetch as typeof fetch)('http://cms.test/sink', { method: 'POST' }),
  ],
  [
    'String and RegExp methods say a socket URL carries nothing',
    () => {
      const restores = [poison(String.prototype, 'split', () => ['']), poison(String.prototype, 'includes', () => false), poison(RegExp.prototype, 'test', () => false), poison(Array.prototype, 'some', () => false)];
      return () => restores.forEach((r) => r());
    },
    () => Promise.resolve().then(() => new (g.WebSocket as typeof WebSocket)(`/ws/log?c=${ID}`)),
  ],
  [
    'an event stream URL that reads otherwise the second time',
    () => () => undefined,
    () => {
      let n = 0;
      return Promise.resolve().then(() => new (g.EventSource as typeof EventSource)({ toString: () => (n++ ? `/es?c=${ID}` : '/es') } as unknown as string));
    },
  ],
  [
    "the script's own message with the marker and a port that passes everything (isTrusted is false)",
    () => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = (e: MessageEvent<Question>) => port1.postMessage({ id: e.data.id, answer: { pass: true } });
      window.dispatchEvent(new MessageEvent('message', { data: { [MARKER]: true }, ports: [port2] }));
      return () => port1.close();
    },
    postDraft,
  ],
];

describe("worker prelude: the worker's script replaced built-ins after it ran", () => {
  it.each(REPLACED)('%s: nothing carrying the ID reaches the browser', async (_label, poisoned, send) => {
    const w = worker(poisoned);
    try {
      await send().catch(() => undefined);
      await settle();
    } finally {
      w.restore();
    }
    expect(w.reached.fetched.filter(carries)).toEqual([]);
    expect(w.reached.opened.filter(carries)).toEqual([]);
  });

  it('Array.prototype.push does nothing: an XHR header is still asked about', async () => {
    const w = worker(() => poison(Array.prototype, 'push', function (this: unknown[]) {
      return this.length;
    }));
    try {
      const x = new XMLHttpRequest();
      x.open('GET', 'http://cms.test/sink');
      x.setRequestHeader('x-a', ID);
      x.send();
      await settle();
    } finally {
      w.restore();
    }
    expect(w.questions.filter(carries)).toHaveLength(1);
  });

  it('takes only the first message the page posts: a later marker with a port of the page’s own is left alone', async () => {
    const w = worker(() => () => undefined);
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = (e: MessageEvent<Question>) => port1.postMessage({ id: e.data.id, answer: { pass: true } });
    window.dispatchEvent(posted({ [MARKER]: true }, [port2]));
    try {
      await postDraft().catch(() => undefined);
    } finally {
      w.restore();
      port1.close();
    }
    expect(w.reached.fetched).toEqual([]);
    expect(w.questions.filter(carries)).toHaveLength(1);
  });

  it('listens to no connection the script dispatches itself (isTrusted is false)', async () => {
    const w = worker(() => () => undefined);
    const forged = new MessageChannel();
    const answers = new MessageChannel();
    answers.port1.onmessage = (e: MessageEvent<Question>) => answers.port1.postMessage({ id: e.data.id, answer: { pass: true } });
    window.dispatchEvent(new MessageEvent('connect', { ports: [forged.port1] }));
    forged.port2.postMessage({ [MARKER]: true }, [answers.port2]);
    await settle();
    try {
      await postDraft().catch(() => undefined);
    } finally {
      w.restore();
      for (const p of [forged.port1, forged.port2, answers.port1]) p.close();
    }
    expect(w.reached.fetched).toEqual([]);
  });

  it('puts fetch where the worker has it (WorkerGlobalScope.prototype): `delete self.fetch` finds no original', async () => {
    const own = Reflect.getOwnPropertyDescriptor(g, 'fetch');
    const scope = Object.getPrototypeOf(g) as Record<string, unknown>;
    const fetched: unknown[] = [];
    Reflect.deleteProperty(g, 'fetch');
    Reflect.defineProperty(scope, 'fetch', { value: (...a: unknown[]) => (fetched.push(a), Promise.resolve('sent')), writable: true, enumerable: true, configurable: true });
    installPrelude();
    window.dispatchEvent(posted({ [MARKER]: true }, [guardEnd(judge)]));
    try {
      Reflect.deleteProperty(g, 'fetch');
      await (scope.fetch as typeof fetch)('http://cms.test/sink', { method: 'POST', body: `content=${ID}` }).catch(() => undefined);
    } finally {
      Reflect.deleteProperty(scope, 'fetch');
      if (own) Reflect.defineProperty(g, 'fetch', own);
    }
    expect(fetched).toEqual([]);
  });

  it("makes the guarded WebSocket its prototype's constructor (the original was one property away)", () => {
    const w = worker(() => () => undefined);
    try {
      const WS = g.WebSocket as typeof WebSocket;
      expect(WS.prototype.constructor).toBe(WS);
      expect(() => new (WS.prototype.constructor as typeof WebSocket)(`/ws?c=${ID}`)).toThrow(/预检/);
    } finally {
      w.restore();
    }
    expect(w.reached.opened).toEqual([]);
  });
});

describe("worker prelude: Cache.add/addAll of a Request (the browser fetches it with its headers and referrer)", () => {
  /** Header names as the browser writes them (happy-dom keeps the page's case). */
  const lowerNames = (headers: [string, string][] = []) => headers.map(([k, v]) => [k.toLowerCase(), v]);
  /** A recording Cache on the global (happy-dom has none), the prelude installed over it. */
  function cacheWorker(): { cache: Cache; cached: unknown[]; questions: Question[]; restore: Restore } {
    const cached: unknown[] = [];
    const before = Reflect.getOwnPropertyDescriptor(g, 'Cache');
    class FakeCache {
      add(r: unknown) {
        cached[cached.length] = r;
        return Promise.resolve();
      }
      addAll(rs: unknown[]) {
        for (const r of rs) cached[cached.length] = r;
        return Promise.resolve();
      }
    }
    Reflect.defineProperty(g, 'Cache', { value: FakeCache, writable: true, configurable: true });
    const questions: Question[] = [];
    installPrelude();
    window.dispatchEvent(posted({ [MARKER]: true }, [guardEnd(judge, questions)]));
    const restore = () => void (before ? Reflect.defineProperty(g, 'Cache', before) : Reflect.deleteProperty(g, 'Cache'));
    return { cache: new FakeCache() as unknown as Cache, cached, questions, restore };
  }

  it('asks about a header holding the ID and the referrer naming it: refused, nothing cached', async () => {
    // a referrer of the document's own origin (another is dropped for about:client)
    const referrer = new URL(`/routes/?content=${ID}`, location.href).href;
    const w = cacheWorker();
    try {
      await expect(w.cache.add(new Request('http://cms.test/a', { headers: { 'Content-Language': ID } }))).rejects.toThrow(/refused/);
      await expect(w.cache.addAll([new Request('http://cms.test/b', { referrer })])).rejects.toThrow(/refused/);
    } finally {
      w.restore();
    }
    expect(w.cached).toEqual([]);
    expect(w.questions.map((q) => lowerNames(q.headers))).toEqual([[['content-language', ID]], [['referer', referrer]]]);
  });

  it('caches a clean Request with a harmless header, and a URL', async () => {
    const w = cacheWorker();
    try {
      await w.cache.add(new Request('http://cms.test/c', { headers: { 'Content-Language': 'zh-CN' } }));
      await w.cache.addAll(['/d']);
    } finally {
      w.restore();
    }
    expect(w.cached.map((r) => (typeof r === 'string' ? r : (r as Request).url))).toEqual(['http://cms.test/c', 'http://cms.test/d']);
    expect(w.questions.map((q) => lowerNames(q.headers))).toEqual([[['content-language', 'zh-CN']], []]);
  });
});
