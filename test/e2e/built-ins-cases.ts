/**
 * The tenth probe's cases (test/e2e/gate-built-ins.e2e.test.ts, Chromium; and
 * test/e2e-firefox/gate-built-ins.e2e.test.ts): page code that replaces one of JavaScript's own
 * built-ins the guard used while deciding. Page script (probe-page.ts' pageScript names) over a
 * browser's probe harness (probe-harness.ts); the rows of ./built-ins-rows/ are the rest of the probe.
 */

/** The page's own POST of the draft, by XHR, then a second for the verdict to come back. */
const XHR_POST = (name: string) => `const x = new XMLHttpRequest(); x.open('POST', sink('${name}')); x.send('content=' + encodeURIComponent(draft)); await new Promise((r) => setTimeout(r, 1000));`;
const FORM_FETCH = (name: string) => `p = fetch(sink('${name}'), { method: 'POST', body: fd });`;

/** JavaScript built-ins replaced after load: delivered without Precheck, never with it. */
export const REPLACED: [label: string, code: string][] = [
  [
    'Promise.prototype.then turns every answer into a pass',
    `const t = Promise.prototype.then; Promise.prototype.then = function (f, r) { return t.call(this, f && ((v) => f(v && typeof v === 'object' && 'pass' in v ? { pass: true } : v)), r); };
     try { ${XHR_POST('then')} } finally { Promise.prototype.then = t; }`,
  ],
  [
    "await made to ask the page's then (Promise.prototype.constructor replaced too)",
    `const t = Promise.prototype.then; const d = Object.getOwnPropertyDescriptor(Promise.prototype, 'constructor');
     Object.defineProperty(Promise.prototype, 'constructor', { configurable: true, get() { return Object; } });
     Promise.prototype.then = function (f, r) { return t.call(this, f && ((v) => f(v && typeof v === 'object' && 'pass' in v ? { pass: true } : v)), r); };
     let p; try { p = fetch(sink('await'), { method: 'POST', body: 'content=' + encodeURIComponent(draft) }); await new Promise((r) => setTimeout(r, 1000)); }
     finally { Promise.prototype.then = t; Object.defineProperty(Promise.prototype, 'constructor', d); } await p.catch(() => {});`,
  ],
  [
    'Object.prototype.then makes a refusal a thenable that resolves as a pass',
    `Object.defineProperty(Object.prototype, 'then', { configurable: true, writable: true, value: function (res) { const v = this; delete Object.prototype.then; res(v && 'pass' in v && !v.pass ? { pass: true } : v); } });
     try { ${XHR_POST('thenable')} } finally { delete Object.prototype.then; }`,
  ],
  [
    "MessageEvent.prototype's data getter rewrites the answer",
    `const d = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data');
     Object.defineProperty(MessageEvent.prototype, 'data', { configurable: true, get() { const v = d.get.call(this); return v && v.type === 'answer' ? { ...v, answer: { pass: true } } : v; } });
     try { ${XHR_POST('msgdata')} } finally { Object.defineProperty(MessageEvent.prototype, 'data', d); }`,
  ],
  [
    'Object.prototype.toJSON rewrites the question a sync XHR asks',
    `Object.prototype.toJSON = function () { return this && this.kind === 'text' ? { kind: 'none' } : this; };
     try { const x = new XMLHttpRequest(); x.open('POST', sink('tojson'), false); x.send('content=' + encodeURIComponent(draft)); } finally { delete Object.prototype.toJSON; }`,
  ],
  [
    'Array.prototype.push does nothing: a FormData judged without fields',
    `const fd = new FormData(); fd.append('content', draft); const p0 = Array.prototype.push; Array.prototype.push = function () { return this.length; };
     let p; try { ${FORM_FETCH('push')} } finally { Array.prototype.push = p0; } await p;`,
  ],
  [
    "an array iterator's next ends at once: a FormData judged without fields",
    `const fd = new FormData(); fd.append('content', draft); const I = Object.getPrototypeOf([][Symbol.iterator]()); const n0 = I.next; I.next = function () { return { done: true, value: undefined }; };
     let p; try { ${FORM_FETCH('iter')} } finally { I.next = n0; } await p;`,
  ],
  [
    "String.prototype.indexOf and RegExp.prototype.test: an image's query looks like no text",
    `const i0 = String.prototype.indexOf; const t0 = RegExp.prototype.test; String.prototype.indexOf = function () { return -1; }; RegExp.prototype.test = function () { return false; };
     try { new Image().src = sink('idx') + '?c=' + ID; } finally { String.prototype.indexOf = i0; RegExp.prototype.test = t0; }`,
  ],
  [
    'URL.createObjectURL names where the refused XHR is re-aimed',
    `const c0 = URL.createObjectURL; URL.createObjectURL = function () { return sink('dead') + '?c=' + encodeURIComponent(draft); };
     try { ${XHR_POST('refused')} } finally { URL.createObjectURL = c0; }`,
  ],
  [
    "a Set iterator's next ends at once: markup's URLs never asked about",
    `const I = Object.getPrototypeOf(new Set()[Symbol.iterator]()); const n0 = I.next; I.next = function () { return { done: true, value: undefined }; };
     try { const d = document.createElement('div'); d.innerHTML = '<img src="' + sink('set-iter') + '?c=' + ID + '">'; document.body.append(d); } finally { I.next = n0; }`,
  ],
  [
    'String replaced: markup judged as an empty string',
    `const S = String; window.String = function () { return ''; };
     try { const d = document.createElement('div'); d.innerHTML = '<img src="' + sink('str-html') + '?c=' + ID + '">'; document.body.append(d); } finally { window.String = S; }`,
  ],
  [
    "String.prototype.toLowerCase replaced: setAttribute's name judged as ''",
    `const l0 = String.prototype.toLowerCase; String.prototype.toLowerCase = function () { return ''; };
     try { const i = document.createElement('img'); i.setAttribute('src', sink('lower') + '?c=' + ID); document.body.append(i); } finally { String.prototype.toLowerCase = l0; }`,
  ],
  [
    "an array iterator's next ends at once: setAttribute's arguments read as undefined",
    `const I = Object.getPrototypeOf([][Symbol.iterator]()); const n0 = I.next; I.next = function () { return { done: true, value: undefined }; };
     try { const i = document.createElement('img'); i.setAttribute('src', sink('attr-iter') + '?c=' + ID); document.body.append(i); } finally { I.next = n0; }`,
  ],
  [
    'TextDecoder.prototype.decode says the bytes hold nothing',
    `const d0 = TextDecoder.prototype.decode; const bytes = new TextEncoder().encode('content=' + encodeURIComponent(draft)); TextDecoder.prototype.decode = function () { return 'ok'; };
     let p; try { p = fetch(sink('decode'), { method: 'POST', body: bytes }); } finally { TextDecoder.prototype.decode = d0; } await p;`,
  ],
  [
    'WebSocket.prototype.constructor: the unguarded WebSocket (raw)',
    `const WS = WebSocket.prototype.constructor; const ws = new WS(RAW.replace('http', 'ws') + '/ws-ctor?c=' + ID); await new Promise((r) => setTimeout(r, 1000)); ws.close();`,
  ],
  [
    'Object.getPrototypeOf(Audio): the unguarded Audio',
    // (a plain browser's Audio has Function.prototype there: the page then takes Audio itself)
    `const up = Object.getPrototypeOf(Audio); const A = up === Function.prototype ? Audio : up; const a = new A(sink('audio-ctor') + '?c=' + ID); a.preload = 'auto'; a.load(); await new Promise((r) => setTimeout(r, 1000));`,
  ],
];

/** Aimed at the hooks: without Precheck the page's own call sends the clean version, which must arrive with Precheck too. */
export const AT_THE_HOOKS: [label: string, code: string][] = [
  [
    "a fetch init's body answered by a getter on Object.prototype",
    `let n = 0; Object.defineProperty(Object.prototype, 'body', { configurable: true, get() { return n++ ? 'content=' + encodeURIComponent(draft) : 'hello'; }, set() {} });
     let p; try { p = fetch(sink('proto-body'), { method: 'POST' }); } finally { delete Object.prototype.body; } await p;`,
  ],
  [
    "document.write's 65th argument: a string that answers twice",
    `const f = document.createElement('iframe'); document.body.append(f); const d = f.contentDocument; d.open();
     d.write(...new Array(64).fill(''), flip('<img src="' + sink('dw') + '?q=1">', '<img src="' + sink('dw') + '?c=' + ID + '">')); d.close(); await new Promise((r) => setTimeout(r, 1000));`,
  ],
];
