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
import { dictionaryOnce, isObject, listOnce } from './copies';
import { add, apply, bare, joinText, keptWeakMap, sealed, sealedPromise, toText, ownIterator } from '../../../realm/intrinsics';
import { getter } from '../natives';
import { standIn } from './wrap';
import { closeJudge, errorReason, guardStreamClose, guardWebSocketClose } from './socket-close';

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
  const offered = joinText(protocols, ', ');
  const carries = offered !== '' && mayCarryText(offered);
  if (!urlMayCarryText(abs) && !carries) return;
  const a = channel.askSync({ route, method: 'GET', url: abs, body: { kind: 'none' }, ...(carries && { headers: [['sec-websocket-protocol', offered]] }) });
  if (!a.pass) throw refusal(win, a.message);
}

/**
 * Subprotocols as given (one string, or a list: any iterable), each read once; a list as a sequence
 * the browser walks itself (./copies.ts), so that the header that leaves holds the ones judged.
 */
function protocolsOnce(protocols: unknown): string[] | string | undefined {
  if (protocols === undefined) return undefined;
  const list = listOnce(protocols);
  if (!list) return toText(once(protocols));
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) add(out, toText(once(list[i])));
  return ownIterator(out);
}

/** The subprotocols protocolsOnce() made, as the judge's list. */
const offeredOf = (protocols: string[] | string | undefined): readonly string[] => (protocols === undefined ? [] : typeof protocols === 'string' ? [protocols] : protocols);

export function hookWebSocket(win: PageWindow, channel: GuardChannel, route: Outgoing['route'] = 'websocket'): void {
  const Original = win.WebSocket;
  if (typeof Original !== 'function') return;
  const urls = keptWeakMap<WebSocket, string>();
  // (a socket this hook did not make: another realm's, sent through this prototype's send)
  const urlOf = getter(Original.prototype, 'url');
  const Guarded = function (this: unknown, pageUrl: string | URL, pageProtocols?: string | string[]) {
    if (!new.target) throw new TypeError("Failed to construct 'WebSocket': Please use the 'new' operator");
    const url = toText(pageUrl);
    const protocols = protocolsOnce(pageProtocols);
    judgeUrl(win, channel, route, url, offeredOf(protocols));
    const ws = protocols === undefined ? new Original(url) : new Original(url, protocols);
    urls.set(ws, absoluteUrl(win, url));
    return ws;
  } as unknown as typeof WebSocket;
  standIn(win, 'WebSocket', Original, Guarded);

  guardSend<WebSocket>(win, channel, Original.prototype, (ws) => ({ route: route === 'websocket' ? 'websocket.send' : route, method: 'SEND', url: urls.get(ws) ?? toText(urlOf(ws)) }));
  guardWebSocketClose(win, closeJudge(win, channel, refusal), (ws) => urls.get(ws) ?? toText(urlOf(ws)));
}

type Sendable = string | ArrayBufferLike | Blob | ArrayBufferView;

/** Where the first message after a Blob waits: a promise whose then and constructor are the originals (a page can replace Promise and its then). */
const SETTLED = sealedPromise<void>((resolve) => resolve());

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
    // eslint-disable-next-line no-restricted-syntax -- a sealed promise: its own then is the original
    const next = (before ?? SETTLED).then(async () => {
      const a = await channel.ask(outgoing, s.blobs);
      if (a.pass) apply(send, this, [data]);
    });
    queue.set(this, sealed(next));
  };
}

type UrlCtor = (new (url: string | URL, init?: unknown) => object) & { prototype: object };

/** The members of each constructor's options the browser reads (EventSourceInit, WebSocketStreamOptions). */
const OPTIONS = { EventSource: ['withCredentials'], WebSocketStream: ['protocols', 'signal'] } as const;

/** A constructor whose URL leaves at once (an event stream's request, a WebSocketStream's handshake). */
function guardUrlConstructor(win: PageWindow, channel: GuardChannel, name: keyof typeof OPTIONS, route: Outgoing['route']): void {
  const w = win as unknown as Record<string, UrlCtor | undefined>;
  const Original = w[name];
  if (typeof Original !== 'function') return;
  const Guarded = function (this: unknown, pageUrl: string | URL, pageInit?: unknown) {
    if (!new.target) throw new TypeError(`Failed to construct '${name}': Please use the 'new' operator`);
    const url = toText(pageUrl);
    // The options read once, into a copy without a prototype that the browser gets: a getter of their
    // own or on Object.prototype answers the judge and the browser alike (a WebSocketStream's name its subprotocols).
    const copy = isObject(pageInit) ? dictionaryOnce(pageInit, OPTIONS[name]) : undefined;
    const protocols = copy && name === 'WebSocketStream' ? protocolsOnce(copy.protocols) : undefined;
    if (copy && protocols !== undefined) copy.protocols = protocols;
    const init = copy ?? pageInit;
    judgeUrl(win, channel, route, url, offeredOf(protocols));
    return init === undefined ? new Original(url) : new Original(url, init);
  } as unknown as UrlCtor;
  standIn(w, name, Original, Guarded);
}

