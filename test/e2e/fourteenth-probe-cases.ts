/**
 * The fourteenth probe's cases (test/e2e/gate-fourteenth-probe.e2e.test.ts, Chromium; and
 * test/e2e-firefox/gate-fourteenth-probe.e2e.test.ts): what leaves with a request besides its URL,
 * headers and body (a method, a header's name, a close frame's reason), link activations no listener
 * could stop, forms in shadow roots, xml-stylesheet processing instructions. Page script after PRE,
 * over a browser's probe harness (probe-harness.ts).
 */

/** Page helpers: a wait, a fresh named frame, a socket URL on the page's recorder, a socket's open, a form with the draft in a shadow root, a blob: SVG frame's document. */
export const PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const frame = (name) => { const f = document.createElement('iframe'); if (name) f.name = name; document.body.append(f); return f.contentWindow; };
  const wsUrl = (n) => location.origin.replace(/^http/, 'ws') + '/sink/ws?p14=' + n;
  const opened = (ws) => new Promise((r, j) => { ws.onopen = r; ws.onerror = () => j(new Error('ws error')); });
  const shadowForm = (mode, target) => { const h = document.createElement('div'); document.body.append(h); const r = h.attachShadow({ mode }); const fm = document.createElement('form'); fm.method = 'post'; fm.target = target; fm.action = sink('p14-shadow-' + mode + target); const i = document.createElement('input'); i.name = 'c'; i.value = draft; fm.append(i); r.append(fm); return fm; };
  const svgFrame = async (head = '') => { const u = URL.createObjectURL(new Blob([head + '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>'], { type: 'image/svg+xml' })); const f = document.createElement('iframe'); f.src = u; document.body.append(f); await new Promise((r) => (f.onload = r)); return f.contentDocument; };
`;

/** What leaves in the request line and header names: a method and a header's name are any token. */
export const TOKEN_CASES: [label: string, code: string][] = [
  ['fetch with the ID as its method', String.raw`await fetch(RAW + '/p14-method', { method: ID }).catch(() => 0);`],
  ['a Request with the ID as its method, fetched', String.raw`await fetch(new Request(RAW + '/p14-req-method', { method: ID })).catch(() => 0);`],
  ["XHR's open(ID, url)", String.raw`const x = new XMLHttpRequest(); x.open(ID, RAW + '/p14-xhr-method'); x.send(); await wait(600);`],
  ['fetchLater with the ID as its method', String.raw`fetchLater(RAW + '/p14-later-method', { method: ID, activateAfter: 0 }); await wait(300);`],
  ["a worker's fetch with the ID as its method", String.raw`return inWorker("await fetch(RAW + '/p14-w-method', { method: ID }).catch(() => 0);");`],
  ['fetch with the ID as a header name', String.raw`await fetch(RAW + '/p14-hname', { headers: { [ID]: '1' } }).catch(() => 0);`],
  ["XHR's setRequestHeader(ID, '1')", String.raw`const x = new XMLHttpRequest(); x.open('GET', RAW + '/p14-xhr-hname'); x.setRequestHeader(ID, '1'); x.send(); await wait(600);`],
  ["a worker's fetch with the ID as a header name", String.raw`return inWorker("await fetch(RAW + '/p14-w-hname', { headers: { [ID]: '1' } }).catch(() => 0);");`],
];

/** A close frame's reason (up to 123 bytes) leaves with the page's text. */
export const CLOSE_CASES: [label: string, code: string][] = [
  ['ws.close(4000, ID)', String.raw`const ws = new WebSocket(wsUrl('close')); await opened(ws); ws.close(4000, ID); await wait(500);`],
  ["a worker's ws.close(4000, ID)", String.raw`return inWorker("const ws = new WebSocket(" + JSON.stringify(location.origin.replace(/^http/, 'ws') + '/sink/ws') + "); await new Promise((r) => (ws.onopen = r)); ws.close(4000, ID); await new Promise((r) => setTimeout(r, 500));");`],
  ["a WebSocketStream's close({ closeCode, reason: ID })", String.raw`const s = new WebSocketStream(wsUrl('wss-close')); await s.opened; s.close({ closeCode: 4000, reason: ID }); await wait(500);`],
  ["a WebSocketStream's writable aborted with a WebSocketError whose reason is the ID", String.raw`const s = new WebSocketStream(wsUrl('wss-abort')); const { writable } = await s.opened; await writable.abort(new WebSocketError('x', { closeCode: 4000, reason: ID })).catch(() => 0); await wait(500);`],
  ["a WebSocketStream's readable cancelled with such a WebSocketError", String.raw`const s = new WebSocketStream(wsUrl('wss-cancel')); const { readable } = await s.opened; await readable.cancel(new WebSocketError('x', { closeCode: 4000, reason: ID })).catch(() => 0); await wait(500);`],
];

/** Link activations the window's click listener could not stop or did not see. */
export const LINK_CASES: [label: string, code: string][] = [
  ['a click dispatched without cancelable on a javascript: link into a fresh frame', String.raw`frame('p14h'); const a = document.createElement('a'); a.setAttribute('href', 'javascript:"<img src=' + sink('p14-html-a') + '?c=' + ID + '>"'); a.target = 'p14h'; document.body.append(a); a.dispatchEvent(new MouseEvent('click', { bubbles: true })); await wait(300);`],
  ['a click dispatched without cancelable on a link whose ping carries the ID', String.raw`frame('p14ap'); const a = document.createElement('a'); a.href = sink('p14-ping-page') + '?v=1'; a.target = 'p14ap'; a.ping = sink('p14-ping') + '?c=' + ID; document.body.append(a); a.dispatchEvent(new MouseEvent('click', { bubbles: true })); await wait(300);`],
  ['an SVG <a xlink:href="javascript:…"> into a fresh frame', String.raw`frame('p14svg'); const s = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); const a = document.createElementNS('http://www.w3.org/2000/svg', 'a'); a.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', 'javascript:"<img src=' + sink('p14-svg-a') + '?c=' + ID + '>"'); a.setAttribute('target', 'p14svg'); const t = document.createElementNS('http://www.w3.org/2000/svg', 'text'); t.textContent = 'x'; a.append(t); s.append(a); document.body.append(s); t.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })); await wait(300);`],
  ['a javascript: link into a fresh frame in a closed shadow root, click()', String.raw`frame('p14cs'); const h = document.createElement('div'); document.body.append(h); const r = h.attachShadow({ mode: 'closed' }); const a = document.createElement('a'); a.setAttribute('href', 'javascript:"<img src=' + sink('p14-closed') + '?c=' + ID + '>"'); a.target = 'p14cs'; a.textContent = 'x'; r.append(a); a.click(); await wait(300);`],
  ['a link with a ping in a closed shadow root, click()', String.raw`frame('p14csp'); const h = document.createElement('div'); document.body.append(h); const r = h.attachShadow({ mode: 'closed' }); const a = document.createElement('a'); a.href = sink('p14-closedp-page') + '?v=1'; a.target = 'p14csp'; a.ping = sink('p14-closedp') + '?c=' + ID; a.textContent = 'x'; r.append(a); a.click(); await wait(300);`],
  ['a link with a ping in an open shadow root, click() (the window hears it retargeted to the host)', String.raw`frame('p14osp'); const h = document.createElement('div'); document.body.append(h); const r = h.attachShadow({ mode: 'open' }); const a = document.createElement('a'); a.href = sink('p14-openp-page') + '?v=1'; a.target = 'p14osp'; a.ping = sink('p14-openp') + '?c=' + ID; a.textContent = 'x'; r.append(a); a.click(); await wait(300);`],
  ["the same in a declarative closed root, reached through a custom element's internals.shadowRoot", String.raw`customElements.define('p14-host', class extends HTMLElement { constructor() { super(); this.i = this.attachInternals(); } }); frame('p14dsp'); const d = document.createElement('div'); document.body.append(d); d.setHTMLUnsafe('<p14-host><template shadowrootmode="closed"><a href="' + sink('p14-dsp-page') + '?v=1" target="p14dsp" ping="' + sink('p14-dsp') + '?c=' + ID + '">x</a></template></p14-host>'); const host = d.firstElementChild; customElements.upgrade(host); host.i.shadowRoot.querySelector('a').click(); await wait(300);`],
];

