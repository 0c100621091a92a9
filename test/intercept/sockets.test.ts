// @vitest-environment node
/**
 * WebSocket and WebSocketStream with the page's built-ins replaced: the subprotocols and options the
 * browser reads are the ones judged (they leave in the handshake's Sec-WebSocket-Protocol header), and
 * a stream's writes never hand the page the browser's own writer; a close frame's reason (it leaves with
 * the page's text) is judged, and the browser closes with the copy that was.
 */
import { describe, expect, test } from 'vitest';
import { hookWebSocket, hookWebSocketStream } from '../../lib/intercept/main/hooks/sockets';
import { ID, judgingChannel, walked } from './page-fakes';
import { ARRAY_ITERATOR, inheritedFlip, outcomeOf, poison, whilePoisonedAsync } from '../realm/poison';

type PageWindow = Window & typeof globalThis;

/** Chromium's WebSocketError: the browser reads its close reason from an internal slot (here a private field). */
class CloseError extends Error {
  #reason: string;
  constructor(message: string, init: { reason?: string } = {}) {
    super(message);
    this.#reason = init.reason ?? '';
  }
  get reason() {
    return this.#reason;
  }
}

/** A window whose sockets keep what a browser would read of their subprotocols and options. */
function socketWindow() {
  // without a prototype: a setter the case put on Object.prototype must not swallow what is recorded
  const browser: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  /** (DOMString or sequence<DOMString>): a list walked by its iterator, as WebIDL does */
  const offered = (p: unknown) => (typeof p === 'object' && p !== null ? walked(p) : p);
  class Socket {
    constructor(_url: string, protocols?: unknown) {
      browser.protocols = offered(protocols);
    }
    get url() {
      return 'wss://cms.example/ws';
    }
    send() {}
    close(code?: number, reason?: string) {
      browser.closed = [code, reason];
    }
  }
  const sent: unknown[] = [];
  class Stream {
    constructor(_url: string, options?: { protocols?: unknown }) {
      browser.protocols = offered(options?.protocols);
    }
    get url() {
      return 'wss://cms.example/wss';
    }
    get opened() {
      const writable = new WritableStream({ write: (chunk) => void (sent[sent.length] = chunk), abort: (reason) => void (browser.aborted = reason) });
      const readable = new ReadableStream({ cancel: (reason) => void (browser.cancelled = reason) });
      return Promise.resolve({ readable, writable });
    }
    close(info?: unknown) {
      browser.closed = info;
    }
  }
  const win = {
    WebSocket: Socket,
    WebSocketStream: Stream,
    WritableStream,
    WritableStreamDefaultWriter,
    ReadableStream,
    ReadableStreamDefaultReader,
    WebSocketError: CloseError,
    document: { baseURI: 'https://cms.example/admin/' },
    DOMException,
    Promise,
  } as unknown as PageWindow;
  hookWebSocket(win, judgingChannel());
  hookWebSocketStream(win, judgingChannel());
  return { win, browser, sent };
}

const WS = (win: PageWindow, protocols: unknown) => new win.WebSocket('wss://cms.example/ws', protocols as string[]);
const WSS = (win: PageWindow, options: object) => new (win as unknown as { WebSocketStream: new (url: string, o: object) => object }).WebSocketStream('wss://cms.example/wss', options);

const CASES: [label: string, poisoned: () => void, call: (win: PageWindow) => unknown, saw: Record<string, unknown>, result: string][] = [
  ['Array.prototype.join replaced: a subprotocol is judged', () => poison(Array.prototype, 'join', () => ''), (win) => WS(win, [`p-${ID}`]), {}, 'refused: SecurityError'],
  ['Array.prototype.flat replaced: a subprotocol is judged', () => poison(Array.prototype, 'flat', () => []), (win) => WS(win, ['chat', `p-${ID}`]), {}, 'refused: SecurityError'],
  [
    "the array iterator hands the browser a subprotocol of the page's",
    () => {
      let n = 0;
      poison(ARRAY_ITERATOR, 'next', () => (n++ % 2 === 0 ? { done: false, value: `p-${ID}` } : { done: true, value: undefined }));
    },
    (win) => WS(win, ['chat']),
    { protocols: ['chat'] },
    'ok',
  ],
  ["a WebSocketStream's subprotocols with join replaced", () => poison(Array.prototype, 'join', () => ''), (win) => WSS(win, { protocols: [`p-${ID}`] }), {}, 'refused: SecurityError'],
  [
    'Object.prototype.protocols answers undefined to the judge and a list to the browser',
    () => inheritedFlip('protocols', undefined, [`p-${ID}`]),
    (win) => WSS(win, {}),
    { protocols: undefined },
    'ok',
  ],
  [
    "an options getter of the page's own answers once",
    () => undefined,
    (win) => {
      let n = 0;
      return WSS(win, { get protocols() { return n++ ? [`p-${ID}`] : undefined; } });
    },
    { protocols: undefined },
    'ok',
  ],
];

