/* eslint-disable @typescript-eslint/unbound-method -- the originals are kept unbound on purpose and always called with .call(target). */
import { isPublishForm } from './publish-control';
import { isPublishRequest } from './publish-words';
import { ARM, BLOCKED, CONFIG, CONSUMED, DISARM, OUTCOME, PASS_TTL_MS, endpointOf, reportTarget, type AttemptVia, type OutcomeDetail } from './protocol';

type PageWindow = Window & typeof globalThis;

const BLOCK_MESSAGE = '发布前预检：发布已被拦截，请先完成检查并由审核人签发 / Precheck: publish blocked until the draft is checked and signed off';

/**
 * MAIN-world layer: the page's own ways to publish without a click — form.submit(), requestSubmit(),
 * fetch and XMLHttpRequest — refused through the page's own error path unless the isolated world
 * armed a one-shot pass. A refused request fails (it never hangs), so the CMS shows its own error.
 */
export function installPageGuard(win: PageWindow, isPublishUrl: (method: string, url: string) => boolean = isPublishRequest): void {
  let armedUntil = 0;
  const doc = win.document;
  doc.addEventListener(ARM, () => (armedUntil = Date.now() + PASS_TTL_MS));
  doc.addEventListener(DISARM, () => (armedUntil = 0));
  // The site adapter may name publish endpoints the heuristics would miss (e.g. /wcm/doc_save.do?pub=1).
  let adapterRules: { method?: string; urlPattern: RegExp }[] = [];
  doc.addEventListener(CONFIG, (e) => {
    try {
      const rules = JSON.parse((e as CustomEvent<string>).detail) as { method?: string; urlPattern: string }[];
      adapterRules = rules.map((r) => ({ method: r.method, urlPattern: new RegExp(r.urlPattern) }));
    } catch {
      adapterRules = [];
    }
  });
  const isPublish = (method: string, url: string) =>
    isPublishUrl(method, url) ||
    adapterRules.some((r) => (!r.method || r.method === method.toUpperCase()) && r.urlPattern.test(url));
  const isPublishAction = (form: HTMLFormElement) => adapterRules.length > 0 && isPublish(form.method || 'GET', form.action);

  const report = (type: string, via: AttemptVia, url = '', extra: Partial<OutcomeDetail> = {}) => {
    const detail = JSON.stringify({ via, endpoint: endpointOf(url, doc.baseURI), ...extra });
    reportTarget(win).dispatchEvent(new win.CustomEvent(type, { detail }));
  };
  // The allowed publish's result goes into the audit log: was it really published?
  const outcome = (via: AttemptVia, url: string, status?: number) =>
    report(OUTCOME, via, url, status === undefined ? {} : { status, ok: status >= 200 && status < 300 });
  /** Uses the pass if there is one; otherwise reports the attempt. */
  const pass = (via: AttemptVia, url?: string): boolean => {
    if (Date.now() < armedUntil) {
      armedUntil = 0;
      report(CONSUMED, via, url);
      return true;
    }
    report(BLOCKED, via, url);
    return false;
  };

  const formProto = win.HTMLFormElement.prototype;
  const submit = formProto.submit;
  formProto.submit = function (this: HTMLFormElement) {
    const publishing = isPublishForm(this) || isPublishAction(this);
    if (publishing && !pass('form.submit', this.action)) return;
    if (publishing) outcome('form.submit', this.action);
    submit.call(this);
  };
  const requestSubmit = formProto.requestSubmit;
  formProto.requestSubmit = function (this: HTMLFormElement, submitter?: HTMLElement | null) {
    if ((isPublishForm(this, submitter) || isPublishAction(this)) && !pass('requestSubmit', this.action)) return;
    requestSubmit.call(this, submitter);
  };

  const fetch = win.fetch;
  win.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    const url = input instanceof win.Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof win.Request ? input.method : 'GET');
    if (!isPublish(method, url)) return fetch.call(win, input, init);
    if (!pass('fetch', url)) return Promise.reject(new TypeError(BLOCK_MESSAGE));
    const sent = fetch.call(win, input, init);
    sent.then(
      (response) => outcome('fetch', url, response.status),
      () => outcome('fetch', url, 0),
    );
    return sent;
  };

  const xhrProto = win.XMLHttpRequest.prototype;
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string; async: boolean }>();
  type OpenArgs = [method: string, url: string | URL, async?: boolean, user?: string | null, password?: string | null];
  const open: (this: XMLHttpRequest, ...args: OpenArgs) => void = xhrProto.open;
  xhrProto.open = function (this: XMLHttpRequest, ...args: OpenArgs) {
    opened.set(this, { method: args[0], url: String(args[1]), async: args[2] !== false });
    // Passed on exactly as given: open(m, u) and open(m, u, true, undefined) differ for some polyfills.
    open.apply(this, args);
  };
  const send = xhrProto.send;
  xhrProto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const req = opened.get(this);
    const publishing = req !== undefined && isPublish(req.method, req.url);
    if (req && publishing && !pass('xhr', req.url)) {
      // Re-aimed at a revoked blob: URL, the request fails the way a dropped connection does
      // (readyState 4, status 0, an error event) without anything leaving the machine.
      const dead = win.URL.createObjectURL(new win.Blob());
      win.URL.revokeObjectURL(dead);
      open.call(this, 'GET', dead, req.async);
      send.call(this);
      return;
    }
    if (req && publishing) this.addEventListener('loadend', () => outcome('xhr', req.url, this.status));
    send.call(this, body);
  };
}
