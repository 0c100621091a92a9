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

type UrlCtor = (new (url: string | URL, init?: unknown) => object) & { prototype: object };

/** A constructor whose URL leaves at once (an event stream's request, a WebSocketStream's handshake). */
function guardUrlConstructor(win: PageWindow, channel: GuardChannel, name: 'EventSource' | 'WebSocketStream', route: Outgoing['route']): void {
  const w = win as unknown as Record<string, UrlCtor | undefined>;
  const Original = w[name];
  if (typeof Original !== 'function') return;
  const Guarded = function (this: unknown, url: string | URL, init?: unknown) {
    if (!new.target) throw new TypeError(`Failed to construct '${name}': Please use the 'new' operator`);
    judgeUrl(win, channel, route, String(url));
    return init === undefined ? new Original(url) : new Original(url, init);
  } as unknown as UrlCtor;
  Guarded.prototype = Original.prototype;
  Object.setPrototypeOf(Guarded, Original);
  w[name] = Guarded;
}

export const hookEventSource = (win: PageWindow, channel: GuardChannel): void => guardUrlConstructor(win, channel, 'EventSource', 'eventsource');

/** WebSocketStream (Chromium): its URL leaves with the handshake, as a WebSocket's does. */
export const hookWebSocketStream = (win: PageWindow, channel: GuardChannel): void => guardUrlConstructor(win, channel, 'WebSocketStream', 'websocket');

export { judgeUrl };
