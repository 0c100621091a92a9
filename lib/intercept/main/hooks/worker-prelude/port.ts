/* eslint-disable @typescript-eslint/unbound-method -- the worker's originals are kept unbound and called on their own target. */
import type { Answer, Done, Headers2, Kit } from './kit';

/**
 * The questions to the page's guard, through the methods of the ports this realm makes, and the
 * answers as the hooks read them. Questions asked before the guard's port came wait for it.
 */
export function askThroughPort(k: Kit): void {
  const { apply, own, add, toText, read, URL0, scriptUrl, Promise0, sealed } = k;
  const portProto = k.protoOf(new MessageChannel().port1) as MessagePort;
  const postOn = portProto.postMessage;
  const setOnMessage = k.lookup(portProto, 'onmessage')!.set!;
  const eventData = k.getter(MessageEvent.prototype, 'data');
  const hrefOf = k.getter(URL0.prototype, 'href');
  let port: MessagePort | null = null;
  let waiting: (() => void)[] = [];
  let nextId = 1;
  /** Who waits for which answer, in an object without a prototype (no Map method for the script to replace). */
  const pending = { __proto__: null } as unknown as Record<number, Done>;
  k.refused = (m) => new DOMException(m ?? '发布前预检：此请求含有须处理的内容，已阻止', 'SecurityError');
  /** `u` made absolute against the real script, its string taken once (an object's toString can answer otherwise the second time). */
  k.abs = (u) => {
    const text = toText(u);
    try {
      return toText(hrefOf(new URL0(text, scriptUrl)));
    } catch {
      return text;
    }
  };
  const portable = (body: unknown): unknown => {
    const entries = read.formEntries(body);
    if (entries) return { formData: entries };
    const params = read.paramsText(body);
    if (params !== undefined) return params;
    if (read.isStream(body)) return { opaque: 'ReadableStream' };
    return body;
  };
  /** Asks the page's guard, once its port came; `done` gets the answer. */
  const ask = (route: string, method: string, url: string, body: unknown, headers: Headers2, done: Done): void => {
    const send = () => {
      const id = nextId++;
      pending[id] = done;
      apply(postOn, port, [{ id, route, method, url, body: portable(body), headers }]);
    };
    if (port) send();
    else add(waiting, send);
  };
  k.ask = ask;
  /** ask() for a hook that awaits its answer. */
  k.asked = (route, method, url, body, headers = []) => sealed(new Promise0<Answer>((resolve) => ask(route, method, url, body, headers, resolve)));
  /**
   * The page's answer as a hook reads it: only what the page sent, in an object without a prototype
   * (an inherited `pass`, or a `then` that makes it a thenable the script resolves, is not there).
   */
  const answerOf = (raw: unknown): Answer => {
    const message = own(raw, 'message');
    return { __proto__: null, pass: own(raw, 'pass') === true, message: typeof message === 'string' ? message : undefined } as unknown as Answer;
  };
  const hear = (e: MessageEvent) => {
    const d = eventData(e);
    const id = own(d, 'id') as number;
    const done = pending[id];
    delete pending[id];
    if (done) done(answerOf(own(d, 'answer')));
  };
  /** The guard's port came (takeGuardPort()): the questions that waited are asked. */
  k.portTaken = (p) => {
    port = p;
    apply(setOnMessage, p, [hear]);
    const now = waiting;
    waiting = [];
    for (let i = 0; i < now.length; i++) now[i]!();
  };
}

/**
 * The guard's port comes in the first message the page posts to this worker (workers.ts posts it as
 * it makes the worker), or to a shared worker's connection. Only that first message, and only as
 * the browser delivered it (isTrusted, an own property no script can redefine): the worker's script
 * could dispatch one of its own with the marker and a port it answers itself, and the page could post
 * one later.
 */
export function takeGuardPort(k: Kit): void {
  const { apply, own, g, marker } = k;
  const portProto = k.protoOf(new MessageChannel().port1) as MessagePort;
  const startPort = portProto.start;
  const listenPort = portProto.addEventListener;
  const unlistenPort = portProto.removeEventListener;
  const unlistenGlobal = g.removeEventListener;
  const eventData = k.getter(MessageEvent.prototype, 'data');
  const eventPorts = k.getter(MessageEvent.prototype, 'ports');
  const stopEvent = Event.prototype.stopImmediatePropagation;
  const firstMessage = (target: EventTarget, unlisten: EventTarget['removeEventListener']) => {
    const first = (e: MessageEvent) => {
      if (e.isTrusted !== true) return;
      apply(unlisten, target, ['message', first]);
      const given = eventPorts(e) as readonly MessagePort[] | null;
      const p = given ? given[0] : undefined;
      if (own(eventData(e), marker) !== true || !p) return;
      apply(stopEvent, e, []);
      k.portTaken(p);
    };
    return first;
  };
  g.addEventListener('message', firstMessage(g, unlistenGlobal) as EventListener);
  g.addEventListener('connect', (e: Event) => {
    if (e.isTrusted !== true) return;
    const given = eventPorts(e) as readonly MessagePort[] | null;
    const p = given ? given[0] : undefined;
    if (!p) return;
    apply(listenPort, p, ['message', firstMessage(p, unlistenPort)]);
    apply(startPort, p, []);
  });
}
