/* eslint-disable @typescript-eslint/unbound-method -- the worker's originals are kept unbound and called on their own target. */
import type { Fn, Kit } from './kit';

/** The worker's fetch: what is judged is read once, and that copy is what the browser gets (as in the page: once.ts). */
export function hookFetch(k: Kit): void {
  const { g, read, abs, add, upper, toText, sealed, asked, apply } = k;
  const fetch0 = k.lookup(g, 'fetch')?.value as Fn;
  k.replaceGlobal('fetch', async (pageInput: RequestInfo | URL, pageInit?: RequestInit) => {
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
}

/**
 * The worker's XHR: opened as the script asks, judged at send. A refused request errors like a
 * dropped connection: readyState 4 (status stays 0), then readystatechange, error and loadend. Not by
 * opening it again at a dead URL as the page's own XHR is (hooks/network.ts): in a Firefox worker an
 * XHR opened twice never fires another event, and the page waited for ever; abort() before send()
 * fires none either.
 */
export function hookXhr(k: Kit): void {
  const X = k.g.XMLHttpRequest as typeof XMLHttpRequest | undefined;
  if (!X) return;
  const { apply, add, toText, upper, abs, joinText, read, defineProperty, ask, refused } = k;
  const open = X.prototype.open;
  const send = X.prototype.send;
  const setHeader = X.prototype.setRequestHeader;
  type Opened = { m: string; u: string; a: boolean; h: [string, string][] };
  // read and written through WeakMap's own methods: a worker script that replaced them could make an XHR look unopened, and unjudged
  // eslint-disable-next-line no-restricted-syntax -- the prelude's start, before the worker's script
  const meta = new WeakMap<XMLHttpRequest, Opened>();
  const wmGet = WeakMap.prototype.get as (this: WeakMap<XMLHttpRequest, Opened>, key: XMLHttpRequest) => Opened | undefined;
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
