/**
 * Every route of issue 10 as data: how the route page (lib/demo/pages/routes/) sends its draft that
 * way, where it arrives, what the gate calls the route in the panel, and what the page may notice of
 * a refusal. The route e2e (gate-routes.e2e.test.ts) runs each one; its results become the README's
 * route table.
 */
import type { Route } from '../../lib/gate/types.ts';

export type How =
  /** `__routes.run(key)` from the page's own script */
  | { script: string }
  /** a real (trusted) click on this element; `last` = the page's handler sets `__routes.last` */
  | { click: string; last?: boolean }
  /** Enter in 标题 (implicit submission through the form's default button) */
  | { enter: true };

export interface RouteCase {
  /** stable id (also the README row's key) */
  id: string;
  /** the README row */
  label: string;
  route: Route;
  /** where the request lands on the recording server (a pattern when the draft is in the path itself) */
  path: string | RegExp;
  how: How;
  /** what a request that is let through does to the page */
  passes: 'stays' | 'navigates' | 'new-window';
  /**
   * How the page learns of a refusal: 'error' = its own error path runs (rejected promise, error
   * event, exception, false/null return); 'silent' = the navigation or submission just does not
   * happen (or, for a new window, leaves without the data).
   */
  refusal: 'error' | 'silent';
  /** a click on a control labelled as a publish: stopped before the page's handler runs (checklist) */
  earlyStop?: boolean;
  /** what the panel's refusal names when it is not `path` (a message names the service worker's script) */
  shownAs?: string;
  /**
   * Sent from a frame with an opaque origin (sandboxed): its guard judges on its own, without the
   * page's draft, ticket or panel (README's limits). A block finding is refused there; the sign-off
   * cannot release it and the page's panel does not list it, so only the draft with an ID is walked.
   */
  opaqueFrame?: true;
  /**
   * Sends ciphertext a page script made (lib/gate/sealed.ts): held as the draft until the sign-off,
   * which then lets one such request out without being able to compare it with the signed content,
   * so the "edited after sign-off" step is not walked.
   */
  sealed?: true;
  /**
   * Refused where it is made without asking the page (importScripts in a worker cannot wait for an
   * answer; speculation rules are refused whole): any text in it is refused, signed or not, and the
   * panel does not list it; only the draft with an ID is walked.
   */
  refusedOutright?: true;
  /**
   * A script request whose URL carries the draft: the page gate judges and lists it, but the browser's
   * script-URL rule (lib/gate/script-url-rules.ts) refuses its text-shaped URL whether signed or not,
   * so no sign-off releases it; only the draft with an ID is walked.
   */
  scriptUrl?: true;
  /**
   * Refused by the browser's navigation-URL rule (lib/gate/navigation-url-rules.ts), which reads no
   * content: only the ID's shape in the URL is refused, the panel does not list it, and the draft's
   * text without a personal number still leaves (README, "Still open"); only the draft with an ID is walked.
   */
  personalNumberRule?: true;
  /**
   * false: Firefox does not take this route at all (no control possible there); 'open': Firefox takes
   * it and Precheck does not close it there (README, "Still open"), so the Firefox walk leaves it out.
   */
  firefox?: false | 'open';
}

const r = (c: RouteCase) => c;

/**
 * 发布 in the checklist re-runs a stopped click or native submission itself (requestSubmit() is one);
 * a publish the page's own script started (fetch, XHR, form.submit()) is left to the page.
 */
export function replayedByChecklist(c: RouteCase): boolean {
  return !('script' in c.how) || c.route === 'form';
}

/** Ways page code makes a `<script type=speculationrules>` (innerHTML and insertAdjacentHTML make inert scripts). */
const SPECULATION: [id: string, label: string][] = [
  ['speculation-append', 'speculation rules: `script.type = …; script.textContent = rules; head.appendChild(script)`'],
  ['speculation-text-after', 'speculation rules: an empty rules script inserted, its `textContent` set after'],
  ['speculation-script-text', "speculation rules: `setAttribute('type', …)`, `script.text = rules`, `append`"],
  ['speculation-replace-with', 'speculation rules: type by `attributes.setNamedItem`, a Text node, `replaceWith`'],
  ['speculation-fragment', 'speculation rules: `createContextualFragment(\'<script type=speculationrules>…\')`'],
  ['speculation-prerender', 'speculation rules: a prerender list rule'],
  ['speculation-document-rule', "speculation rules: a document rule picking the page's own link that carries the draft"],
];

