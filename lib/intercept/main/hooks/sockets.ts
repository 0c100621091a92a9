/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * WebSocket (the URL and every message) and EventSource (the URL). A refusal throws a SecurityError,
 * as the browser does for a connection its policy forbids, so the page's own error handling runs.
 */
import type { Outgoing } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { serializeBody, urlMayCarryText } from '../serialize';
import { absoluteUrl } from './network';

type PageWindow = Window & typeof globalThis;

export function refusal(win: PageWindow, message?: string): DOMException {
  return new win.DOMException(message ?? '发布前预检：此连接含有须处理的内容，已阻止', 'SecurityError');
}

function judgeUrl(win: PageWindow, channel: GuardChannel, route: Outgoing['route'], url: string): void {
  const abs = absoluteUrl(win, url);
  if (!urlMayCarryText(abs)) return;
  const a = channel.askSync({ route, method: 'GET', url: abs, body: { kind: 'none' } });
  if (!a.pass) throw refusal(win, a.message);
}

export function hookWebSocket(win: PageWindow, channel: GuardChannel, route: Outgoing['route'] = 'websocket'): void {
  const Original = win.WebSocket;
  if (typeof Original !== 'function') return;
  const urls = new WeakMap<WebSocket, string>();
  const Guarded = function (this: unknown, url: string | URL, protocols?: string | string[]) {
    if (!new.target) throw new TypeError("Failed to construct 'WebSocket': Please use the 'new' operator");
    judgeUrl(win, channel, route, String(url));
    const ws = protocols === undefined ? new Original(url) : new Original(url, protocols);
    urls.set(ws, absoluteUrl(win, String(url)));
    return ws;
  } as unknown as typeof WebSocket;
  Guarded.prototype = Original.prototype;
  Object.setPrototypeOf(Guarded, Original);
  win.WebSocket = Guarded;

  const send = Original.prototype.send;
  const queue = new WeakMap<WebSocket, Promise<void>>();
  Original.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
    const url = urls.get(this) ?? this.url;
    const s = serializeBody(win, data);
    const outgoing: Outgoing = { route: route === 'websocket' ? 'websocket.send' : route, method: 'SEND', url, body: s.body };
    const before = queue.get(this);
    if (s.blobs.length === 0 && !before) {
      const a = channel.askSync(outgoing);
      if (!a.pass) throw refusal(win, a.message);
      return send.call(this, data);
    }
    // A Blob message is read first; later messages wait behind it so the order stays the page's.
    const next = (before ?? Promise.resolve()).then(async () => {
      const a = await channel.ask(outgoing, s.blobs);
      if (a.pass) send.call(this, data);
    });
    queue.set(this, next);
  };
}

/** WebSocketStream (Chromium): its URL leaves with the handshake, as a WebSocket's does. */
export function hookWebSocketStream(win: PageWindow, channel: GuardChannel): void {
  type Ctor = (new (url: string | URL, options?: unknown) => object) & { prototype: object };
  const w = win as unknown as { WebSocketStream?: Ctor };
  const Original = w.WebSocketStream;
  if (typeof Original !== 'function') return;
  const Guarded = function (this: unknown, url: string | URL, options?: unknown) {
    if (!new.target) throw new TypeError("Failed to construct 'WebSocketStream': Please use the 'new' operator");
    judgeUrl(win, channel, 'websocket', String(url));
    return new Original(url, options);
  } as unknown as Ctor;
  Guarded.prototype = Original.prototype;
  Object.setPrototypeOf(Guarded, Original);
  w.WebSocketStream = Guarded;
}

export function hookEventSource(win: PageWindow, channel: GuardChannel): void {
  const Original = win.EventSource;
  if (typeof Original !== 'function') return;
  const Guarded = function (this: unknown, url: string | URL, init?: EventSourceInit) {
    if (!new.target) throw new TypeError("Failed to construct 'EventSource': Please use the 'new' operator");
    judgeUrl(win, channel, 'eventsource', String(url));
    return new Original(url, init);
  } as unknown as typeof EventSource;
  Guarded.prototype = Original.prototype;
  Object.setPrototypeOf(Guarded, Original);
  win.EventSource = Guarded;
}

export { judgeUrl };
