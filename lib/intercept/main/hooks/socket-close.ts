/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * A WebSocket's close frame carries a reason of up to 123 bytes the page chooses: the fourteenth probe
 * closed a socket with the ID (`ws.close(4000, id)`, a WebSocketStream's `close({ reason })`, its
 * writable aborted or its readable cancelled with a `WebSocketError`) and the server read it. A reason
 * that may carry text is judged as a message on that socket before the frame can leave.
 */
import type { GuardChannel } from '../channel';
import { mayCarryText } from '../serialize';
import { once } from './once';
import { dictionaryOnce, isObject } from './copies';
import { apply, toText } from '../../../realm/intrinsics';

type PageWindow = Window & typeof globalThis;

/** Throws the socket hooks' refusal when `reason` may carry text the gate refuses. */
export type CloseJudge = (url: string, reason: string) => void;

export function closeJudge(win: PageWindow, channel: GuardChannel, refusal: (win: PageWindow, message?: string) => DOMException): CloseJudge {
  return (url, reason) => {
    if (!mayCarryText(reason)) return;
    const a = channel.askSync({ route: 'websocket.send', method: 'SEND', url, body: { kind: 'text', text: reason, contentType: 'text/plain' } });
    if (!a.pass) throw refusal(win, a.message);
  };
}

/** WebSocket.prototype.close(code, reason): the reason read once, judged, and that copy closed with. */
export function guardWebSocketClose(win: PageWindow, judge: CloseJudge, urlOf: (ws: WebSocket) => string): void {
  const proto = win.WebSocket.prototype;
  const close = proto.close;
  proto.close = function (this: WebSocket, ...args: [code?: number, reason?: string]) {
    if (args.length < 2 || args[1] === undefined) return apply(close, this, args);
    const reason = toText(once(args[1]));
    judge(urlOf(this), reason);
    apply(close, this, [args[0], reason]);
  };
}

/**
 * The text a WebSocketError hands the browser as its close reason (read from its internal slot, as the
 * browser reads it); '' for anything else, which closes without one.
 */
export function errorReason(win: PageWindow): (reason: unknown) => string {
  const Err = (win as unknown as Record<string, { prototype: object } | undefined>).WebSocketError;
  const get = Err ? Object.getOwnPropertyDescriptor(Err.prototype, 'reason')?.get : undefined;
  return (reason) => {
    if (!get || !isObject(reason)) return '';
    try {
      return toText(apply(get, reason, []));
    } catch {
      return '';
    }
  };
}

/** WebSocketStream.prototype.close({ closeCode, reason }): the options read once, the reason judged. */
export function guardStreamClose(win: PageWindow, judge: CloseJudge, proto: object, urlOf: (s: object) => string): void {
  const p = proto as { close?: (info?: unknown) => void };
  const close = p.close;
  if (typeof close !== 'function') return;
  p.close = function (this: object, pageInfo?: unknown) {
    if (!isObject(pageInfo)) return apply(close, this, pageInfo === undefined ? [] : [pageInfo]);
    const info = dictionaryOnce(pageInfo, ['closeCode', 'reason']);
    if (info.reason !== undefined) {
      info.reason = toText(once(info.reason));
      judge(urlOf(this), info.reason as string);
    }
    apply(close, this, [info]);
  };
}
