/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and called on their own target; a URL is stringified as fetch would. */
/**
 * fetch, XMLHttpRequest and sendBeacon: every request with text is judged before it leaves. A refused
 * request fails through the page's own error path — a rejected fetch, an XHR that errors like a dropped
 * connection, a beacon that was not queued — and never hangs.
 */
import { shownEndpoint } from '../../../gate/shown-endpoint';
import type { Outgoing, Route } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { UNSENT } from '../../channel-protocol';
import { headerValue, mayCarryText, serializeBody, textHeaders, urlMayCarryText, withoutBlobs, type BlobHead } from '../serialize';
import { add, apply, keptWeakMap, lower, sealed, toText, upper } from '../../../realm/intrinsics';
import { abortedBeforeSending, cloneRequest, isRequest, requestBodyBytes, requestFacts, resolveUrl } from '../natives';
import { bodyOnce, initOnce, once, onceAt } from './once';
import { foreignXhr, type XhrCall } from '../../xhr-foreign';

type PageWindow = Window & typeof globalThis;
type RequestFacts = ReturnType<typeof requestFacts>;

const DEFAULT_REFUSAL = '发布前预检：此请求含有须处理的内容或未经签发的稿件，已阻止';

export function absoluteUrl(win: PageWindow, url: string): string {
  return resolveUrl(win.document, url);
}

/**
 * The headers a fetch (or fetchLater) writes that could hold text, and its referrer when the page
 * set one (it leaves as the Referer header, a same-origin URL with whatever query the page gave it).
 * Cache.add/addAll read a Request's the same way (./urls.ts): the browser fetches it with both.
 */
export function fetchHeaders(win: PageWindow, request: RequestFacts | null, init?: RequestInit): [string, string][] {
  const headers = textHeaders(init?.headers, request ? textHeaders(request.headers) : []);
  const referrer = init?.referrer ?? request?.referrer;
  if (referrer && referrer !== 'about:client') {
    const abs = absoluteUrl(win, toText(referrer));
    if (urlMayCarryText(abs)) add(headers, ['referer', abs]);
  }
  return headers;
}

/** Enough of a save response to find the new item's id in it. */
const RESPONSE_HEAD = 64 * 1024;

export function hookFetch(win: PageWindow, channel: GuardChannel, route: Route = 'fetch'): void {
  const original = win.fetch;
  if (typeof original !== 'function') return;
  // Taken now: a page script replacing them later cannot make a save response say another id.
  const clone = win.Response?.prototype.clone;
  const text = win.Response?.prototype.text;
  const responseHead = async (r: Response): Promise<string | undefined> => {
    if (!clone || !text) return undefined;
    try {
      const body: string = await apply(text, clone.call(r), []);
      // eslint-disable-next-line no-restricted-syntax -- the response of a released request, for the audit log
      return body.slice(0, RESPONSE_HEAD);
    } catch {
      return undefined;
    }
  };
  win.fetch = async function (this: unknown, pageInput: RequestInfo | URL, pageInit?: RequestInit): Promise<Response> {
    // Read once, before the first await: what is judged is what is sent (./once.ts).
    // A Request is cloned and read by the browser's own methods and getters (../natives.ts).
    const input = isRequest(pageInput) ? cloneRequest(pageInput) : toText(pageInput);
    const init = initOnce(pageInit);
    const request = typeof input === 'string' ? null : requestFacts(input);
    const url = absoluteUrl(win, request ? request.url : (input as string));
    const method = upper(toText(init?.method ?? request?.method ?? 'GET'));
    let body: unknown = init?.body;
    // sealed: a page's Promise.prototype.constructor and then cannot make this await see other bytes
    if (body === undefined && request?.hasBody) body = await sealed(requestBodyBytes(input as Request));
    const headers = fetchHeaders(win, request, init);
    // the method leaves as written (any token: the ID was one): asked about when it may carry text
    if (body === undefined && !urlMayCarryText(url) && headers.length === 0 && !mayCarryText(method)) return apply(original, win, [input, init]);
    const contentType = headerValue(init?.headers, 'content-type') ?? headerValue(request?.headers, 'content-type');
    const s = serializeBody(win, body, contentType);
    const answer = await channel.ask({ route, method, url, body: s.body, ...(headers.length > 0 && { headers }) }, s.blobs);
    if (!answer.pass) throw new TypeError(answer.message ?? DEFAULT_REFUSAL);
    // Aborted while it was judged (a CMS cancelling a first try): the browser rejects it unsent, and
    // the release it spent is given back for the retry.
    const unsent = answer.released === true && abortedBeforeSending(init, typeof input === 'string' ? null : input);
    const sent = apply(original, win, [input, init]);
    if (unsent) channel.outcome(route, shownEndpoint(url), UNSENT);
    else if (answer.released) {
      // eslint-disable-next-line no-restricted-syntax -- the outcome of a released request, for the audit log
      sent.then(
        async (r) => channel.outcome(route, shownEndpoint(url), r.status, await responseHead(r)),
        () => channel.outcome(route, shownEndpoint(url), 0),
      );
    }
    return sent;
  };
}