export const hookEventSource = (win: PageWindow, channel: GuardChannel): void => guardUrlConstructor(win, channel, 'EventSource', 'eventsource');

interface StreamConnection {
  readable: ReadableStream;
  writable: WritableStream;
}

/** What a stream's end asks before it hands the browser the page's abort or cancel reason (a WebSocketError's close reason). */
interface Ends {
  judge: (url: string, reason: unknown) => void;
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
  const urlOf = getter(Ctor.prototype, 'url');
  guardUrlConstructor(win, channel, 'WebSocketStream', 'websocket');
  const rawOpened = opened.get;
  // Captured now: page code could replace them later to see the connection before it is guarded.
  const then = win.Promise.prototype.then;
  const writers = keptWriters(win);
  const readers = keptReaders(win);
  const judgeClose = closeJudge(win, channel, refusal);
  const reasonOf = errorReason(win);
  const ends: Ends = { judge: (url, reason) => judgeClose(url, reasonOf(reason)) };
  guardStreamClose(win, judgeClose, Ctor.prototype, (st) => toText(urlOf(st) ?? ''));
  const guarded = keptWeakMap<object, Promise<unknown>>();
  Object.defineProperty(Ctor.prototype, 'opened', {
    ...opened,
    get(this: object) {
      let p = guarded.get(this);
      if (!p) {
        const url = toText(urlOf(this) ?? '');
        const raw = apply(rawOpened, this, []) as Promise<StreamConnection>;
        const guard = (c: StreamConnection) => ({ ...c, readable: guardedReadable(readers, ends, url, c.readable), writable: guardedWritable(win, channel, writers, ends, url, c.writable) });
        guarded.set(this, (p = apply(then, raw, [guard])));
      }
      return p;
    },
  });
}

/**
 * WritableStream and its writer as they were at install. Looked up when a connection opens or a chunk
 * is written, a page's getWriter or write would be handed the browser's own stream or writer, and
 * could write to it past the judge.
 */
interface Writers {
  Writable: typeof WritableStream;
  getWriter: (this: WritableStream) => WritableStreamDefaultWriter;
  write: (this: WritableStreamDefaultWriter, chunk: unknown) => Promise<void>;
  close: (this: WritableStreamDefaultWriter) => Promise<void>;
  abort: (this: WritableStreamDefaultWriter, reason: unknown) => Promise<void>;
}

function keptWriters(win: PageWindow): Writers {
  const writer = win.WritableStreamDefaultWriter.prototype;
  return { Writable: win.WritableStream, getWriter: win.WritableStream.prototype.getWriter, write: writer.write, close: writer.close, abort: writer.abort };
}

/** ReadableStream and its reader as they were at install (as Writers, for the same reason). */
interface Readers {
  Readable: typeof ReadableStream;
  getReader: (this: ReadableStream) => ReadableStreamDefaultReader;
  read: (this: ReadableStreamDefaultReader) => Promise<ReadableStreamReadResult<unknown>>;
  cancel: (this: ReadableStreamDefaultReader, reason: unknown) => Promise<void>;
}

function keptReaders(win: PageWindow): Readers {
  const reader = win.ReadableStreamDefaultReader.prototype;
  return { Readable: win.ReadableStream, getReader: win.ReadableStream.prototype.getReader, read: reader.read, cancel: reader.cancel };
}

/**
 * A readable in front of `raw`: cancelling it with a WebSocketError closes the connection with that
 * error's reason (the probe's ID reached the server so), judged first. Chunks pass as they come.
 */
function guardedReadable(kept: Readers, ends: Ends, url: string, raw: ReadableStream): ReadableStream {
  const reader = apply(kept.getReader, raw, []);
  const source: UnderlyingDefaultSource = bare({
      async pull(controller: ReadableStreamDefaultController) {
        const r = await apply(kept.read, reader, []);
        if (r.done) controller.close();
        else controller.enqueue(r.value);
      },
      cancel: (reason: unknown) => {
        ends.judge(url, reason);
        return apply(kept.cancel, reader, [reason]);
      },
    });
  return new kept.Readable(source);
}

/** A writable in front of `raw` that writes each chunk only once the gate let it pass. */
function guardedWritable(win: PageWindow, channel: GuardChannel, kept: Writers, ends: Ends, url: string, raw: WritableStream): WritableStream {
  const writer = apply(kept.getWriter, raw, []);
  // without a prototype: the browser reads start and type of it too, which the page could put on Object.prototype
  return new kept.Writable(
    bare({
      async write(pageChunk: unknown) {
        const chunk = bodyOnce(pageChunk);
        const s = serializeBody(win, chunk);
        const a = await channel.ask({ route: 'websocket.send', method: 'SEND', url, body: s.body }, s.blobs);
        if (!a.pass) throw refusal(win, a.message);
        await apply(kept.write, writer, [chunk]);
      },
      close: () => apply(kept.close, writer, []),
      abort: (reason: unknown) => {
        ends.judge(url, reason);
        return apply(kept.abort, writer, [reason]);
      },
    }),
  );
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
  standIn(w, 'WebTransport', Original, Refused);
}
