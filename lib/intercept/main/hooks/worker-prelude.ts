/* eslint-disable @typescript-eslint/unbound-method -- page originals are captured unbound and called on their own target. */
/**
 * Runs first inside every worker the page starts (its source is this function's text, so it imports
 * nothing and uses only worker globals). It routes the worker's fetch, XHR, WebSocket, EventSource and
 * importScripts through the page's guard over a MessagePort the page hands over before any message of
 * its own, then loads the worker's real script. Relative URLs keep resolving against the real script.
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
  type Ask = (route: string, method: string, url: string, body: unknown, headers?: [string, string][]) => Promise<Answer>;
  const g = self as unknown as Record<string, unknown> & typeof globalThis;
  let port: MessagePort | null = null;
  const waiting: (() => void)[] = [];
  let nextId = 1;
  const pending = new Map<number, (a: Answer) => void>();
  const refused = (m?: string) => new DOMException(m ?? '发布前预检：此请求含有须处理的内容，已阻止', 'SecurityError');
  const [URL0, String0] = [URL, String];
  const abs = (u: unknown) => {
    try {
      return new URL0(String0(u), scriptUrl).href;
    } catch {
      return String0(u);
    }
  };
  const read = readOnce();
  const { apply, toText } = read;
  const portable = (body: unknown): unknown => {
    const entries = read.formEntries(body);
    if (entries) return { formData: entries };
    const params = read.paramsText(body);
    if (params !== undefined) return params;
    if (read.isStream(body)) return { opaque: 'ReadableStream' };
    return body;
  };
  const ask: Ask = (route, method, url, body, headers) =>
    new Promise<void>((ready) => (port ? ready() : waiting.push(ready))).then(
      () =>
        new Promise<Answer>((resolve) => {
          const id = nextId++;
          pending.set(id, resolve);
          port!.postMessage({ id, route, method, url, body: portable(body), headers });
        }),
    );

  const onFirst = (e: MessageEvent) => {
    const d = e.data as Record<string, unknown> | null;
    if (!d || d[marker] !== true || !e.ports[0]) return;
    e.stopImmediatePropagation();
    g.removeEventListener('message', onFirst);
    port = e.ports[0];
    port.onmessage = (m: MessageEvent<{ id: number; answer: Answer }>) => {
      pending.get(m.data.id)?.(m.data.answer);
      pending.delete(m.data.id);
    };
    waiting.splice(0).forEach((f) => f());
  };
  g.addEventListener('message', onFirst);
  g.addEventListener('connect', (e: Event) => {
    const p = (e as MessageEvent).ports[0];
    p?.addEventListener('message', onFirst as EventListener);
    p?.start();
  });

  // What is judged is read once, and that copy is what the browser gets (as in the page: once.ts).
  const fetch0 = g.fetch;
  g.fetch = async (pageInput: RequestInfo | URL, pageInit?: RequestInit) => {
    const req = read.isRequest(pageInput) ? read.cloneRequest(pageInput) : null;
    const input = req ?? abs(pageInput);
    const init = read.initOnce(pageInit);
    const facts = req && read.requestFacts(req);
    const url = facts ? facts.url : (input as string);
    let body: unknown = init?.body;
    if (body === undefined && facts?.hasBody) body = await read.requestBytes(req!);
    const headers = [...(facts ? read.headerEntries(facts.headers) : []), ...read.headerEntries(init?.headers)];
    const a = await ask('worker.fetch', toText(init?.method ?? facts?.method ?? 'GET').toUpperCase(), url, body, headers);
    if (!a.pass) throw new TypeError(a.message ?? 'refused');
    return apply(fetch0, g, [input, init]);
  };

  const X = g.XMLHttpRequest as typeof XMLHttpRequest | undefined;
  if (X) {
    const open = X.prototype.open;
    const send = X.prototype.send;
    const setHeader = X.prototype.setRequestHeader;
    type Opened = { m: string; u: string; a: boolean; h: [string, string][] };
    // read and written through WeakMap's own methods: a worker script that replaced them could make an XHR look unopened, and unjudged
    const meta = new WeakMap<XMLHttpRequest, Opened>();
    const wmGet = WeakMap.prototype.get as (this: WeakMap<XMLHttpRequest, Opened>, k: XMLHttpRequest) => Opened | undefined;
    const wmSet = WeakMap.prototype.set;
    X.prototype.open = function (this: XMLHttpRequest, m: string, u: string | URL, a?: boolean, ...rest: (string | null | undefined)[]) {
      const [method, url] = [toText(m), abs(u)];
      const credentials = rest.filter((v) => v !== undefined && v !== null).map(toText);
      apply(wmSet, meta, [this, { m: method.toUpperCase(), u: url, a: a !== false, h: credentials.length > 0 ? [['authorization', credentials.join(':')]] : [] }]);
      apply(open, this, [method, url, a !== false, ...credentials]);
    };
    X.prototype.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
      const [n, v] = [toText(name), toText(value)];
      apply(wmGet, meta, [this])?.h.push([n, v]);
      apply(setHeader, this, [n, v]);
    };
    /**
     * A refused request errors like a dropped connection: readyState 4 (status stays 0), then
     * readystatechange, error and loadend. Not by opening it again at a dead URL as the page's own
     * XHR is (hooks/network.ts): in a Firefox worker an XHR opened twice never fires another event,
     * and the page waited for ever; abort() before send() fires none either.
     */
    const fail = (xhr: XMLHttpRequest) => {
      Object.defineProperty(xhr, 'readyState', { configurable: true, get: () => 4 });
      xhr.dispatchEvent(new Event('readystatechange'));
      xhr.dispatchEvent(new ProgressEvent('error'));
      xhr.dispatchEvent(new ProgressEvent('loadend'));
    };
    X.prototype.send = function (this: XMLHttpRequest, pageBody?: Document | XMLHttpRequestBodyInit | null) {
      const body = read.bodyOnce(pageBody);
      const r = apply(wmGet, meta, [this]);
      if (!r) return apply(send, this, [body]);
      if (!r.a) throw refused('发布前预检：工作线程中的同步请求无法检查，已阻止');
      void ask('worker.xhr', r.m, r.u, body, r.h).then((a) => (a.pass ? apply(send, this, [body]) : fail(this)));
    };
  }

  // A socket's or an event stream's URL leaves when it is constructed, before an answer could come
  // back: in a worker, one that can carry text is refused outright (messages are judged one by one):
  // a query, encoded or non-ASCII text, a number as long as a phone's, or base64 of text in a path
  // segment (segment by segment: `cms.test/ws/Room2` is no base64 run).
  const base64Text = new RegExp(base64TextRun);
  const mayCarryText = (u: string) => {
    const path = u.split('?')[0]!;
    return u.includes('?') || /%u[0-9a-f]{4}|%[89a-f][0-9a-f]|[^\x20-\x7e]|(?<!\d)(?:1\d{10}|\d{14,}[\dX])(?![\dX])/i.test(path) || path.split('/').some((segment) => base64Text.test(segment));
  };
  const WS = g.WebSocket as typeof WebSocket | undefined;
  if (WS) {
    const send = WS.prototype.send;
    const wsUrl = Object.getOwnPropertyDescriptor(WS.prototype, 'url')?.get;
    WS.prototype.send = function (this: WebSocket, pageData: string | ArrayBufferLike | Blob | ArrayBufferView) {
      const data = read.bodyOnce(pageData);
      void ask('worker.websocket', 'SEND', toText(wsUrl ? apply(wsUrl, this, []) : this.url), data).then((a) => a.pass && apply(send, this, [data]));
    };
    const Guarded = function (url: string | URL, pageProtocols?: string | string[]) {
      const u = abs(url).replace(/^http/, 'ws');
      // subprotocols leave in the handshake's header: read once, and refused when they may carry text
      const protocols = pageProtocols === undefined ? undefined : typeof pageProtocols === 'string' ? pageProtocols : Array.from(pageProtocols, String);
      if (mayCarryText(u) || (protocols !== undefined && mayCarryText(`/${[protocols].flat().join('/')}`))) throw refused('发布前预检：工作线程中带参数的连接无法检查，已阻止');
      return new WS(u, protocols);
    } as unknown as typeof WebSocket;
    Guarded.prototype = WS.prototype;
    g.WebSocket = Guarded;
  }
  // A data channel the page transferred here (Chromium and Firefox allow it) sends from this worker, past the page's hook.
  const DC = g.RTCDataChannel as typeof RTCDataChannel | undefined;
  if (DC) {
    const send = DC.prototype.send as (this: RTCDataChannel, data: unknown) => void;
    const dcLabel = Object.getOwnPropertyDescriptor(DC.prototype, 'label')?.get;
    DC.prototype.send = function (this: RTCDataChannel, pageData: string | Blob | ArrayBuffer | ArrayBufferView) {
      const data = read.bodyOnce(pageData);
      const label = toText(dcLabel ? apply(dcLabel, this, []) : this.label);
      void ask('webrtc', 'SEND', `webrtc:data-channel:${encodeURIComponent(label)}`, data).then((a) => a.pass && apply(send, this, [data]));
    };
  }
  if (typeof g.EventSource === 'function') {
    const ES = g.EventSource;
    const Guarded = function (url: string | URL, init?: EventSourceInit) {
      if (mayCarryText(abs(url))) throw refused('发布前预检：工作线程中带参数的连接无法检查，已阻止');
      return new ES(abs(url), init);
    } as unknown as typeof EventSource;
    Guarded.prototype = ES.prototype;
    g.EventSource = Guarded;
  }

  // What a WebSocketStream or a WebTransport writes after its handshake cannot be asked about from
  // here in time: refused whole in a worker (the page judges a WebSocketStream's writes).
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
  const blobType = Object.getOwnPropertyDescriptor(g.Blob?.prototype ?? {}, 'type')?.get;
  if (createUrl && blobType) {
    const refusedType = new RegExp(refusedBlobType, 'i');
    const typeOf = (obj: unknown) => {
      try {
        return String(blobType.call(obj));
      } catch {
        return '';
      }
    };
    g.URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (refusedType.test(typeOf(obj))) throw refused('发布前预检：工作线程中不能为样式表生成 blob: 地址，已阻止');
      return createUrl.call(g.URL, obj);
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
      const a = await ask('worker.encrypt', 'ENCRYPT', 'crypto:encrypt', copy);
      if (!a.pass) throw new DOMException(a.message ?? '发布前预检：要加密的内容含有须处理的敏感信息或未经签发的稿件，已阻止', 'OperationError');
      return apply(encrypt0, this, [alg, key, copy]);
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
  const importScripts0 = g.importScripts as ((...u: string[]) => void) | undefined;
  if (importScripts0) {
    const textShaped = new RegExp(scriptTextPattern, 'i');
    g.importScripts = (...urls: string[]) => {
      const absolute = urls.map(abs);
      const carries = (u: string) => !u.startsWith('blob:') && (/[^\x20-\x7e]/.test(u) || textShaped.test(u.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '')));
      if (absolute.some(carries)) throw refused('发布前预检：工作线程中带文字的脚本地址无法检查，已阻止');
      importScripts0(...absolute);
    };
  }
  if (isModule) loadModule();
  else importScripts0?.(scriptUrl);

  /**
   * The worker's built-ins as they were before its own script ran, and what is judged read once
   * through them (as in the page: ../natives.ts, once.ts — this function's text is all the worker
   * gets, so it cannot import them): a look-alike object, an own getter or a built-in replaced later
   * tells the judge nothing the browser would not send.
   */
  function readOnce() {
    const apply = Reflect.apply as <R>(fn: (...a: never[]) => R, self: unknown, args: ArrayLike<unknown>) => R;
    const toText: (v: unknown) => string = String;
    const get = (proto: object | undefined, name: string) => (proto && Object.getOwnPropertyDescriptor(proto, name)?.get) as ((this: unknown) => unknown) | undefined;
    const branded = (getter: ((this: unknown) => unknown) | undefined, v: unknown): unknown => {
      if (!getter || typeof v !== 'object' || v === null) return undefined;
      try {
        return apply(getter, v, []);
      } catch {
        return undefined;
      }
    };
    const R = g.Request?.prototype;
    const [reqUrl, reqMethod, reqBody, reqHeaders] = ['url', 'method', 'body', 'headers'].map((n) => get(R, n));
    const reqClone = R?.clone;
    const reqBytes = R?.arrayBuffer;
    const FD = g.FormData;
    const fdEntries = FD?.prototype.entries;
    const fdNext = FD && fdEntries ? (Object.getPrototypeOf(apply(fdEntries, new FD(), [])) as Iterator<unknown>).next : undefined;
    const fdAppend = FD?.prototype.append;
    const USP = g.URLSearchParams;
    const uspText = USP?.prototype.toString;
    const H = g.Headers;
    const hForEach = H?.prototype.forEach;
    const U8 = Uint8Array;
    const u8Slice = U8.prototype.slice;
    const abLength = get(ArrayBuffer.prototype, 'byteLength');
    const typed = Object.getPrototypeOf(U8.prototype) as object;
    const views = [typed, DataView.prototype].map((p) => [get(p, 'buffer'), get(p, 'byteOffset'), get(p, 'byteLength')] as const);
    const isView = ArrayBuffer.isView;
    const blobSize = get(g.Blob?.prototype, 'size');
    const streamLocked = get(g.ReadableStream?.prototype, 'locked');
    const formEntries = (v: unknown): [string, FormDataEntryValue][] | undefined => {
      if (!fdEntries || !fdNext || typeof v !== 'object' || v === null) return undefined;
      const out: [string, FormDataEntryValue][] = [];
      try {
        const it = apply(fdEntries, v, []);
        for (let step = apply(fdNext as () => IteratorResult<[string, FormDataEntryValue]>, it, []); !step.done; step = apply(fdNext as () => IteratorResult<[string, FormDataEntryValue]>, it, [])) out.push([step.value[0], step.value[1]]);
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
        const [b, o, l] = views.find(([buffer]) => branded(buffer, v) !== undefined) ?? views[0]!;
        return new U8(branded(b, v) as ArrayBuffer, branded(o, v) as number, branded(l, v) as number);
      }
      return typeof branded(abLength, v) === 'number' ? new U8(v as ArrayBuffer) : undefined;
    };
    const copyBytes = (b: Uint8Array): Uint8Array<ArrayBuffer> => apply(u8Slice, b, []);
    const isStream = (v: unknown) => typeof branded(streamLocked, v) === 'boolean';
    const headerEntries = (v: unknown): [string, string][] => {
      if (v === undefined || v === null) return [];
      const out: [string, string][] = [];
      const each = (h: unknown) => apply(hForEach, h, [(value: string, name: string) => void (out[out.length] = [name, value])]);
      try {
        each(v);
      } catch {
        each(new H(v as HeadersInit));
      }
      return out;
    };
    const bodyOnce = (body: unknown): unknown => {
      if (body === null || body === undefined || typeof body === 'string') return body;
      const entries = formEntries(body);
      if (entries && FD && fdAppend) {
        const copy = new FD();
        for (const e of entries) apply(fdAppend, copy, e);
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
    const initOnce = (init: RequestInit | undefined): RequestInit | undefined => {
      if (init === undefined || init === null || typeof init !== 'object') return init;
      const source = init as Record<string, unknown>;
      const copy: Record<string, unknown> = {};
      for (const key of INIT_KEYS) if (key in source) copy[key] = source[key];
      for (const key in source) if (!(key in copy)) copy[key] = source[key];
      if ('body' in copy) copy.body = bodyOnce(copy.body);
      if (copy.headers !== undefined && copy.headers !== null && H) copy.headers = new H(copy.headers as HeadersInit);
      if (copy.method !== undefined) copy.method = toText(copy.method);
      return copy;
    };
    return {
      apply,
      toText,
      isRequest: (v: unknown): v is Request => typeof branded(reqUrl, v) === 'string',
      cloneRequest: (r: Request) => apply(reqClone, r, []),
      requestFacts: (r: Request) => ({ url: toText(branded(reqUrl, r)), method: toText(branded(reqMethod, r)), headers: branded(reqHeaders, r), hasBody: branded(reqBody, r) !== null }),
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
      early.push(e);
    };
    g.addEventListener('message', hold);
    const handOn = () => {
      g.removeEventListener('message', hold);
      for (const e of early.splice(0)) g.dispatchEvent(new MessageEvent('message', { data: e.data as unknown, ports: [...e.ports], origin: e.origin, lastEventId: e.lastEventId }));
    };
    // A module that fails to load (its static import refused by the network) is reported to the page
    // as the worker's error event, as it is without the prelude: a rejection here would reach nobody.
    import(scriptUrl).then(handOn, (err: unknown) => {
      handOn();
      setTimeout(() => {
        throw err;
      });
    });
  }
}