/**
 * fetchLater (Chromium): a request the browser sends later by itself, even after the page is gone.
 * It is judged now, as it is queued (a Blob body cannot be read in time: refused as unreadable).
 */
export function hookFetchLater(win: PageWindow, channel: GuardChannel, head: BlobHead): void {
  const w = win as PageWindow & { fetchLater?: (input: RequestInfo | URL, init?: RequestInit) => unknown };
  const original = w.fetchLater;
  if (typeof original !== 'function') return;
  w.fetchLater = function (this: unknown, pageInput: RequestInfo | URL, pageInit?: RequestInit) {
    const input = isRequest(pageInput) ? pageInput : toText(pageInput);
    const init = initOnce(pageInit);
    const request = typeof input === 'string' ? null : requestFacts(input);
    const url = absoluteUrl(win, request ? request.url : (input as string));
    const headers = fetchHeaders(win, request, init);
    const s = serializeBody(win, init?.body, headerValue(init?.headers, 'content-type'));
    const method = upper(toText(init?.method ?? request?.method ?? 'GET'));
    const a = channel.askSync({ route: 'fetch', method, url, body: request?.hasBody ? { kind: 'opaque', what: 'Request' } : withoutBlobs(s, head), ...(headers.length > 0 && { headers }) });
    if (!a.pass) throw new win.TypeError(a.message ?? DEFAULT_REFUSAL);
    return apply(original, win, [input, init]);
  };
}

interface Opened {
  method: string;
  url: string;
  async: boolean;
  contentType?: string;
  /** headers set that could hold text */
  headers: [string, string][];
}

/** XHRs the page sent that are still being judged: the browser has not been handed them yet. */
function judgedXhrs() {
  const judging = keptWeakMap<XMLHttpRequest, { aborted: boolean }>();
  return {
    start(xhr: XMLHttpRequest): { aborted: boolean } {
      const pending = { aborted: false };
      judging.set(xhr, pending);
      return pending;
    },
    done(xhr: XMLHttpRequest): void {
      judging.delete(xhr);
    },
    /** The request under judgement is never to be sent (aborted, or opened anew); true when there was one. */
    forget(xhr: XMLHttpRequest): boolean {
      const pending = judging.get(xhr);
      if (!pending) return false;
      pending.aborted = true;
      judging.delete(xhr);
      return true;
    },
  };
}

export function hookXhr(win: PageWindow, channel: GuardChannel, head: BlobHead, route: Route = 'xhr'): void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto) return;
  const opened = keptWeakMap<XMLHttpRequest, Opened>();
  const judging = judgedXhrs();
  type OpenArgs = [method: string, url: string | URL, async?: boolean, user?: string | null, password?: string | null];
  const open = proto.open;
  const send = proto.send;
  const setHeader = proto.setRequestHeader;
  const abort = proto.abort;
  const readyState = Object.getOwnPropertyDescriptor(proto, 'readyState')?.get;
  const stateOf = (xhr: XMLHttpRequest): number => (readyState ? (apply(readyState, xhr, []) as number) : 0);
  /**
   * A request this window's hooks have no record of: opened through another window's `open`
   * (lib/intercept/xhr-foreign.ts). True when the browser's own method is to be called unjudged;
   * throws when it is refused.
   */
  const foreign = (xhr: XMLHttpRequest, call: XhrCall): boolean => {
    if (opened.has(xhr)) return false;
    const what = foreignXhr(call, stateOf(xhr));
    if (what === 'refuse') throw new win.DOMException('发布前预检：此请求经另一窗口的 XMLHttpRequest 方法打开，无法检查，已阻止', 'SecurityError');
    return what === 'original';
  };
  proto.open = function (this: XMLHttpRequest, ...args: OpenArgs) {
    foreign(this, 'open');
    // open() ends a request under way: one still judged must not leave as this one (its body, a new address)
    judging.forget(this);
    onceAt(args, [0, 1, 3, 4]);
    // A user name and password go out in the Authorization answer: judged like a header the page set.
    const credentials = credentialsOf(args[3], args[4]);
    const headers: [string, string][] = credentials !== '' && mayCarryText(credentials) ? [['authorization', credentials]] : [];
    opened.set(this, { method: upper(toText(args[0])), url: absoluteUrl(win, toText(args[1])), async: args[2] !== false, headers });
    // Passed on exactly as given: open(m, u) and open(m, u, true, undefined) differ for some polyfills.
    apply(open, this, args);
  };
  proto.setRequestHeader = function (this: XMLHttpRequest, pageName: string, pageValue: string) {
    const name = once(pageName) as string;
    const value = once(pageValue) as string;
    if (foreign(this, 'setRequestHeader')) return apply(setHeader, this, [name, value]);
    const req = opened.get(this);
    if (req && lower(toText(name)) === 'content-type') req.contentType = value;
    if (req && (mayCarryText(toText(value)) || mayCarryText(toText(name)))) add(req.headers, [toText(name), toText(value)]);
    apply(setHeader, this, [name, value]);
  };
  proto.abort = function (this: XMLHttpRequest) {
    if (foreign(this, 'abort')) return apply(abort, this, []);
    // Cancelled before the verdict, it must not leave when the verdict comes (the browser's abort of a request
    // it was never handed does nothing); the page hears its abort: the dead address, aborted below.
    const req = judging.forget(this) ? opened.get(this) : undefined;
    if (req) fail(this, req);
    apply(abort, this, []);
    // a finished request aborted is UNSENT again: another window's open may take it, and this record would be stale
    if (stateOf(this) === 0) opened.delete(this);
  };
  /** Re-aimed at a revoked blob: URL, the request fails like a dropped connection; nothing leaves. */
  const fail = (xhr: XMLHttpRequest, req: Opened) => {
    // with the functions kept at document_start: a page's createObjectURL could name an address of its own
    const dead = deadUrl();
    apply(open, xhr, ['GET', dead, req.async]);
    apply(send, xhr, []);
  };
  proto.send = function (this: XMLHttpRequest, pageBody?: Document | XMLHttpRequestBodyInit | null) {
    // sent after the verdict: a copy the page cannot change meanwhile
    const body = bodyOnce(pageBody) as Document | XMLHttpRequestBodyInit | null | undefined;
    if (foreign(this, 'send')) return apply(send, this, [body]);
    const req = opened.get(this);
    if (!req || ((body === undefined || body === null) && !urlMayCarryText(req.url) && req.headers.length === 0 && !mayCarryText(req.method))) return apply(send, this, [body]);
    const s = serializeBody(win, body, req.contentType);
    const outgoing: Outgoing = { route, method: req.method, url: req.url, body: s.body, ...(req.headers.length > 0 && { headers: req.headers }) };
    const go = (released?: boolean) => {
      if (released) this.addEventListener('loadend', () => channel.outcome(route, shownEndpoint(req.url), this.status, xhrText(this)));
      apply(send, this, [body]);
    };
    if (!req.async) {
      // A synchronous request needs its verdict now: a Blob body cannot be read in time.
      const a = channel.askSync({ ...outgoing, body: withoutBlobs(s, head) });
      return a.pass ? go(a.released) : fail(this, req);
    }
    const pending = judging.start(this);
    // eslint-disable-next-line no-restricted-syntax -- a sealed promise: its own then is the original
    void channel.ask(outgoing, s.blobs).then((a) => {
      if (pending.aborted) {
        // never handed to the browser: a release it was given goes back for the page's retry
        if (a.pass && a.released) channel.outcome(route, shownEndpoint(req.url), UNSENT);
        return;
      }
      judging.done(this);
      return a.pass ? go(a.released) : fail(this, req);
    });
  };
}

