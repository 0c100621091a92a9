/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * WebSocket (the URL and every message) and EventSource (the URL). A refusal throws a SecurityError,
 * as the browser does for a connection its policy forbids, so the page's own error handling runs.
 */
import type { Outgoing } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { mayCarryText, serializeBody, urlMayCarryText } from '../serialize';
import { bodyOnce, once } from './once';
import { absoluteUrl } from './network';
import { apply, keptWeakMap } from '../../../realm/intrinsics';

type PageWindow = Window & typeof globalThis;

export function refusal(win: PageWindow, message?: string): DOMException {
  return new win.DOMException(message ?? '发布前预检：此连接含有须处理的内容，已阻止', 'SecurityError');
}

/**
 * A connection's URL and the subprotocols it asks for (they leave in the handshake's
 * Sec-WebSocket-Protocol header: a probe sent the ID as one), judged before it is made.
 */
function judgeUrl(win: PageWindow, channel: GuardChannel, route: Outgoing['route'], url: string, protocols: readonly string[] = []): void {
  const abs = absoluteUrl(win, url);
  const offered = protocols.join(', ');
  const carries = offered !== '' && mayCarryText(offered);
  if (!urlMayCarryText(abs) && !carries) return;
  const a = channel.askSync({ route, method: 'GET', url: abs, body: { kind: 'none' }, ...(carries && { headers: [['sec-websocket-protocol', offered]] }) });
  if (!a.pass) throw refusal(win, a.message);
}

/** Subprotocols as given (one string, a list, any iterable), each read once. */
function protocolsOnce(protocols: unknown): string[] | string | undefined {
  if (protocols === undefined) return undefined;
  if (typeof protocols === 'object' && protocols !== null && Symbol.iterator in protocols) return Array.from(protocols as Iterable<unknown>, (p) => String(once(p)));
  return String(once(protocols));
}

export function hookWebSocket(win: PageWindow, channel: GuardChannel, route: Outgoing['route'] = 'websocket'): void {
  const Original = win.WebSocket;
  if (typeof Original !== 'function') return;
  const urls = keptWeakMap<WebSocket, string>();
  const Guarded = function (this: unknown, pageUrl: string | URL, pageProtocols?: string | string[]) {
    if (!new.target) throw new TypeError("Failed to construct 'WebSocket': Please use the 'new' operator");
    const url = String(pageUrl);
    const protocols = protocolsOnce(pageProtocols);
    judgeUrl(win, channel, route, url, protocols === undefined ? [] : [protocols].flat());
    const ws = protocols === undefined ? new Original(url) : new Original(url, protocols);
    urls.set(ws, absoluteUrl(win, url));
    return ws;
  } as unknown as typeof WebSocket;
  Guarded.prototype = Original.prototype;
  Object.setPrototypeOf(Guarded, Original);
  win.WebSocket = Guarded;

  guardSend<WebSocket>(win, channel, Original.prototype, (ws) => ({ route: route === 'websocket' ? 'websocket.send' : route, method: 'SEND', url: urls.get(ws) ?? ws.url }));
}

type Sendable = string | ArrayBufferLike | Blob | ArrayBufferView;

/**
 * Judges every message `proto.send` sends (a WebSocket's, a WebRTC data channel's): refused with a
 * SecurityError. A Blob message is read first; later messages wait behind it so the order stays the
 * page's.
 */
export function guardSend<T extends object>(win: PageWindow, channel: GuardChannel, proto: { send(data: Sendable): void }, about: (self: T) => Omit<Outgoing, 'body'>): void {
  const send = proto.send;
  const queue = keptWeakMap<T, Promise<void>>();
  proto.send = function (this: T, pageData: Sendable) {
    // sent after a Blob before it is read: a copy the page cannot change meanwhile
    const data = bodyOnce(pageData) as Sendable;
    const s = serializeBody(win, data);
    const outgoing: Outgoing = { ...about(this), body: s.body };
    const before = queue.get(this);
    if (s.blobs.length === 0 && !before) {
      const a = channel.askSync(outgoing);
      if (!a.pass) throw refusal(win, a.message);
      return apply(send, this, [data]);
    }
    const next = (before ?? Promise.resolve()).then(async () => {
      const a = await channel.ask(outgoing, s.blobs);
      if (a.pass) apply(send, this, [data]);
    });
    queue.set(this, next);
  };
}

type UrlCtor = (new (url: string | URL, init?: unknown) => object) & { prototype: object };