/** A `<style>`'s text built in pieces (lib/intercept/main/hooks/style-text.ts): `@import ur` + `l("…?content=…")`. */
const STYLE_TEXT: [id: string, label: string][] = [
  ['style-append-data', "`<style>` text: `text.appendData('@import url(…?content=…)')`"],
  ['style-insert-data', "`<style>` text: `@import ur(…?content=…)`, then `insertData` of the `l`"],
  ['style-replace-data', "`<style>` text: `@import urX(…)`, then `replaceData` of the `X`"],
  ['style-delete-data', "`<style>` text: `@import urXXl(…)`, then `deleteData` of the `XX`"],
  ['style-two-nodes', "`<style>` text: `@import ur`, then a second Text node `l(…?content=…)` by `appendChild`"],
  ['style-remove-between', "`<style>` text: `@import ur` `/**/` `l(…)`, then `removeChild` of the middle node"],
  ['style-split-nodevalue', "`<style>` text: `splitText`, then the second half's `nodeValue` written"],
  ['style-fragment-after', "`<style>` text: a fragment put `after` its `@import ur`"],
  ['style-range-delete', "`<style>` text: `range.deleteContents()` inside it joins `url(`"],
  ['style-detached', "`<style>` text built while detached (`appendData`), then `head.appendChild(style)`"],
];