/** A form in a shadow root posted into another window: its submit and formdata events stop at the root. */
export const SHADOW_FORM_CASES: [label: string, code: string][] = [
  ['an open root, requestSubmit() into a fresh frame', String.raw`frame('p14so'); shadowForm('open', 'p14so').requestSubmit(); await wait(300);`],
  ['a closed root, requestSubmit() into a fresh frame', String.raw`frame('p14sc'); shadowForm('closed', 'p14sc').requestSubmit(); await wait(300);`],
  ['a closed root, requestSubmit() into a new window', String.raw`shadowForm('closed', '_blank').requestSubmit(); await wait(300);`],
  ["a closed root, its submit button's click() into a fresh frame", String.raw`frame('p14sb'); const fm = shadowForm('closed', 'p14sb'); const b = document.createElement('button'); fm.append(b); b.click(); await wait(300);`],
  ["a closed root made in a custom element's constructor (the host not yet in the document), requestSubmit() into a fresh frame", String.raw`customElements.define('p14-early', class extends HTMLElement { constructor() { super(); const r = this.attachShadow({ mode: 'closed' }); this.form = document.createElement('form'); this.form.method = 'post'; this.form.target = 'p14se'; this.form.action = sink('p14-early'); const i = document.createElement('input'); i.name = 'c'; this.form.append(i); r.append(this.form); } }); frame('p14se'); const host = document.createElement('p14-early'); document.body.append(host); host.form.elements.c.value = draft; host.form.requestSubmit(); await wait(300);`],
  ["a closed root, a clean form whose own formdata listener adds the draft and stops the event", String.raw`frame('p14sl'); const fm = shadowForm('closed', 'p14sl'); fm.elements.c.value = '通知'; fm.addEventListener('formdata', (e) => { e.formData.append('content', draft); e.stopImmediatePropagation(); }); fm.requestSubmit(); await wait(300);`],
  ["a declarative closed root reached through internals.shadowRoot, requestSubmit() into a fresh frame", String.raw`customElements.define('p14-form-host', class extends HTMLElement { constructor() { super(); this.i = this.attachInternals(); } }); frame('p14sd'); const d = document.createElement('div'); document.body.append(d); d.setHTMLUnsafe('<p14-form-host><template shadowrootmode="closed"><form method="post" target="p14sd" action="' + sink('p14-sd') + '"><input name="c"></form></template></p14-form-host>'); const host = d.firstElementChild; customElements.upgrade(host); const fm = host.i.shadowRoot.querySelector('form'); fm.elements.c.value = draft; fm.requestSubmit(); await wait(300);`],
  ["an open root declared in a parseHTMLUnsafe document, moved into the page, requestSubmit() into a fresh frame", String.raw`frame('p14sp'); const doc = Document.parseHTMLUnsafe('<div><template shadowrootmode="open"><form method="post" target="p14sp" action="' + sink('p14-sp') + '"><input name="c"></form></template></div>'); const host = doc.body.firstElementChild; document.body.append(host); const fm = host.shadowRoot.querySelector('form'); fm.elements.c.value = draft; fm.requestSubmit(); await wait(300);`],
];