/** A constructor whose URL leaves at once (an event stream's request, a WebSocketStream's handshake). */
function guardUrlConstructor(win: PageWindow, channel: GuardChannel, name: 'EventSource' | 'WebSocketStream', route: Outgoing['route']): void {
  const w = win as unknown as Record<string, UrlCtor | undefined>;
  const Original = w[name];
  if (typeof Original !== 'function') return;
  const Guarded = function (this: unknown, pageUrl: string | URL, pageInit?: unknown) {
    if (!new.target) throw new TypeError(`Failed to construct '${name}': Please use the 'new' operator`);
    const url = String(pageUrl);
    // a WebSocketStream's options name its subprotocols
    const given = pageInit !== null && typeof pageInit === 'object' ? (pageInit as { protocols?: unknown }) : undefined;
    const protocols = protocolsOnce(given?.protocols);
    const init = given && protocols !== undefined ? { ...given, protocols: [protocols].flat() } : pageInit;
    judgeUrl(win, channel, route, url, protocols === undefined ? [] : [protocols].flat());
    return init === undefined ? new Original(url) : new Original(url, init);
  } as unknown as UrlCtor;
  Guarded.prototype = Original.prototype;
  Object.setPrototypeOf(Guarded, Original);
  w[name] = Guarded;
}

export const hookEventSource = (win: PageWindow, channel: GuardChannel): void => guardUrlConstructor(win, channel, 'EventSource', 'eventsource');

interface StreamConnection {
  writable: WritableStream;
}

/**
 * WebSocketStream (Chromium): its URL leaves with the handshake, as a WebSocket's does, and every
 * message written to the connection's writable is judged as a WebSocket message is. The prototype's
 * `opened` getter hands out a writable of Precheck's in front of the browser's (made once per
 * stream), so no reading of `opened` reaches the browser's own writable.
 */
export function hookWebSocketStream(win: PageWindow, channel: GuardChannel): void {
  const Ctor = (win as unknown as Record<string, UrlCtor | undefined>).WebSocketStream;
  if (typeof Ctor !== 'function') return;
  const opened = Object.getOwnPropertyDescriptor(Ctor.prototype, 'opened');
  if (!opened?.get) return;
  const urlOf = Object.getOwnPropertyDescriptor(Ctor.prototype, 'url')?.get;
  guardUrlConstructor(win, channel, 'WebSocketStream', 'websocket');
  const rawOpened = opened.get;
  // Captured now: page code could replace them later to see the connection before it is guarded.
  const then = win.Promise.prototype.then;
  const Writable = win.WritableStream;
  const guarded = keptWeakMap<object, Promise<unknown>>();
  Object.defineProperty(Ctor.prototype, 'opened', {
    ...opened,
    get(this: object) {
      let p = guarded.get(this);
      if (!p) {
        const url = String(urlOf?.call(this) ?? '');
        const raw = apply(rawOpened, this, []) as Promise<StreamConnection>;
        guarded.set(this, (p = apply(then, raw, [(c: StreamConnection) => ({ ...c, writable: guardedWritable(win, channel, Writable, url, c.writable) })])));
      }
      return p;
    },
  });
}

/** A writable in front of `raw` that writes each chunk only once the gate let it pass. */
function guardedWritable(win: PageWindow, channel: GuardChannel, Writable: typeof WritableStream, url: string, raw: WritableStream): WritableStream {
  const writer = raw.getWriter();
  return new Writable({
    async write(pageChunk: unknown) {
      const chunk = bodyOnce(pageChunk);
      const s = serializeBody(win, chunk);
      const a = await channel.ask({ route: 'websocket.send', method: 'SEND', url, body: s.body }, s.blobs);
      if (!a.pass) throw refusal(win, a.message);
      await writer.write(chunk);
    },
    close: () => writer.close(),
    abort: (reason: unknown) => writer.abort(reason),
  });
}

export { judgeUrl };

/**
 * WebTransport (Chromium): datagrams and streams written after the handshake, a surface a CMS admin
 * page never uses. Refused whole rather than judged piecemeal, as speculation rules are.
 */
export function refuseWebTransport(win: PageWindow): void {
  const w = win as unknown as Record<string, unknown>;
  if (typeof w.WebTransport !== 'function') return;
  const Original = w.WebTransport as { prototype: object };
  const Refused = function () {
    throw refusal(win, '发布前预检：此页面不能建立 WebTransport 连接（其发送的内容无法检查），已阻止');
  };
  Refused.prototype = Original.prototype;
  w.WebTransport = Refused;
}
