// @vitest-environment happy-dom
/* eslint-disable @typescript-eslint/unbound-method -- the browser's own methods are kept unbound and called on their XHR. */
/**
 * The worker prelude's XHR refusal, run in this test's global as if it were a worker's: a refused
 * request must end through the page's own error path without being opened a second time (in a
 * Firefox worker an XHR opened twice never fires another event: the page waited for ever).
 */
import { Blob as NodeBlob } from 'node:buffer';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKER_REFUSED_BLOB_TYPE } from '../../lib/gate/blob-text';
import { SCRIPT_TEXT_PATTERN } from '../../lib/gate/script-url-rules';
import { BASE64_TEXT_RUN } from '../../lib/gate/text-shape';
import { workerPrelude } from '../../lib/intercept/main/hooks/worker-prelude';

const MARKER = '__testGuardPort';
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

/** The prelude installed, its guard port answered by `verdict`. */
function guardedBy(verdict: { pass: boolean; message?: string }): void {
  workerPrelude('http://cms.test/worker.js', false, MARKER, SCRIPT_TEXT_PATTERN, WORKER_REFUSED_BLOB_TYPE, BASE64_TEXT_RUN);
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = (e: MessageEvent<{ id: number }>) => port1.postMessage({ id: e.data.id, answer: verdict });
  window.dispatchEvent(new MessageEvent('message', { data: { [MARKER]: true }, ports: [port2] }));
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
    const g = globalThis as unknown as { importScripts?: (...u: string[]) => void };
    const loaded: string[][] = [];
    g.importScripts = (...u: string[]) => void loaded.push(u);
    guardedBy({ pass: true });
    const load = g.importScripts;
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
  it('refuses a stylesheet Blob, even one whose type getter lies; other types get their URL', () => {
    // a worker's Blob has its type on the prototype, as Node's has (happy-dom's is an own field)
    const g = globalThis as unknown as { Blob: typeof globalThis.Blob };
    const HappyBlob = g.Blob;
    g.Blob = NodeBlob as unknown as typeof globalThis.Blob;
    const WorkerBlob = g.Blob;
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
    expect(URL.createObjectURL(new WorkerBlob(['x'], { type: 'image/png' }))).toMatch(/^blob:/);
    expect(URL.createObjectURL(new WorkerBlob(['<p>'], { type: 'text/html' }))).toMatch(/^blob:/);
    expect(made).toHaveLength(2);
    g.Blob = HappyBlob;
  });
});

describe("worker prelude: a socket's or an event stream's URL (it leaves at construction, before an answer)", () => {
  it('refuses a URL whose path or query could hold text outright, opens the rest', () => {
    const g = globalThis as unknown as Record<string, unknown>;
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
