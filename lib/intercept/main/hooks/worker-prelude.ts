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
  type Ask = (route: string, method: string, url: string, body: unknown) => Promise<Answer>;
  const g = self as unknown as Record<string, unknown> & typeof globalThis;
  let port: MessagePort | null = null;
  const waiting: (() => void)[] = [];
  let nextId = 1;
  const pending = new Map<number, (a: Answer) => void>();
  const refused = (m?: string) => new DOMException(m ?? '发布前预检：此请求含有须处理的内容，已阻止', 'SecurityError');
  const abs = (u: unknown) => {
    try {
      return new URL(String(u), scriptUrl).href;
    } catch {
      return String(u);
    }
  };
  const portable = (body: unknown): unknown => {
    const tag = Object.prototype.toString.call(body);
    if (tag === '[object FormData]') return { formData: [...(body as FormData).entries()] };
    if (tag === '[object URLSearchParams]') return String(body);
    if (tag === '[object ReadableStream]') return { opaque: 'ReadableStream' };
    return body;
  };
  const ask: Ask = (route, method, url, body) =>
    new Promise<void>((ready) => (port ? ready() : waiting.push(ready))).then(
      () =>
        new Promise<Answer>((resolve) => {
          const id = nextId++;
          pending.set(id, resolve);
          port!.postMessage({ id, route, method, url, body: portable(body) });
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

  const fetch0 = g.fetch;
  g.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const isReq = Object.prototype.toString.call(input) === '[object Request]';
    const req = isReq ? (input as Request) : null;
    const url = abs(req ? req.url : input);
    let body: unknown = init?.body;
    if (body === undefined && req && req.body !== null) body = await req.clone().arrayBuffer();
    const a = await ask('worker.fetch', (init?.method ?? req?.method ?? 'GET').toUpperCase(), url, body);
    if (!a.pass) throw new TypeError(a.message ?? 'refused');
    return fetch0.call(g, isReq ? input : url, init);
  };

  const X = g.XMLHttpRequest as typeof XMLHttpRequest | undefined;
  if (X) {
    const open = X.prototype.open;
    const send = X.prototype.send;
    const meta = new WeakMap<XMLHttpRequest, { m: string; u: string; a: boolean }>();
    X.prototype.open = function (this: XMLHttpRequest, m: string, u: string | URL, a?: boolean, ...rest: (string | null | undefined)[]) {
      meta.set(this, { m: String(m).toUpperCase(), u: abs(u), a: a !== false });
      (open as (...x: unknown[]) => void).call(this, m, abs(u), a !== false, ...rest);
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
    X.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const r = meta.get(this);
      if (!r) return send.call(this, body);
      if (!r.a) throw refused('发布前预检：工作线程中的同步请求无法检查，已阻止');
      void ask('worker.xhr', r.m, r.u, body).then((a) => (a.pass ? send.call(this, body) : fail(this)));
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
    WS.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      void ask('worker.websocket', 'SEND', this.url, data).then((a) => a.pass && send.call(this, data));
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
    DC.prototype.send = function (this: RTCDataChannel, data: string | Blob | ArrayBuffer | ArrayBufferView) {
      void ask('webrtc', 'SEND', `webrtc:data-channel:${encodeURIComponent(this.label)}`, data).then((a) => a.pass && send.call(this, data));
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
      const view = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : Object.prototype.toString.call(data) === '[object ArrayBuffer]' ? new Uint8Array(data) : null;
      if (!view) return encrypt0.call(this, alg, key, data);
      const copy = view.slice();
      const a = await ask('worker.encrypt', 'ENCRYPT', 'crypto:encrypt', copy);
      if (!a.pass) throw new DOMException(a.message ?? '发布前预检：要加密的内容含有须处理的敏感信息或未经签发的稿件，已阻止', 'OperationError');
      return encrypt0.call(this, alg, key, copy);
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
