/* eslint-disable @typescript-eslint/unbound-method -- the worker's originals are kept unbound and called on their own target. */
import type { Kit } from './kit';

/** A WebSocket's URL and subprotocols judged by their shape as it is made (./url-shapes.ts), each message asked about. */
export function hookWebSocket(k: Kit): void {
  const WS = k.g.WebSocket as typeof WebSocket | undefined;
  if (!WS) return;
  const { apply, read, ask, toText, abs, startsWith, slice, mayCarryText, joinText, refused, sequence } = k;
  const send = WS.prototype.send;
  const wsUrl = k.describe(WS.prototype, 'url')?.get;
  WS.prototype.send = function (this: WebSocket, pageData: string | ArrayBufferLike | Blob | ArrayBufferView) {
    const data = read.bodyOnce(pageData);
    ask('worker.websocket', 'SEND', toText(wsUrl ? apply(wsUrl, this, []) : this.url), data, [], (a) => void (a.pass && apply(send, this, [data])));
  };
  // A close frame's reason leaves with the page's text (a probe closed with the ID); no answer could
  // come in time from here: refused when it may carry text, as a URL with a query is.
  const close = WS.prototype.close;
  WS.prototype.close = function (this: WebSocket, code?: number, pageReason?: string) {
    if (pageReason === undefined) return apply(close, this, [code]);
    const reason = toText(pageReason);
    if (mayCarryText(reason)) throw refused('发布前预检：工作线程中带文字的关闭原因无法检查，已阻止');
    apply(close, this, [code, reason]);
  };
  const Guarded = function (url: string | URL, pageProtocols?: string | string[]) {
    const u = abs(url);
    const wsAt = startsWith(u, 'http') ? 'ws' + slice(u, 4) : u;
    // subprotocols leave in the handshake's header: read once, refused when they may carry text, and
    // handed on as a sequence of this copy (read through the script's iterator, an array could say otherwise)
    const protocols = k.protocolsOnce(pageProtocols);
    if (mayCarryText(wsAt) || (protocols !== undefined && mayCarryText('/' + joinText(protocols, '/')))) throw refused('发布前预检：工作线程中带参数的连接无法检查，已阻止');
    return protocols === undefined ? new WS(wsAt) : new WS(wsAt, sequence(protocols) as string[]);
  } as unknown as typeof WebSocket;
  k.constructorInPlace('WebSocket', WS, Guarded);
}

/**
 * A data channel the page transferred here (Chromium and Firefox allow it) sends from this worker,
 * past the page's hook; an event stream's URL is judged by its shape; what a WebSocketStream or a
 * WebTransport writes after its handshake cannot be asked about from here in time: refused whole in
 * a worker (the page judges a WebSocketStream's writes).
 */
export function hookStreams(k: Kit): void {
  const { g, apply, read, ask, toText, encodeUri, abs, mayCarryText, refused } = k;
  const DC = g.RTCDataChannel as typeof RTCDataChannel | undefined;
  if (DC) {
    const send = DC.prototype.send as (this: RTCDataChannel, data: unknown) => void;
    const dcLabel = k.describe(DC.prototype, 'label')?.get;
    DC.prototype.send = function (this: RTCDataChannel, pageData: string | Blob | ArrayBuffer | ArrayBufferView) {
      const data = read.bodyOnce(pageData);
      const label = toText(dcLabel ? apply(dcLabel, this, []) : this.label);
      ask('webrtc', 'SEND', 'webrtc:data-channel:' + encodeUri(label), data, [], (a) => void (a.pass && apply(send, this, [data])));
    };
  }
  if (typeof g.EventSource === 'function') {
    const ES = g.EventSource;
    const Guarded = function (url: string | URL, init?: EventSourceInit) {
      const u = abs(url);
      if (mayCarryText(u)) throw refused('发布前预检：工作线程中带参数的连接无法检查，已阻止');
      return new ES(u, init);
    } as unknown as typeof EventSource;
    k.constructorInPlace('EventSource', ES, Guarded);
  }
  // eslint-disable-next-line no-restricted-syntax -- the prelude's start, before the worker's script
  for (const name of ['WebSocketStream', 'WebTransport']) {
    if (typeof g[name] === 'function') {
      g[name] = function () {
        throw refused(`发布前预检：工作线程中不能使用 ${name}，已阻止`);
      };
    }
  }
}