export const ROUTE_CASES: readonly RouteCase[] = [
  // native form submission, any submitter
  r({ id: 'submit-保存', label: 'form submit: button labelled 保存', route: 'form', path: '/sink/r/form-save', how: { click: '#btn-save' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'submit-OK', label: 'form submit: input labelled OK', route: 'form', path: '/sink/r/form-ok', how: { click: '#btn-okay' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'submit-确定', label: 'form submit: button labelled 确定', route: 'form', path: '/sink/r/form-enter', how: { click: '#btn-ok' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'submit-image', label: 'form submit: `<input type=image>` (no text)', route: 'form', path: '/sink/r/form-image', how: { click: '#btn-image' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'submit-icon', label: 'form submit: unlabelled icon button', route: 'form', path: '/sink/r/form-icon', how: { click: '#btn-icon' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'submit-enter', label: 'form submit: Enter in a text field', route: 'form', path: '/sink/r/form-enter', how: { enter: true }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'form.submit()', label: '`form.submit()`', route: 'form.submit', path: '/sink/r/form-submit', how: { script: 'form.submit' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'requestSubmit()', label: '`form.requestSubmit()`', route: 'form', path: '/sink/r/form-requestsubmit', how: { script: 'requestSubmit' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'form-on-the-fly', label: 'a form created on the fly, `submit()`', route: 'form.submit', path: '/sink/r/form-fly', how: { script: 'form-on-the-fly' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'form-submit-fresh-frame', label: 'a form in a fresh `<iframe>`, `submit()` into its sibling, the named result frame', route: 'form.submit', path: '/sink/r/form-fly-fresh', how: { script: 'form-submit-fresh-frame' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'form-in-loaded-frame', label: '`requestSubmit()` of a form the page put into a same-origin page loaded in a frame (the frame navigates)', route: 'form', path: '/sink/r/form-loaded-frame', how: { script: 'form-in-loaded-frame' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'form-target-blank', label: 'form submit with target=_blank', route: 'form', path: '/sink/r/form-blank', how: { click: '#btn-blank' }, passes: 'new-window', refusal: 'silent' }),
  r({ id: 'form-late-listener', label: "a form into a frame whose own `formdata` listener adds the draft and stops the event (`requestSubmit()`)", route: 'form', path: '/sink/r/form-late', how: { script: 'form-late-listener' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'form-submit-renamed-frame', label: "a form aimed at the result frame's name after page code renamed its window (`contentWindow.name = …`): a new window", route: 'form.submit', path: '/sink/r/form-renamed', how: { script: 'form-submit-renamed-frame' }, passes: 'new-window', refusal: 'silent' }),
  r({ id: 'form-late-listener-fresh-frame', label: 'the same from a fresh `<iframe>` the page reached before its scripts ran (its guard is its parent\'s)', route: 'form', path: '/sink/r/form-late-fresh', how: { script: 'form-late-listener-fresh-frame' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'form-target-iframe', label: 'form submit into a named iframe', route: 'form', path: '/sink/r/form-frame', how: { click: '#btn-frame' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'form-shadowed-action', label: 'form whose `action` is shadowed by `<input name="action">`', route: 'form.submit', path: '/sink/r/form-shadowed', how: { script: 'form-shadowed-action' }, passes: 'navigates', refusal: 'silent' }),
  // fetch, XHR, $.ajax
  r({ id: 'fetch-POST', label: '`fetch` POST (urlencoded)', route: 'fetch', path: '/sink/r/fetch-post', how: { script: 'fetch-post' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-from-fresh-frame', label: "`fetch` POST by a fresh `<iframe>`'s window (`frame.contentWindow.fetch`)", route: 'fetch', path: '/sink/r/fetch-fresh-frame', how: { script: 'fetch-from-fresh-frame' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-from-loaded-frame', label: "`fetch` POST by the window of a same-origin page loaded in a frame", route: 'fetch', path: '/sink/r/fetch-loaded-frame', how: { script: 'fetch-from-loaded-frame' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-from-opened-window', label: "`fetch` POST by a window the page opened (`window.open('')`, still on about:blank)", route: 'fetch', path: '/sink/r/fetch-opened-window', how: { script: 'fetch-from-opened-window' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-from-opened-page', label: "`fetch` POST by a window the page opened on a page of the CMS (`window.open('frame.html')`, once loaded)", route: 'fetch', path: '/sink/r/fetch-opened-page', how: { script: 'fetch-from-opened-page' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-PUT-article', label: '`fetch` PUT /api/articles/42 (JSON)', route: 'fetch', path: '/sink/api/articles/42', how: { script: 'fetch-put-article' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-PATCH', label: '`fetch` PATCH (JSON)', route: 'fetch', path: '/sink/r/fetch-patch', how: { script: 'fetch-patch' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-base64', label: '`fetch` POST, the content field in base64 (`btoa(encodeURIComponent(html))`, as a CMS behind a firewall sends it)', route: 'fetch', path: '/sink/r/fetch-base64', how: { script: 'fetch-base64' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-gzip', label: '`fetch` POST, the JSON body gzipped in the page (`CompressionStream`, `Content-Encoding: gzip`)', route: 'fetch', path: '/sink/r/fetch-gzip', how: { script: 'fetch-gzip' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-encrypted', label: '`fetch` POST, the JSON body encrypted in the page (`crypto.subtle.encrypt`, AES-GCM; the key goes along for the server)', route: 'encrypt', path: '/sink/r/fetch-encrypted', shownAs: 'encrypt', how: { script: 'fetch-encrypted' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-crypto-js', label: '`fetch` POST, the JSON body encrypted by the page\'s own script (crypto-js AES-CBC, base64 in `data`; the key goes along for the server)', route: 'fetch', path: '/sink/r/fetch-crypto-js', how: { script: 'fetch-crypto-js' }, passes: 'stays', refusal: 'error', sealed: true }),
  r({ id: 'fetch-pieces', label: '`fetch` POST, the content in four pieces, one request each (the title with every piece)', route: 'fetch', path: '/sink/r/fetch-pieces', how: { script: 'fetch-pieces' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-GET-twice', label: '`fetch` GET, each field encoded twice (`encodeURI` inside `encodeURIComponent`, as Java CMSes send it)', route: 'fetch', path: '/sink/r/fetch-get-twice', how: { script: 'fetch-get-twice' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-GET-query', label: '`fetch` GET with the draft in the query', route: 'fetch', path: '/sink/r/fetch-get', how: { script: 'fetch-get-query' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-GET-path-base64', label: '`fetch` GET, the content base64 (url-safe) in the path, no query', route: 'fetch', path: /^\/sink\/r\/fetch-path\//, shownAs: '/sink/r/fetch-path/…', how: { script: 'fetch-path-base64' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-FormData', label: '`fetch` POST FormData (multipart)', route: 'fetch', path: '/sink/r/fetch-formdata', how: { script: 'fetch-formdata' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-Request-other-realm', label: '`fetch(new iframe.contentWindow.Request(…))`', route: 'fetch', path: '/sink/r/fetch-request', how: { script: 'fetch-request-other-realm' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'drafts-42-publish', label: 'POST /api/drafts/42/publish (JSON)', route: 'fetch', path: '/sink/api/drafts/42/publish', how: { script: 'drafts-publish' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'save.do-status-1', label: 'POST save.do?status=1', route: 'fetch', path: '/sink/admin/save.do', how: { script: 'save-do-status' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'xhr-async', label: 'XMLHttpRequest (async)', route: 'xhr', path: '/sink/r/xhr-async', how: { script: 'xhr-async' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'xhr-escape', label: 'XMLHttpRequest, the body written with `escape()` (Chinese as `%uXXXX`, as older CMS scripts send it)', route: 'xhr', path: '/sink/r/xhr-escape', how: { script: 'xhr-escape' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'xhr-sync', label: 'XMLHttpRequest (sync)', route: 'xhr', path: '/sink/r/xhr-sync', how: { script: 'xhr-sync' }, passes: 'stays', refusal: 'error' }),
  r({ id: '$.ajax', label: 'jQuery `$.ajax`', route: 'xhr', path: '/sink/r/ajax', how: { script: 'jquery-ajax' }, passes: 'stays', refusal: 'error' }),
  // beacons
  r({ id: 'beacon-string', label: '`sendBeacon` (string)', route: 'beacon', path: '/sink/r/beacon', how: { script: 'beacon-string' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'beacon-FormData', label: '`sendBeacon` (FormData)', route: 'beacon', path: '/sink/r/beacon', how: { script: 'beacon-formdata' }, passes: 'stays', refusal: 'error' }),
  // A Blob is read before the verdict: sendBeacon has already said "queued".
  r({ id: 'beacon-Blob', label: '`sendBeacon` (Blob)', route: 'beacon', path: '/sink/r/beacon', how: { script: 'beacon-blob' }, passes: 'stays', refusal: 'silent' }),
  // navigations
  r({ id: 'location.href', label: '`location.href = …?content=…`', route: 'navigation', path: '/sink/r/nav-href', how: { script: 'location-href' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'location.assign', label: '`location.assign(…?content=…)`', route: 'navigation', path: '/sink/r/nav-assign', how: { script: 'location-assign' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'link-query', label: 'a link with the draft in the query', route: 'link', path: '/sink/r/link', how: { script: 'link' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'link-blank', label: 'a target=_blank link with the draft in the query', route: 'link', path: '/sink/r/link-blank', how: { script: 'link-blank' }, passes: 'new-window', refusal: 'silent' }),
  r({ id: 'window.open', label: '`window.open(…?content=…)`', route: 'window.open', path: '/sink/r/open', how: { script: 'window-open' }, passes: 'new-window', refusal: 'error' }),
  // URLs that load
  r({ id: 'EventSource', label: '`new EventSource(…?content=…)`', route: 'eventsource', path: '/sink/events', how: { script: 'eventsource' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'Image.src', label: '`new Image().src = …?content=…`', route: 'element-url', path: '/sink/r/img-src', how: { script: 'image-src' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'img.setAttribute', label: "`img.setAttribute('src', …)`", route: 'element-url', path: '/sink/r/img-attr', how: { script: 'image-setattribute' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'img.attributes.setNamedItem', label: "`img.attributes.setNamedItem(src)` on an img with an alt", route: 'element-url', path: '/sink/r/img-named', how: { script: 'image-setnameditem' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'innerHTML-img', label: '`innerHTML = \'<img src=…>\'`', route: 'element-url', path: '/sink/r/img-html', how: { script: 'innerhtml-img' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'WebSocket-url', label: '`new WebSocket(…?content=…)`', route: 'websocket', path: '/sink/ws', how: { script: 'websocket-url' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'WebSocket-send', label: '`ws.send(draft)`', route: 'websocket.send', path: '/sink/ws', how: { script: 'websocket-send' }, passes: 'stays', refusal: 'error' }),
  // workers
  r({ id: 'Worker-fetch', label: 'dedicated Worker (script URL): fetch', route: 'worker.fetch', path: '/sink/r/worker-fetch', how: { script: 'worker-fetch' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'Worker-xhr', label: 'dedicated Worker (script URL): XHR', route: 'worker.xhr', path: '/sink/r/worker-xhr', how: { script: 'worker-xhr' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'blob-Worker-fetch', label: 'dedicated Worker (blob: URL): fetch', route: 'worker.fetch', path: '/sink/r/worker-fetch', how: { script: 'blob-worker-fetch' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'Worker-encrypt', label: 'dedicated Worker (script URL): `crypto.subtle.encrypt` (AES-GCM), then fetch with the key for the server', route: 'worker.encrypt', path: '/sink/r/worker-encrypt', shownAs: 'encrypt', how: { script: 'worker-encrypt' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'blob-Worker-xhr', label: 'dedicated Worker (blob: URL): XHR', route: 'worker.xhr', path: '/sink/r/worker-xhr', how: { script: 'blob-worker-xhr' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'SharedWorker-fetch', label: 'SharedWorker: fetch', route: 'worker.fetch', path: '/sink/r/worker-fetch', how: { script: 'shared-worker-fetch' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'module-Worker-fetch', label: 'module Worker: fetch', route: 'worker.fetch', path: '/sink/r/worker-fetch', how: { script: 'module-worker-fetch' }, passes: 'stays', refusal: 'error' }),
  // CSS, parsed HTML, element constructors, link side requests (found by probing outside the table)
  r({ id: 'css-background', label: "`el.style.backgroundImage = 'url(…?content=…)'`", route: 'element-url', path: '/sink/r/css-background', how: { script: 'css-background' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'style-import', label: '`<style>` text with `@import url(…?content=…)`', route: 'element-url', path: '/sink/r/style-import', how: { script: 'style-import' }, passes: 'stays', refusal: 'error' }),
  // closed by the style-text hook: a <style>'s whole text after each change (each piece alone holds no URL)
  ...STYLE_TEXT.map(([id, label]) => r({ id, label, route: 'element-url', path: `/sink/r/${id}`, how: { script: id }, passes: 'stays', refusal: 'error' })),
  r({ id: 'createContextualFragment', label: "`range.createContextualFragment('<img src=…>')`", route: 'element-url', path: '/sink/r/fragment', how: { script: 'contextual-fragment' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'new-Audio', label: '`new Audio(…?content=…)`', route: 'element-url', path: '/sink/r/audio', how: { script: 'new-audio' }, passes: 'stays', refusal: 'error' }),
  // Firefox sends no pings (browser.send_pings is off by default)
  r({ id: 'a-ping', label: '`<a ping="…?content=…">` clicked', route: 'link', path: '/sink/r/ping', how: { script: 'link-ping' }, passes: 'stays', refusal: 'silent', firefox: false }),
  r({ id: 'a-download', label: '`<a download href="…?content=…">` clicked', route: 'link', path: '/sink/r/download', how: { script: 'link-download' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'sandboxed-srcdoc', label: '`<iframe sandbox="allow-scripts" srcdoc>` (opaque origin): its script POSTs', route: 'fetch', path: '/sink/r/sandboxed', how: { script: 'sandboxed-frame' }, passes: 'stays', refusal: 'error', opaqueFrame: true }),
  r({ id: 'service-worker', label: 'service worker: `postMessage(draft)`, the worker fetches', route: 'message', path: '/sink/r/service-worker', shownAs: '/routes/service-worker.js', how: { script: 'service-worker' }, passes: 'stays', refusal: 'error' }),
  // found by the second probe (each leaked the ID before): headers, the Referer, cookies, loaders, CSS values
  r({ id: 'fetch-header', label: "`fetch(url, {headers: {'X-Content': …}})`", route: 'fetch', path: '/sink/r/fetch-header', how: { script: 'fetch-header' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'xhr-header', label: "`xhr.setRequestHeader('X-Content', …)`", route: 'xhr', path: '/sink/r/xhr-header', how: { script: 'xhr-header' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetch-referrer', label: "`fetch(url, {referrer: '…?content=…'})` (the Referer)", route: 'fetch', path: '/sink/r/fetch-referrer', how: { script: 'fetch-referrer' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'history-referer', label: "`history.replaceState(…, '?content=…')`, then a request (its Referer)", route: 'history', path: '/sink/r/history', shownAs: '/routes/index.html', how: { script: 'history-referer' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'cookie', label: "`document.cookie = 'draft=…'`, then a request", route: 'cookie', path: '/sink/r/cookie', shownAs: '/', how: { script: 'cookie' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'cookieStore', label: '`cookieStore.set(…)`, then a request', route: 'cookie', path: '/sink/r/cookie-store/', shownAs: '/', how: { script: 'cookie-store' }, passes: 'stays', refusal: 'error', firefox: false }),
  r({ id: 'Worker-url', label: '`new Worker(…?content=…)` (the script URL)', route: 'worker', path: '/sink/r/worker-url', how: { script: 'worker-url' }, passes: 'stays', refusal: 'error', scriptUrl: true }),
  r({ id: 'importScripts', label: '`importScripts(…?content=…)` in a worker', route: 'worker', path: '/sink/r/import-scripts', how: { script: 'import-scripts' }, passes: 'stays', refusal: 'error', refusedOutright: true }),
  r({ id: 'sw-register', label: '`navigator.serviceWorker.register(…?content=…)`', route: 'element-url', path: '/sink/r/sw-register', how: { script: 'sw-register' }, passes: 'stays', refusal: 'error', scriptUrl: true }),
  r({ id: 'worklet', label: '`audioWorklet.addModule(…?content=…)`', route: 'element-url', path: '/sink/r/worklet', how: { script: 'worklet' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'FontFace', label: "`new FontFace('f', 'url(…?content=…)').load()`", route: 'element-url', path: '/sink/r/font', how: { script: 'font-face' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'animate', label: "`el.animate([{backgroundImage: 'url(…?content=…)'}])`", route: 'element-url', path: '/sink/r/animate', how: { script: 'animate' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'registerProperty', label: "`CSS.registerProperty({initialValue: 'url(…?content=…)'})` used by `var()`", route: 'element-url', path: '/sink/r/register-property', how: { script: 'register-property' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'cache.add', label: '`(await caches.open(…)).add(…?content=…)`', route: 'element-url', path: '/sink/r/cache', how: { script: 'cache-add' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'fetchLater', label: '`fetchLater(url, {body})`', route: 'fetch', path: '/sink/r/fetch-later', how: { script: 'fetch-later' }, passes: 'stays', refusal: 'error', firefox: false }),
  r({ id: 'svg-use-baseVal', label: '`svgUse.href.baseVal = …?content=…`', route: 'element-url', path: '/sink/r/svg-use', how: { script: 'svg-use-href' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'link-imagesrcset', label: "`<link rel=preload imagesrcset='…?content=…'>`", route: 'element-url', path: '/sink/r/imagesrcset', how: { script: 'link-imagesrcset' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'WebSocketStream', label: '`new WebSocketStream(…?content=…)`', route: 'websocket', path: '/sink/ws', how: { script: 'websocket-stream' }, passes: 'stays', refusal: 'error', firefox: false }),
  r({ id: 'meta-refresh', label: '`<meta http-equiv=refresh>` made by script', route: 'navigation', path: '/sink/r/meta-refresh', how: { script: 'meta-refresh' }, passes: 'navigates', refusal: 'silent' }),
  r({ id: 'payment-method', label: '`new PaymentRequest([{ supportedMethods: …?content=… }])`, `canMakePayment()`', route: 'element-url', path: '/sink/r/payment-method', how: { script: 'payment-method' }, passes: 'stays', refusal: 'error', firefox: false }),
  r({ id: 'fedcm-config', label: '`navigator.credentials.get({ identity: { providers: [{ configURL: …?content=… }] } })`', route: 'element-url', path: '/sink/r/fedcm-config', how: { script: 'fedcm-config' }, passes: 'stays', refusal: 'error', firefox: false }),
  r({ id: 'svg-set-markup', label: 'SVG `<set attributeName=href to=…>` on an `<image>`, by innerHTML', route: 'element-url', path: '/sink/r/svg-set', how: { script: 'svg-set-markup' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'svg-animate-attribute', label: "SVG `<animate>`: `setAttribute('values', …)` animating an `<image>`'s href", route: 'element-url', path: '/sink/r/svg-animate', how: { script: 'svg-animate-attribute' }, passes: 'stays', refusal: 'error' }),
  // found by the fifth probe (each leaked the ID before): the browser makes the element, or parses the document, itself
  r({ id: 'execCommand-insertImage', label: "`document.execCommand('insertImage', false, …?content=…)` in a contenteditable", route: 'element-url', path: '/sink/r/exec-insert-image', how: { script: 'exec-insert-image' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'xhr-document-adopt', label: "an `<img>` in an XHR `responseType='document'` (a blob: URL the page made), adopted into the page", route: 'element-url', path: '/sink/r/xhr-document', how: { script: 'xhr-document-adopt' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'svg-filter-attribute', label: "SVG `rect.setAttribute('filter', 'url(…?content=…#f)')` (an external filter document)", route: 'element-url', path: '/sink/r/svg-filter', how: { script: 'svg-filter-attribute' }, passes: 'stays', refusal: 'error' }),
  // found by the sixth probe
  r({ id: 'worker-blob-frame', label: "a worker's `URL.createObjectURL(new Blob([html]))` as an iframe's src (the page never saw the Blob)", route: 'element-url', path: '/sink/r/worker-blob-frame', how: { script: 'worker-blob-frame' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'quirks-blob-stylesheet', label: 'a `text/javascript` Blob as a `<link rel=stylesheet>` moved into an about:blank (quirks-mode) frame', route: 'element-url', path: '/sink/r/quirks-blob', how: { script: 'quirks-blob-stylesheet' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'iframe-javascript-url', label: "`iframe.src = 'javascript:\"<img src=…?content=…>\"'` (the string becomes the frame's document)", route: 'element-url', path: '/sink/r/iframe-javascript-url', how: { script: 'iframe-javascript-url' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'iframe-javascript-variable', label: "`iframe.src = 'javascript:parent.html'` (the markup in a variable: the URL holds no text to read)", route: 'element-url', path: '/sink/r/iframe-javascript-variable', how: { script: 'iframe-javascript-variable' }, passes: 'stays', refusal: 'error', refusedOutright: true }),
  // found by the sixth probe, closed by the seventh: a window still on its initial about:blank (no navigate
  // event), and a document a javascript: URL makes in place of the page
  r({ id: 'blank-frame-meta-refresh', label: 'a `<meta http-equiv=refresh>` put into a fresh `<iframe>` without src (initial about:blank)', route: 'navigation', path: '/sink/r/blank-frame-meta-refresh', how: { script: 'blank-frame-meta-refresh' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'blank-frame-link-click', label: '`a.click()` on a link made in a fresh `<iframe>` without src', route: 'link', path: '/sink/r/blank-frame-link-click', how: { script: 'blank-frame-link-click' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'blank-frame-opened-link', label: "`a.click()` in a fresh frame whose document the page wrote first (`document.open()` erases the window's listeners)", route: 'link', path: '/sink/r/blank-frame-opened-link', how: { script: 'blank-frame-opened-link' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'blank-frame-form', label: '`requestSubmit()` of a GET form made in a fresh `<iframe>` without src', route: 'form', path: '/sink/r/blank-frame-form', how: { script: 'blank-frame-form' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'blank-frame-opened-form', label: '`requestSubmit()` of a GET form in a fresh frame whose document the page wrote first', route: 'form', path: '/sink/r/blank-frame-opened-form', how: { script: 'blank-frame-opened-form' }, passes: 'stays', refusal: 'silent' }),
  r({ id: 'blank-frame-location', label: "`frame.contentWindow.location.href = …?content=…` on a fresh `<iframe>` without src", route: 'navigation', path: '/sink/r/blank-frame-location', how: { script: 'blank-frame-location' }, passes: 'stays', refusal: 'silent', personalNumberRule: true }),
  r({ id: 'blank-frame-replace', label: '`frames[n].location.replace(…?content=…)` on a fresh `<iframe>` without src (no contentWindow getter)', route: 'navigation', path: '/sink/r/blank-frame-replace', how: { script: 'blank-frame-replace' }, passes: 'stays', refusal: 'silent', personalNumberRule: true }),
  r({ id: 'blank-frame-assign', label: '`frame.contentWindow.location.assign(…?content=…)` on a fresh `<iframe>` without src', route: 'navigation', path: '/sink/r/blank-frame-assign', how: { script: 'blank-frame-assign' }, passes: 'stays', refusal: 'silent', personalNumberRule: true }),
  r({ id: 'blank-window-location', label: "`window.open('')`, then its `location.href = …?content=…`", route: 'navigation', path: '/sink/r/blank-window-location', how: { script: 'blank-window-location' }, passes: 'new-window', refusal: 'silent', personalNumberRule: true }),
  // the twelfth probe's open case, closed by the CMS page's frame-src (lib/gate/data-frame-rules.ts): refused, clean or not
  r({ id: 'blank-frame-location-data', label: "`frame.contentWindow.location.href = 'data:text/html,<img src=…?content=…>'` on a fresh `<iframe>` without src", route: 'navigation', path: '/sink/r/blank-frame-location-data', how: { script: 'blank-frame-location-data' }, passes: 'stays', refusal: 'silent', refusedOutright: true }),
  r({ id: 'blank-frame-replace-data', label: "`frames[n].location.replace('data:text/html,<img src=…?content=…>')` on a fresh `<iframe>` without src", route: 'navigation', path: '/sink/r/blank-frame-replace-data', how: { script: 'blank-frame-replace-data' }, passes: 'stays', refusal: 'silent', refusedOutright: true }),
  r({ id: 'javascript-link-markup', label: "`a.click()` on a link `href='javascript:\"<img src=…?content=…>\"'` (the string replaces the page)", route: 'element-url', path: '/sink/r/javascript-link-markup', how: { script: 'javascript-link-markup' }, passes: 'stays', refusal: 'silent', refusedOutright: true }),
  r({ id: 'location-javascript-markup', label: "`location.href = 'javascript:\"<img src=…?content=…>\"'` on the page itself", route: 'navigation', path: '/sink/r/location-javascript-markup', how: { script: 'location-javascript-markup' }, passes: 'stays', refusal: 'silent', refusedOutright: true, firefox: 'open' }),
  r({ id: 'xslt-include', label: "XSLT: an `xsl:include` whose `href` is set by `setAttribute`, then a transform", route: 'element-url', path: '/sink/r/xslt-include', how: { script: 'xslt-include' }, passes: 'stays', refusal: 'error' }),
  r({ id: 'WebSocketStream-write', label: '`WebSocketStream` writable: `writer.write(draft)`', route: 'websocket.send', path: '/sink/ws', how: { script: 'websocket-stream-write' }, passes: 'stays', refusal: 'error', firefox: false }),
  r({ id: 'Worker-WebSocketStream-write', label: "a Worker's `WebSocketStream` writable: `writer.write(draft)`", route: 'worker.websocket', path: '/sink/ws', how: { script: 'worker-websocket-stream' }, passes: 'stays', refusal: 'error', refusedOutright: true, firefox: false }),
  // found by the third probe: speculation rules, refused whole while Precheck guards the page (Firefox has none)
  ...SPECULATION.map(([id, label]) =>
    r({ id, label, route: 'element-url', path: `/sink/r/${id}`, how: { script: id }, passes: 'stays', refusal: 'error', refusedOutright: true, firefox: false }),
  ),
  // found by the second probe, closed by the browser's script-URL rule (lib/gate/script-url-rules.ts): any
  // text-shaped script URL from the CMS is refused, signed or not, and the panel does not list it
  r({ id: 'import()', label: "`import('/x.js?content=…')` in the page", route: 'element-url', path: '/sink/js/import-page', how: { script: 'import-page' }, passes: 'stays', refusal: 'error', refusedOutright: true }),
  r({ id: 'import()-ascii', label: "`import('/x.js?id=<ID>')` in the page (the ID alone, no encoded text)", route: 'element-url', path: '/sink/js/import-ascii', how: { script: 'import-ascii' }, passes: 'stays', refusal: 'error', refusedOutright: true }),
  r({ id: 'import()-worker', label: "`import('/x.js?content=…')` in a worker", route: 'worker', path: '/sink/js/import-worker', how: { script: 'import-worker' }, passes: 'stays', refusal: 'error', refusedOutright: true }),
  r({ id: 'module-worker-import', label: "a module worker's static `import '/x.js?content=…'`", route: 'worker', path: '/sink/js/module-worker-import', how: { script: 'module-worker-import' }, passes: 'stays', refusal: 'error', refusedOutright: true }),
  // controls that are not buttons, or not where a button would be
  r({ id: 'shadow-发布', label: '发布 inside a web component’s open shadow root (fetch)', route: 'fetch', path: '/sink/r/shadow', how: { click: 'route-publisher >> button', last: true }, passes: 'stays', refusal: 'error', earlyStop: true }),
  r({ id: 'span-jQuery', label: '`<span>发布</span>` with a jQuery handler ($.ajax)', route: 'xhr', path: '/sink/r/span', how: { click: '#span-publish', last: true }, passes: 'stays', refusal: 'error' }),
  r({ id: 'div-jQuery', label: '`<div>提交审核</div>` with a jQuery handler ($.ajax)', route: 'xhr', path: '/sink/r/div', how: { click: '#div-publish', last: true }, passes: 'stays', refusal: 'error' }),
  r({ id: 'li-jQuery', label: '`<li>确认发布</li>` with a jQuery handler ($.ajax)', route: 'xhr', path: '/sink/r/li', how: { click: '#li-publish', last: true }, passes: 'stays', refusal: 'error' }),
  r({ id: 'long-label', label: 'a button labelled over 12 characters (fetch)', route: 'fetch', path: '/sink/r/long-label', how: { click: '#btn-long', last: true }, passes: 'stays', refusal: 'error', earlyStop: true }),
];

/**
 * The routes run again in real editors: test/e2e/extension.e2e.test.ts walks every publish path in
 * every editor; these are a few whose body is the editor's getContent() in another shape each.
 */
export const IN_EDITORS: readonly string[] = ['submit-保存', 'fetch-FormData', '$.ajax', 'Worker-fetch'];

/** What the CMS does all day without the draft: every one must still reach the server. */
export const WORKING_CASES = [
  { id: 'search', label: 'search (GET with a query)', path: '/sink/r/search' },
  { id: 'list-load', label: 'list loading ($.getJSON)', path: '/sink/r/list' },
  { id: 'poll', label: 'polling (fetch every few seconds)', path: '/sink/r/poll' },
  { id: 'image-load', label: 'image load (`<img src>` with a cache-buster)', path: '/sink/pixel.gif' },
  { id: 'insert-image', label: "an editor's own picture: `execCommand('insertImage', false, '/upload/…?v=<timestamp>')`", path: '/sink/r/insert-image' },
  { id: 'script-timestamp', label: '`<script src>` with a timestamp in milliseconds', path: '/sink/js/script-timestamp' },
  { id: 'script-random', label: '`<script src>` with a `Math.random()` cache-buster', path: '/sink/js/script-random' },
  { id: 'import-version', label: '`import()` with a yyyyMMddHHmmssSSS version and a timestamp in seconds', path: '/sink/js/import-version' },
  { id: 'xslt-clean-fragment', label: 'an XSLT fragment holding a picture without text (`transformToFragment`, put in the page)', path: '/sink/r/xslt-clean' },
  { id: 'blank-frame-clean', label: 'a fresh frame sent by `contentWindow.location.href` to a page named by a 19-digit item id', path: '/sink/r/blank-frame-clean' },
  { id: 'javascript-button', label: 'a `javascript:checkArc(42)` button (a link whose code calls the CMS)', path: '/sink/r/javascript-button' },
  { id: 'jsonp', label: "jQuery JSONP by a `<script>` (`$.ajax({dataType: 'jsonp', crossDomain: true})`: a callback named by digits)", path: '/sink/js/jsonp' },
] as const;