/** An <?xml-stylesheet?> in an XML document the page can reach (a blob: SVG in a frame): its href loads. */
export const PI_CASES: [label: string, code: string][] = [
  ["made by the frame document's createProcessingInstruction, put in", String.raw`const d = await svgFrame(); d.insertBefore(d.createProcessingInstruction('xml-stylesheet', 'type="text/css" href="' + sink('p14-pi') + '?c=' + ID + '"'), d.documentElement); await wait(300);`],
  ["made by the page's createProcessingInstruction, put in the frame's document", String.raw`const d = await svgFrame(); d.insertBefore(Document.prototype.createProcessingInstruction.call(document, 'xml-stylesheet', 'type="text/css" href="' + sink('p14-pi-x') + '?c=' + ID + '"'), d.documentElement); await wait(300);`],
  ['one the document came with, its data set', String.raw`const d = await svgFrame('<?xml-stylesheet type="text/css" href="x.css"?>'); d.firstChild.data = 'type="text/css" href="' + sink('p14-pi-data') + '?c=' + ID + '"'; await wait(300);`],
  ['the same, the ID appended (appendData)', String.raw`const d = await svgFrame('<?xml-stylesheet type="text/css" href="x.css"?>'); d.firstChild.data = 'type="text/css" href="' + sink('p14-pi-app') + '?c='; d.firstChild.appendData(ID + '"'); await wait(300);`],
];

/** What must keep working: each arrives, nothing carrying the ID. */
export const CLEAN_CASES: [label: string, code: string][] = [
  ['a WebDAV method and ordinary header names still arrive (fetch and XHR)', String.raw`await fetch(sink('p14-clean-method'), { method: 'PROPFIND', headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-B3-TraceId': '80f198ee56343ba864fe8b2a57d3eff7' } }); const x = new XMLHttpRequest(); x.open('PURGE', sink('p14-clean-xhr')); x.setRequestHeader('X-Request-Id', '6f1c2a9e-4b7d-4c1e-9a3b-2d5e8f0c1a7b'); x.send(); await new Promise((r) => x.addEventListener('loadend', r));`],
  ['a socket closed with a clean reason (Chinese, so asked about) closes with it', String.raw`const ws = new WebSocket(wsUrl('clean-close')); await opened(ws); const closed = new Promise((r) => (ws.onclose = (e) => r(e.reason))); ws.close(4000, '编辑完成'); if ((await closed) === '编辑完成') await fetch(sink('p14-clean-close') + '?r=1');`],
  ['a clean link activated by a click dispatched without cancelable still loads in its frame', String.raw`frame('p14cl'); const a = document.createElement('a'); a.href = sink('p14-clean-link') + '?v=1'; a.target = 'p14cl'; document.body.append(a); a.dispatchEvent(new MouseEvent('click', { bubbles: true })); await wait(300);`],
  ['a clean link with a ping in a closed shadow root: the frame loads and the ping goes', String.raw`frame('p14clp'); const h = document.createElement('div'); document.body.append(h); const r = h.attachShadow({ mode: 'closed' }); const a = document.createElement('a'); a.href = sink('p14-clean-shadow-page') + '?v=1'; a.target = 'p14clp'; a.ping = sink('p14-clean-ping') + '?v=2'; a.textContent = 'x'; r.append(a); a.click(); await wait(300);`],
  ['a clean form in an open shadow root still posts into its frame', String.raw`frame('p14cf'); const fm = shadowForm('open', 'p14cf'); fm.elements.c.value = '通知'; fm.action = sink('p14-clean-shadow-form'); fm.requestSubmit(); await wait(300);`],
  ['a clean xml-stylesheet processing instruction still loads its stylesheet', String.raw`const d = await svgFrame(); d.insertBefore(d.createProcessingInstruction('xml-stylesheet', 'type="text/css" href="' + sink('p14-clean-pi') + '?v=3"'), d.documentElement); await wait(300);`],
];
