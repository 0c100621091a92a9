/* eslint-disable @typescript-eslint/unbound-method -- the worker's originals are kept unbound and called on their own target. */
/**
 * Runs first inside every worker the page starts (its source is this function's text, so it imports
 * nothing and uses only worker globals). It routes the worker's fetch, XHR, WebSocket, EventSource and
 * importScripts through the page's guard over a MessagePort the page hands over before any message of
 * its own, then loads the worker's real script. Relative URLs keep resolving against the real script.
 *
 * The worker's script runs after this function has set up and can replace whatever the hooks would
 * use later: Promise.prototype.then, Map's methods, Array.prototype.push, an iterator's next,
 * RegExp.prototype.exec, String.prototype's methods, MessagePort.prototype.postMessage, the onmessage
 * setter, MessageEvent's data getter, or put `then` or `body` on Object.prototype. A prelude that used
 * them was told what the script liked: an answer that passes, a question rewritten, a port of the
 * script's own that answers itself. So every built-in the hooks decide with is kept at the start
 * (as the page's guard keeps them: lib/realm/intrinsics.ts, ../natives.ts), answers are objects
 * without a prototype built from what the page sent, and a promise that is awaited is sealed.
 */
export function workerPrelude(
  scriptUrl: string,
  isModule: boolean,
  marker: string,
  scriptTextPattern: string,
  refusedBlobType: string,
  base64TextRun: string,
): void {
  type Answer = { pass: boolean; message?: string };
  type Done = (a: Answer) => void;
  type Fn = (...a: never[]) => unknown;
  type Getter = (self: unknown) => unknown;
  const g = self as unknown as Record<string, unknown> & typeof globalThis;

  // ---- the worker's own built-ins, before its script runs
  const apply = Reflect.apply as <R>(fn: (...a: never[]) => R, self: unknown, args: ArrayLike<unknown>) => R;
  const toText: (v: unknown) => string = String;
  const defineProperty = Reflect.defineProperty;
  const describe = Reflect.getOwnPropertyDescriptor;
  const protoOf = Reflect.getPrototypeOf;
  const hasOwnProperty = Object.prototype.hasOwnProperty;
  const arrayFrom = Array.from;
  const strIndexOf = String.prototype.indexOf;
  const strSlice = String.prototype.slice;
  const strUpper = String.prototype.toUpperCase;
  const strStartsWith = String.prototype.startsWith;
  const regexpExec = RegExp.prototype.exec;
  const Promise0 = Promise;
  const then0 = Promise.prototype.then;
  const URL0 = URL;
  const encodeUri = encodeURIComponent;
  const ITERATOR = Symbol.iterator;

  /** The descriptor of `name` on `o` or on the nearest of its prototypes that has one. */
  const lookup = (o: object | null, name: PropertyKey): PropertyDescriptor | undefined => {
    for (let p = o; p !== null; p = protoOf(p)) {
      const d = describe(p, name);
      if (d) return d;
    }
    return undefined;
  };
  /** A platform getter, applied as it is now; where a DOM keeps the value on the instance (the unit tests' happy-dom), read as a plain property. */
  const getter = (proto: object | undefined, name: string): Getter => {
    const get = proto && lookup(proto, name)?.get;
    return get ? (v) => apply(get as () => unknown, v, []) : (v) => (v as Record<string, unknown>)[name];
  };
  /** `v` added at the end of `list`, defined: `push` and a setter for that index on Array.prototype can be the script's. */
  const add = <T>(list: T[], v: T): void => void defineProperty(list, list.length, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
  /** `o`'s own data value of `key`, never what the script put on Object.prototype. */
  const own = (o: unknown, key: PropertyKey): unknown => {
    if ((typeof o !== 'object' && typeof o !== 'function') || o === null) return undefined;
    const d = describe(o, key);
    return d !== undefined && apply(hasOwnProperty, d, ['value']) ? d.value : undefined;
  };
  const indexOf = (s: string, search: string, from = 0): number => apply(strIndexOf as Fn, s, [search, from]) as number;
  const slice = (s: string, start: number, end = s.length): string => apply(strSlice as Fn, s, [start, end]) as string;
  const upper = (s: string): string => apply(strUpper as Fn, s, []) as string;
  const startsWith = (s: string, prefix: string): boolean => apply(strStartsWith as Fn, s, [prefix]) as boolean;
  /** `re` found in `s`, by exec as it was (test, split and replace ask the script's exec). None of the expressions here is global. */
  const found = (re: RegExp, s: string): RegExpExecArray | null => apply(regexpExec, re, [s]);
  const joinText = (list: readonly string[], separator: string): string => {
    let out = '';
    for (let i = 0; i < list.length; i++) out += (i > 0 ? separator : '') + list[i];
    return out;
  };
  /**
   * A promise `await` reads as the worker made it: its own `constructor` and `then` are the originals,
   * so neither a replaced Promise.prototype.then nor a constructor that makes `await` ask it can hand
   * a hook another value.
   */
  const sealed = <T>(p: Promise<T>): Promise<T> => {
    defineProperty(p, 'constructor', { __proto__: null, value: Promise0 } as PropertyDescriptor);
    defineProperty(p, 'then', { __proto__: null, value: then0 } as PropertyDescriptor);
    return p;
  };
  /** `items` as a sequence the browser reads through these functions: an array is read through %ArrayIteratorPrototype%.next, which the script can replace. */
  const sequence = <T>(items: readonly T[]): Iterable<T> =>
    ({
      __proto__: null,
      [ITERATOR]: () => {
        let i = 0;
        return { __proto__: null, next: () => (i < items.length ? { __proto__: null, done: false, value: items[i++] } : { __proto__: null, done: true, value: undefined }) };
      },
    }) as unknown as Iterable<T>;

  // ---- the guard's port and its messages, through the methods of the ports this realm makes
  const portProto = protoOf(new MessageChannel().port1) as MessagePort;
  const postOn = portProto.postMessage;
  const setOnMessage = lookup(portProto, 'onmessage')!.set!;
  const startPort = portProto.start;
  const listenPort = portProto.addEventListener;
  const unlistenPort = portProto.removeEventListener;
  const unlistenGlobal = g.removeEventListener;
  const eventData = getter(MessageEvent.prototype, 'data');
  const eventPorts = getter(MessageEvent.prototype, 'ports');
  const stopEvent = Event.prototype.stopImmediatePropagation;
  const hrefOf = getter(URL0.prototype, 'href');

  let port: MessagePort | null = null;
  let waiting: (() => void)[] = [];
  let nextId = 1;
  /** Who waits for which answer, in an object without a prototype (no Map method for the script to replace). */
  const pending = { __proto__: null } as unknown as Record<number, Done>;
  const refused = (m?: string) => new DOMException(m ?? '发布前预检：此请求含有须处理的内容，已阻止', 'SecurityError');
  /** `u` made absolute against the real script, its string taken once (an object's toString can answer otherwise the second time). */
  const abs = (u: unknown): string => {
    const text = toText(u);
    try {
      return toText(hrefOf(new URL0(text, scriptUrl)));
    } catch {
      return text;
    }
  };
  const read = readOnce();
  const portable = (body: unknown): unknown => {
    const entries = read.formEntries(body);
    if (entries) return { formData: entries };
    const params = read.paramsText(body);
    if (params !== undefined) return params;
    if (read.isStream(body)) return { opaque: 'ReadableStream' };
    return body;
  };
  /** Asks the page's guard, once its port came; `done` gets the answer. */
  const ask = (route: string, method: string, url: string, body: unknown, headers: [string, string][], done: Done): void => {
    const send = () => {
      const id = nextId++;
      pending[id] = done;
      apply(postOn, port, [{ id, route, method, url, body: portable(body), headers }]);
    };
    if (port) send();
    else add(waiting, send);
  };
  /** ask() for a hook that awaits its answer. */
  const asked = (route: string, method: string, url: string, body: unknown, headers: [string, string][] = []): Promise<Answer> =>
    sealed(new Promise0<Answer>((resolve) => ask(route, method, url, body, headers, resolve)));

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
  /**
   * The guard's port comes in the first message the page posts to this worker (workers.ts posts it as
   * it makes the worker), or to a shared worker's connection. Only that first message, and only as
   * the browser delivered it (isTrusted, an own property no script can redefine): the worker's script
   * could dispatch one of its own with the marker and a port it answers itself, and the page could post
   * one later.
   */
  const firstMessage = (target: EventTarget, unlisten: EventTarget['removeEventListener']) => {
    const first = (e: MessageEvent) => {
      if (e.isTrusted !== true) return;
      apply(unlisten, target, ['message', first]);
      const given = eventPorts(e) as readonly MessagePort[] | null;
      const p = given ? given[0] : undefined;
      if (own(eventData(e), marker) !== true || !p) return;
      apply(stopEvent, e, []);
      port = p;
      apply(setOnMessage, p, [hear]);
      const now = waiting;
      waiting = [];
      for (let i = 0; i < now.length; i++) now[i]!();
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

  /**
   * `value` in place of the global `name` where the worker has it: WebIDL puts fetch and importScripts
   * on WorkerGlobalScope.prototype, and a copy set on the global itself left the original there for
   * the script to call (or to find again with `delete self.fetch`).
   */
  const replaceGlobal = (name: string, value: unknown): void => {
    let owner: object | null = g;
    while (owner !== null && describe(owner, name) === undefined) owner = protoOf(owner);
    const d = owner === null ? undefined : describe(owner, name);
    defineProperty(owner ?? g, name, { __proto__: null, value, writable: true, enumerable: d?.enumerable ?? false, configurable: true } as PropertyDescriptor);
  };
  /** `Guarded` as the global `name`, and as its prototype's constructor: `WebSocket.prototype.constructor` handed the script the unguarded original. */
  const constructorInPlace = (name: string, Original: { prototype: object }, Guarded: { prototype: object }): void => {
    Guarded.prototype = Original.prototype;
    defineProperty(Original.prototype, 'constructor', { __proto__: null, value: Guarded, writable: true, enumerable: false, configurable: true } as PropertyDescriptor);
    replaceGlobal(name, Guarded);
  };

  // What is judged is read once, and that copy is what the browser gets (as in the page: once.ts).
  const fetch0 = lookup(g, 'fetch')?.value as Fn;
  replaceGlobal('fetch', async (pageInput: RequestInfo | URL, pageInit?: RequestInit) => {
    const req = read.isRequest(pageInput) ? read.cloneRequest(pageInput) : null;
    const input = req ?? abs(pageInput);
    const init = read.initOnce(pageInit);
    const facts = req && read.requestFacts(req);
    const url = facts ? facts.url : (input as string);
    let body: unknown = init?.body;
    if (body === undefined && facts?.hasBody) body = await sealed(read.requestBytes(req!));
    const headers = read.headerEntries(init?.headers, facts ? read.headerEntries(facts.headers) : []);
    // the referrer leaves as the Referer header (as in the page: network.ts)
    const referrer = init?.referrer !== undefined ? init.referrer : facts?.referrer;
    if (referrer && referrer !== 'about:client') add(headers, ['referer', abs(referrer)]);
    const a = await asked('worker.fetch', upper(toText(init?.method ?? facts?.method ?? 'GET')), url, body, headers);
    if (!a.pass) throw new TypeError(a.message ?? 'refused');
    return apply(fetch0, g, [input, init]);
  });

  const X = g.XMLHttpRequest as typeof XMLHttpRequest | undefined;
  if (X) {
    const open = X.prototype.open;
    const send = X.prototype.send;
    const setHeader = X.prototype.setRequestHeader;
    type Opened = { m: string; u: string; a: boolean; h: [string, string][] };
    // read and written through WeakMap's own methods: a worker script that replaced them could make an XHR look unopened, and unjudged
    // eslint-disable-next-line no-restricted-syntax -- the prelude's start, before the worker's script
    const meta = new WeakMap<XMLHttpRequest, Opened>();
    const wmGet = WeakMap.prototype.get as (this: WeakMap<XMLHttpRequest, Opened>, k: XMLHttpRequest) => Opened | undefined;
    const wmSet = WeakMap.prototype.set;
    X.prototype.open = function (this: XMLHttpRequest, m: string, u: string | URL, a?: boolean, ...rest: (string | null | undefined)[]) {
      const method = toText(m);
      const url = abs(u);
      const credentials: string[] = [];
      for (let i = 0; i < rest.length; i++) if (rest[i] !== undefined && rest[i] !== null) add(credentials, toText(rest[i]));
      apply(wmSet, meta, [this, { m: upper(method), u: url, a: a !== false, h: credentials.length > 0 ? [['authorization', joinText(credentials, ':')]] : [] }]);
      const args: unknown[] = [method, url, a !== false];
      for (let i = 0; i < credentials.length; i++) add(args, credentials[i]);
      apply(open, this, args);
    };
    X.prototype.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
      const n = toText(name);
      const v = toText(value);
      const r = apply(wmGet, meta, [this]);
      if (r) add(r.h, [n, v]);
      apply(setHeader, this, [n, v]);
    };
    /**
     * A refused request errors like a dropped connection: readyState 4 (status stays 0), then
     * readystatechange, error and loadend. Not by opening it again at a dead URL as the page's own
     * XHR is (hooks/network.ts): in a Firefox worker an XHR opened twice never fires another event,
     * and the page waited for ever; abort() before send() fires none either.
     */
    const fail = (xhr: XMLHttpRequest) => {
      defineProperty(xhr, 'readyState', { __proto__: null, configurable: true, get: () => 4 } as PropertyDescriptor);
      xhr.dispatchEvent(new Event('readystatechange'));
      xhr.dispatchEvent(new ProgressEvent('error'));
      xhr.dispatchEvent(new ProgressEvent('loadend'));
    };
    X.prototype.send = function (this: XMLHttpRequest, pageBody?: Document | XMLHttpRequestBodyInit | null) {
      const body = read.bodyOnce(pageBody);
      const r = apply(wmGet, meta, [this]);
      if (!r) return apply(send, this, [body]);
      if (!r.a) throw refused('发布前预检：工作线程中的同步请求无法检查，已阻止');
      ask('worker.xhr', r.m, r.u, body, r.h, (a) => (a.pass ? apply(send, this, [body]) : fail(this)));
    };
  }

  // A socket's or an event stream's URL leaves when it is constructed, before an answer could come
  // back: in a worker, one that can carry text is refused outright (messages are judged one by one):
  // a query, encoded or non-ASCII text, a number as long as a phone's, or base64 of text in a path
  // segment (segment by segment: `cms.test/ws/Room2` is no base64 run).
  // eslint-disable-next-line no-restricted-syntax -- the prelude's start, before the worker's script
  const base64Text = new RegExp(base64TextRun);
  const textInPath = /%u[0-9a-f]{4}|%[89a-f][0-9a-f]|[^\x20-\x7e]|(?<!\d)(?:1\d{10}|\d{14,}[\dX])(?![\dX])/i;
  const base64Segment = (path: string): boolean => {
    for (let from = 0; ; ) {
      const end = indexOf(path, '/', from);
      if (found(base64Text, slice(path, from, end < 0 ? path.length : end))) return true;
      if (end < 0) return false;
      from = end + 1;
    }
  };
  const mayCarryText = (u: string): boolean => indexOf(u, '?') >= 0 || found(textInPath, u) !== null || base64Segment(u);
  /** Subprotocols as WebIDL reads them (a list, any iterable, or one string), each read once. */
  const protocolsOnce = (v: unknown): string[] | undefined => {
    if (v === undefined) return undefined;
    // eslint-disable-next-line no-restricted-syntax -- the script's own object, read once; the copy is what is sent
    if (typeof v === 'object' && v !== null && ITERATOR in v) return apply(arrayFrom as Fn, undefined, [v, toText]) as string[];
    return [toText(v)];
  };
  const WS = g.WebSocket as typeof WebSocket | undefined;
  if (WS) {
    const send = WS.prototype.send;
    const wsUrl = describe(WS.prototype, 'url')?.get;
    WS.prototype.send = function (this: WebSocket, pageData: string | ArrayBufferLike | Blob | ArrayBufferView) {
      const data = read.bodyOnce(pageData);
      ask('worker.websocket', 'SEND', toText(wsUrl ? apply(wsUrl, this, []) : this.url), data, [], (a) => void (a.pass && apply(send, this, [data])));
    };
    const Guarded = function (url: string | URL, pageProtocols?: string | string[]) {
      const u = abs(url);
      const wsAt = startsWith(u, 'http') ? 'ws' + slice(u, 4) : u;
      // subprotocols leave in the handshake's header: read once, refused when they may carry text, and
      // handed on as a sequence of this copy (read through the script's iterator, an array could say otherwise)
      const protocols = protocolsOnce(pageProtocols);
      if (mayCarryText(wsAt) || (protocols !== undefined && mayCarryText('/' + joinText(protocols, '/')))) throw refused('发布前预检：工作线程中带参数的连接无法检查，已阻止');
      return protocols === undefined ? new WS(wsAt) : new WS(wsAt, sequence(protocols) as string[]);
    } as unknown as typeof WebSocket;
    constructorInPlace('WebSocket', WS, Guarded);
  }
  // A data channel the page transferred here (Chromium and Firefox allow it) sends from this worker, past the page's hook.
  const DC = g.RTCDataChannel as typeof RTCDataChannel | undefined;
  if (DC) {
    const send = DC.prototype.send as (this: RTCDataChannel, data: unknown) => void;
    const dcLabel = describe(DC.prototype, 'label')?.get;
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
    constructorInPlace('EventSource', ES, Guarded);
  }

  // What a WebSocketStream or a WebTransport writes after its handshake cannot be asked about from
  // here in time: refused whole in a worker (the page judges a WebSocketStream's writes).
  // eslint-disable-next-line no-restricted-syntax -- the prelude's start, before the worker's script
  for (const name of ['WebSocketStream', 'WebTransport']) {
    if (typeof g[name] === 'function') {
      g[name] = function () {
        throw refused(`发布前预检：工作线程中不能使用 ${name}，已阻止`);
      };
    }
  }

  // A blob: URL made here is read by the page where it uses it (hooks/blobs.ts), except a stylesheet
  // imported as a CSS module, which no page hook sees: refused here (lib/gate/blob-text.ts).
  const createUrl = g.URL?.createObjectURL;
  const blobType = describe(g.Blob?.prototype ?? {}, 'type')?.get;
  if (createUrl && blobType) {
    // eslint-disable-next-line no-restricted-syntax -- the prelude's start, before the worker's script
    const refusedType = new RegExp(refusedBlobType, 'i');
    const typeOf = (obj: unknown) => {
      try {
        return toText(apply(blobType, obj, []));
      } catch {
        return '';
      }
    };
    g.URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (found(refusedType, typeOf(obj))) throw refused('发布前预检：工作线程中不能为样式表生成 blob: 地址，已阻止');
      return apply(createUrl, URL0, [obj]);
    };
  }

  // What a worker encrypts is judged as it is encrypted (as in the page: hooks/encrypt.ts), a copy of
  // the bytes, so that a change to the buffer meanwhile is not what gets encrypted.
  const subtleProto = (g.SubtleCrypto as { prototype: SubtleCrypto } | undefined)?.prototype;
  const encrypt0 = subtleProto?.encrypt;
  if (subtleProto && encrypt0) {
    subtleProto.encrypt = async function (this: SubtleCrypto, alg: AlgorithmIdentifier, key: CryptoKey, data: BufferSource) {
      const view = read.bytesView(data);
      if (!view) return apply(encrypt0, this, [alg, key, data]);
      const copy = read.copyBytes(view);
      const a = await asked('worker.encrypt', 'ENCRYPT', 'crypto:encrypt', copy);
      if (!a.pass) throw new DOMException(a.message ?? '发布前预检：要加密的内容含有须处理的敏感信息或未经签发的稿件，已阻止', 'OperationError');
      return apply(encrypt0, this, [alg, key, copy]);
    };
  }

  // A FontFace fetches its source's url() when the face loads, with no answer from the page to wait
  // for: a source that could hold text is refused, by importScripts' test, and so is one with CSS
  // escapes, which could spell it (`\\31 1…`). Bytes load nothing.
  const FF = g.FontFace as typeof FontFace | undefined;
  if (typeof FF === 'function') {
    const Guarded = function (family: string, source: string | BufferSource, descriptors?: FontFaceDescriptors) {
      if (read.bytesView(source)) return new FF(family, source, descriptors);
      const text = toText(source);
      if (carries(text) || indexOf(text, '\\') >= 0) throw refused('发布前预检：工作线程中带文字的字体地址无法检查，已阻止');
      return new FF(family, text, descriptors);
    } as unknown as typeof FontFace;
    constructorInPlace('FontFace', FF, Guarded);
  }

  // Cache.add and addAll fetch their URLs: each asked about first, as the worker's fetch is, a
  // Request with the headers and the referrer it is fetched with (a probe's Content-Language and
  // Referer carried the ID and the draft).
  const cacheProto = (g.Cache as { prototype: Cache } | undefined)?.prototype;
  const requestUrl = lookup((g.Request as { prototype: object } | undefined)?.prototype ?? null, 'url')?.get;
  if (cacheProto && requestUrl) {
    const add0 = cacheProto.add;
    const addAll0 = cacheProto.addAll;
    type CacheTarget = { value: unknown; url: string; headers: [string, string][] };
    /**
     * What goes to the cache and what is asked about: a Request's clone (what is judged is what is
     * fetched: the script keeps no hold on its headers), its URL, headers and referrer (as `referer`,
     * as in fetch above); anything else its absolute URL, read once.
     */
    const cacheTarget = (r: unknown): CacheTarget => {
      if (read.isRequest(r)) {
        let req: Request = r;
        try {
          req = read.cloneRequest(r);
        } catch {
          // a used body cannot be cloned: the browser refuses such a Request itself
        }
        const facts = read.requestFacts(req);
        const headers = read.headerEntries(facts.headers);
        if (facts.referrer && facts.referrer !== 'about:client') add(headers, ['referer', abs(facts.referrer)]);
        return { value: req, url: facts.url, headers };
      }
      const u = abs(r);
      return { value: u, url: u, headers: [] };
    };
    const judgedTargets = async (items: readonly unknown[]): Promise<unknown[]> => {
      const targets: unknown[] = [];
      // every target read before the first answer is awaited: the script cannot change one meanwhile
      const read0: CacheTarget[] = [];
      for (let i = 0; i < items.length; i++) add(read0, cacheTarget(items[i]));
      for (let i = 0; i < read0.length; i++) {
        const target = read0[i]!;
        const a = await asked('worker.fetch', 'GET', target.url, undefined, target.headers);
        if (!a.pass) throw refused(a.message);
        add(targets, target.value);
      }
      return targets;
    };
    cacheProto.add = async function (this: Cache, request: RequestInfo | URL) {
      return apply(add0, this, await judgedTargets([request]));
    };
    cacheProto.addAll = async function (this: Cache, requests: Iterable<RequestInfo>) {
      // the script's own list, read once; the copy is what is cached
      const list = apply(arrayFrom as Fn, undefined, [requests]) as unknown[];
      return apply(addAll0, this, [await judgedTargets(list)]);
    };
  }

  // Nested workers would start without this prelude: refused rather than unguarded.
  g.Worker = function () {
    throw refused('发布前预检：工作线程中不能再启动工作线程');
  } as unknown as typeof Worker;

  // importScripts loads at once and cannot wait for an answer: a URL that could hold the draft or a
  // personal number is refused outright, by the pattern the browser's own script rule uses
  // (lib/gate/script-url-rules.ts: percent-encoded non-ASCII, a mobile- or ID-shaped digit run), and
  // raw non-ASCII text. Cache-busters load as before (versions, dates, timestamps, Math.random()).
  // eslint-disable-next-line no-restricted-syntax -- the prelude's start, before the worker's script
  const textShaped = new RegExp(scriptTextPattern, 'i');
  const nonAscii = /[^\x20-\x7e]/;
  const origin = /^[a-z][\w+.-]*:\/\/[^/]*/i;
  const carries = (u: string) => {
    if (startsWith(u, 'blob:')) return false;
    const at = found(origin, u);
    return found(nonAscii, u) !== null || found(textShaped, at ? slice(u, at[0].length) : u) !== null;
  };
  const importScripts0 = lookup(g, 'importScripts')?.value as Fn | undefined;
  if (importScripts0) {
    replaceGlobal('importScripts', (...urls: unknown[]) => {
      const absolute: string[] = [];
      for (let i = 0; i < urls.length; i++) add(absolute, abs(urls[i]));
      for (let i = 0; i < absolute.length; i++) if (carries(absolute[i]!)) throw refused('发布前预检：工作线程中带文字的脚本地址无法检查，已阻止');
      apply(importScripts0, g, absolute);
    });
  }
  if (isModule) loadModule();
  else if (importScripts0) apply(importScripts0, g, [scriptUrl]);

  /**
   * What is judged, read once through the worker's built-ins as they were before its own script ran
   * (as in the page: ../natives.ts, once.ts — this function's text is all the worker gets, so it
   * cannot import them): a look-alike object, an own getter or a built-in replaced later tells the
   * judge nothing the browser would not send.
   */
  function readOnce() {
    // the nearest prototype's getter (where a DOM subclasses its classes per window, as the unit tests' happy-dom)
    const get = (proto: object | undefined, name: string) => (proto && lookup(proto, name)?.get) as ((this: unknown) => unknown) | undefined;
    const branded = (getter: ((this: unknown) => unknown) | undefined, v: unknown): unknown => {
      if (!getter || typeof v !== 'object' || v === null) return undefined;
      try {
        return apply(getter, v, []);
      } catch {
        return undefined;
      }
    };
    const R = g.Request?.prototype;
    const reqUrl = get(R, 'url');
    const reqMethod = get(R, 'method');
    const reqReferrer = get(R, 'referrer');
    const reqBody = get(R, 'body');
    const reqHeaders = get(R, 'headers');
    const reqClone = R?.clone;
    const reqBytes = R?.arrayBuffer;
    const FD = g.FormData;
    const fdEntries = FD?.prototype.entries;
    const fdNext = FD && fdEntries ? (protoOf(apply(fdEntries, new FD(), [])) as Iterator<unknown>).next : undefined;
    const fdAppend = FD?.prototype.append;
    const USP = g.URLSearchParams;
    const uspText = USP?.prototype.toString;
    const H = g.Headers;
    const hForEach = H?.prototype.forEach;
    const U8 = Uint8Array;
    const u8Slice = U8.prototype.slice;
    const abLength = get(ArrayBuffer.prototype, 'byteLength');
    const typed = protoOf(U8.prototype) as object;
    const taBuffer = get(typed, 'buffer');
    const taOffset = get(typed, 'byteOffset');
    const taLength = get(typed, 'byteLength');
    const dvBuffer = get(DataView.prototype, 'buffer');
    const dvOffset = get(DataView.prototype, 'byteOffset');
    const dvLength = get(DataView.prototype, 'byteLength');
    const isView = ArrayBuffer.isView;
    const blobSize = get(g.Blob?.prototype, 'size');
    const streamLocked = get(g.ReadableStream?.prototype, 'locked');
    const formEntries = (v: unknown): [string, FormDataEntryValue][] | undefined => {
      if (!fdEntries || !fdNext || typeof v !== 'object' || v === null) return undefined;
      const out: [string, FormDataEntryValue][] = [];
      const next = fdNext as () => IteratorResult<[string, FormDataEntryValue]>;
      try {
        const it = apply(fdEntries, v, []);
        for (let step = apply(next, it, []); !step.done; step = apply(next, it, [])) add(out, [step.value[0], step.value[1]]);
      } catch {
        return undefined;
      }
      return out;
    };
    const paramsText = (v: unknown): string | undefined => {
      if (!uspText || typeof v !== 'object' || v === null) return undefined;
      try {
        return apply(uspText, v, []);
      } catch {
        return undefined;
      }
    };
    const bytesView = (v: unknown): Uint8Array<ArrayBuffer> | undefined => {
      if (typeof v !== 'object' || v === null) return undefined;
      if (isView(v)) {
        const data = branded(dvBuffer, v) !== undefined;
        return new U8(branded(data ? dvBuffer : taBuffer, v) as ArrayBuffer, branded(data ? dvOffset : taOffset, v) as number, branded(data ? dvLength : taLength, v) as number);
      }
      return typeof branded(abLength, v) === 'number' ? new U8(v as ArrayBuffer) : undefined;
    };
    const copyBytes = (b: Uint8Array): Uint8Array<ArrayBuffer> => apply(u8Slice, b, []);
    const isStream = (v: unknown) => typeof branded(streamLocked, v) === 'boolean';
    /** A Headers object's entries (anything else: as a Headers makes it), added to `into`. */
    const headerEntries = (v: unknown, into: [string, string][] = []): [string, string][] => {
      if (v === undefined || v === null) return into;
      const each = (h: unknown) => apply(hForEach, h, [(value: string, name: string) => add(into, [name, value])]);
      try {
        each(v);
      } catch {
        each(new H(v as HeadersInit));
      }
      return into;
    };
    const bodyOnce = (body: unknown): unknown => {
      if (body === null || body === undefined || typeof body === 'string') return body;
      const entries = formEntries(body);
      if (entries && FD && fdAppend) {
        const copy = new FD();
        for (let i = 0; i < entries.length; i++) apply(fdAppend, copy, entries[i]!);
        return copy;
      }
      const params = paramsText(body);
      if (params !== undefined && USP) return new USP(params);
      const bytes = bytesView(body);
      if (bytes) return copyBytes(bytes);
      if (typeof branded(blobSize, body) === 'number' || isStream(body)) return body;
      return toText(body);
    };
    const INIT_KEYS = ['method', 'headers', 'body', 'referrer', 'referrerPolicy', 'mode', 'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'signal', 'duplex', 'priority'];
    /**
     * A fetch's init read once into an object without a prototype: the browser reads every member of
     * it, and a member it lacks must not be found on Object.prototype, where a getter could answer the
     * browser otherwise than the judge (as in the page: once.ts).
     */
    const initOnce = (init: RequestInit | undefined): RequestInit | undefined => {
      if (init === undefined || init === null || typeof init !== 'object') return init;
      const source = init as Record<string, unknown>;
      const copy = { __proto__: null } as unknown as Record<string, unknown>;
      // eslint-disable-next-line no-restricted-syntax -- the script's own init, read once as the browser reads it; the copy has no prototype
      for (let i = 0; i < INIT_KEYS.length; i++) if (INIT_KEYS[i]! in source) copy[INIT_KEYS[i]!] = source[INIT_KEYS[i]!];
      // eslint-disable-next-line no-restricted-syntax -- the copy has no prototype
      for (const key in source) if (!(key in copy)) copy[key] = source[key];
      // eslint-disable-next-line no-restricted-syntax -- the copy has no prototype
      if ('body' in copy) copy.body = bodyOnce(copy.body);
      if (copy.headers !== undefined && copy.headers !== null && H) copy.headers = new H(copy.headers as HeadersInit);
      if (copy.method !== undefined) copy.method = toText(copy.method);
      if (copy.referrer !== undefined) copy.referrer = toText(copy.referrer);
      return copy;
    };
    return {
      isRequest: (v: unknown): v is Request => typeof branded(reqUrl, v) === 'string',
      cloneRequest: (r: Request) => apply(reqClone, r, []),
      requestFacts: (r: Request) => ({ url: toText(branded(reqUrl, r)), method: toText(branded(reqMethod, r)), referrer: toText(branded(reqReferrer, r)), headers: branded(reqHeaders, r), hasBody: branded(reqBody, r) !== null }),
      requestBytes: (r: Request) => apply(reqBytes, apply(reqClone, r, []), []),
      formEntries,
      paramsText,
      bytesView,
      copyBytes,
      isStream,
      headerEntries,
      bodyOnce,
      initOnce,
    };
  }

  /**
   * A module loads asynchronously: messages the page posts meanwhile would reach no handler (the
   * browser holds them only until this prelude has run). They are held and handed on once it loaded.
   */
  function loadModule(): void {
    const early: MessageEvent[] = [];
    const hold = (e: MessageEvent) => {
      e.stopImmediatePropagation();
      // eslint-disable-next-line no-restricted-syntax -- re-delivers the page's early messages to a module worker; decides nothing
      early.push(e);
    };
    g.addEventListener('message', hold);
    const handOn = () => {
      g.removeEventListener('message', hold);
      // eslint-disable-next-line no-restricted-syntax -- re-delivers the page's early messages to a module worker; decides nothing
      for (const e of early.splice(0)) g.dispatchEvent(new MessageEvent('message', { data: e.data as unknown, ports: [...e.ports], origin: e.origin, lastEventId: e.lastEventId }));
    };
    // A module that fails to load (its static import refused by the network) is reported to the page
    // as the worker's error event, as it is without the prelude: a rejection here would reach nobody.
    // eslint-disable-next-line no-restricted-syntax -- loads the module worker's script; decides nothing
    import(scriptUrl).then(handOn, (err: unknown) => {
      handOn();
      setTimeout(() => {
        throw err;
      });
    });
  }
}