describe('sockets with the page’s built-ins replaced: the browser offers what was judged', () => {
  test.each(CASES)('%s', async (_label, poisoned, call, saw, result) => {
    const { win, browser } = socketWindow();
    expect(await outcomeOf(poisoned, () => call(win))).toBe(result);
    expect(browser).toEqual(saw);
  });

  test.each([
    ['WritableStream.prototype.getWriter', WritableStream.prototype, 'getWriter'],
    ['WritableStreamDefaultWriter.prototype.write', WritableStreamDefaultWriter.prototype, 'write'],
  ] as const)('%s replaced: the page is never handed the browser’s own stream or writer', async (_label, proto, name) => {
    const { win, sent } = socketWindow();
    const original = Reflect.get(proto, name) as (...a: unknown[]) => unknown;
    const handed: unknown[] = [];
    const page = await whilePoisonedAsync(
      () =>
        poison(proto, name, function (this: unknown, ...args: unknown[]) {
          handed[handed.length] = this;
          return Reflect.apply(original, this, args);
        }),
      async () => {
        const { writable } = await (WSS(win, {}) as { opened: Promise<{ writable: WritableStream }> }).opened;
        const writer = writable.getWriter();
        await writer.write('hello');
        return { getWriter: writable, write: writer };
      },
    );
    // only the page's own call on what it holds: the guard asked through the methods kept at install
    expect(handed.length).toBe(1);
    expect(handed[0]).toBe(page[name]);
    expect(sent).toEqual(['hello']);
  });
});

describe("a close frame's reason", () => {
  type Stream = { opened: Promise<{ readable: ReadableStream; writable: WritableStream }>; close(info?: object): void };
  const CLOSES: [label: string, call: (win: PageWindow) => unknown, saw: Record<string, unknown>, result: string][] = [
    ['ws.close(4000, ID) is refused', (win) => WS(win, undefined).close(4000, ID), {}, 'refused: SecurityError'],
    ['a clean reason closes as given', (win) => WS(win, undefined).close(4000, '编辑完成'), { closed: [4000, '编辑完成'] }, 'ok'],
    [
      'a reason whose toString answers twice: the browser gets the judged copy',
      (win) => {
        let n = 0;
        WS(win, undefined).close(4000, { toString: () => (n++ ? ID : 'bye') } as unknown as string);
      },
      { closed: [4000, 'bye'] },
      'ok',
    ],
    ["a WebSocketStream's close({ reason: ID }) is refused", (win) => (WSS(win, {}) as Stream).close({ closeCode: 4000, reason: ID }), {}, 'refused: SecurityError'],
    ["its writable aborted with a WebSocketError carrying the ID is refused", async (win) => (await (WSS(win, {}) as Stream).opened).writable.abort(new CloseError('x', { reason: ID })), {}, 'refused: SecurityError'],
    ["its readable cancelled with one is refused", async (win) => (await (WSS(win, {}) as Stream).opened).readable.cancel(new CloseError('x', { reason: ID })), {}, 'refused: SecurityError'],
    ["a clean WebSocketError cancels as given", async (win) => (await (WSS(win, {}) as Stream).opened).readable.cancel(new CloseError('x', { reason: 'bye' })), { cancelled: new CloseError('x', { reason: 'bye' }) }, 'ok'],
  ];
  test.each(CLOSES)('%s', async (_label, call, saw, result) => {
    const { win, browser } = socketWindow();
    expect(await outcomeOf(() => undefined, () => call(win))).toBe(result);
    delete browser.protocols;
    expect(browser).toEqual(saw);
  });
});