const createUrl = URL.createObjectURL;
const revokeUrl = URL.revokeObjectURL;
const NativeBlob = Blob;

/** A blob: URL already revoked: a request re-aimed there fails like a dropped connection. */
function deadUrl(): string {
  const dead = createUrl(new NativeBlob());
  revokeUrl(dead);
  return dead;
}

/** XHR open's user and password as the Authorization answer carries them ('' when none). */
function credentialsOf(user: unknown, password: unknown): string {
  const given = (v: unknown) => v !== undefined && v !== null;
  if (given(user) && given(password)) return `${toText(user)}:${toText(password)}`;
  if (given(user)) return toText(user);
  return given(password) ? toText(password) : '';
}

function xhrText(xhr: XMLHttpRequest): string | undefined {
  try {
    // eslint-disable-next-line no-restricted-syntax -- the response of a released request, for the audit log
    if (xhr.responseType === '' || xhr.responseType === 'text') return xhr.responseText.slice(0, RESPONSE_HEAD);
    // eslint-disable-next-line no-restricted-syntax -- the response of a released request, for the audit log
    if (xhr.responseType === 'json') return JSON.stringify(xhr.response).slice(0, RESPONSE_HEAD);
  } catch {
    // A response the page made unreadable names no id.
  }
  return undefined;
}

export function hookBeacon(win: PageWindow, channel: GuardChannel): void {
  const nav = win.navigator as Navigator & { sendBeacon?: Navigator['sendBeacon'] };
  const original = nav.sendBeacon;
  if (typeof original !== 'function') return;
  nav.sendBeacon = function (this: Navigator, pageUrl: string | URL, pageData?: BodyInit | null) {
    const url = toText(pageUrl);
    const data = bodyOnce(pageData) as BodyInit | null | undefined;
    const abs = absoluteUrl(win, url);
    const s = serializeBody(win, data);
    const outgoing: Outgoing = { route: 'beacon', method: 'POST', url: abs, body: s.body };
    if (s.blobs.length === 0) return channel.askSync(outgoing).pass ? (apply(original, nav, [url, data])) : false;
    // A Blob is read before it goes: the beacon is queued once the verdict is in.
    // eslint-disable-next-line no-restricted-syntax -- a sealed promise: its own then is the original
    void channel.ask(outgoing, s.blobs).then((a) => a.pass && apply(original, nav, [url, data]));
    return true;
  };
}
