/**
 * The eighth probe (a helper in real Chromium, 2026-12-05), kept as a test. Two classes:
 *
 * - **Read once**: a hook judged what the page handed in and handed the browser the page's object,
 *   which the browser read again — after fetch's or XHR's wait for the verdict, or through an object's
 *   toString or a getter that answers the second reader otherwise. The page changed the body, URL,
 *   headers or init after the call, or gave `{ toString() { return n++ ? draft : clean } }`, and the ID
 *   arrived. Now what is judged is a copy read once, and that copy is what the browser sends: the
 *   clean version arrives, nothing carrying the ID (lib/intercept/main/hooks/once.ts).
 * - **Not read at all**: subprotocols, a `<tr background>`, an iframe's `csp`, a multipart filename,
 *   a Blob's type, keyframes given as a Set, a custom property's string that image-set(var()) fetches,
 *   WebRTC ICE credentials in a description the page writes. Without Precheck (the control host) each
 *   delivers the ID; with it each is refused and nothing carrying the ID arrives.
 *
 * Headers, filenames and STUN checks arrive at a raw recorder (./raw-recorder.ts): the recording
 * server keeps none of them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { launchBrowser, type Browser } from '../../lib/demo/browser.ts';
import { startCmsServer, type CmsServer } from '../../lib/demo/server.ts';
import { EXTENSION_DIR } from './extension-helpers.ts';
import { ID, openRoutes, ownDraft, writeDraft } from './gate-drive.ts';
import { startRawRecorder, type RawRecorder } from './raw-recorder.ts';

let browser: Browser;
let server: CmsServer;
let control: CmsServer;
let raw: RawRecorder;
let page: Page;

beforeAll(async () => {
  [browser, server, control, raw] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startCmsServer(), startCmsServer({ host: '127.0.0.2', port: 0 }), startRawRecorder()]);
  await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.close(), control?.close(), raw?.close()]);
});

/**
 * Page script: `draft` (the editor's text, with the ID), `sink(name)` (the page's own recording
 * server), `RAW` and `UDP_PORT` (the raw recorder), `flip(clean, other)` (an object whose first
 * string is `clean` and every later one `other`).
 */
async function run(code: string): Promise<string> {
  return page.evaluate<string>(`(async () => {
    const draft = window.__routes.getContent();
    const ID = ${JSON.stringify(ID)};
    const sink = (n) => location.origin + '/sink/ro/' + n;
    const RAW = ${JSON.stringify(raw.url)};
    const UDP_PORT = ${raw.udpPort};
    const flip = (clean, other) => { let n = 0; return { toString: () => (n++ ? other : clean) }; };
    try { return 'ok: ' + String(await (async () => { ${code} })()); } catch (e) { return 'threw: ' + String((e && e.message) || e); }
  })()`);
}

const settle = () => new Promise((r) => setTimeout(r, 1500));

/** What reached the recording server or the raw recorder carrying the ID since the marks. */
function carrying(on: CmsServer, since: number, t0: number): string[] {
  return [...on.carrying(ID, { since }).map((r) => `${r.method} ${r.url}`), ...raw.carrying(ID, t0)];
}

async function onGuardedPage(): Promise<void> {
  await openRoutes(page, server);
  await writeDraft(page, ownDraft(81, true));
}

const READ_ONCE: [label: string, code: string][] = [
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
  ["an element's style with a toString that answers twice", `const d = document.createElement('div'); document.body.append(d); d.style.cssText = flip('color:red;background-image:url(' + sink('css') + '?q=1)', 'background-image:url(' + sink('css') + '?c=' + ID + ')');`],
];

describe('read once: the browser sends the copy that was judged', () => {
  test.each(READ_ONCE)('%s: the clean version arrives, nothing carrying the ID', async (_label, code) => {
    await onGuardedPage();
    const [since, t0] = [server.mark(), Date.now()];
    const outcome = await run(code);
    await settle();
    expect(carrying(server, since, t0), outcome).toEqual([]);
    expect(server.requests({ since }).filter((r) => r.path.startsWith('/sink/ro/')).length + raw.count(t0), outcome).toBeGreaterThan(0);
  });
});

const NOT_READ: [label: string, code: string][] = [
  ['WebSocket subprotocol', `new WebSocket(RAW.replace('http', 'ws') + '/ws', ['p-' + ID]);`],
  ['WebSocketStream subprotocols', `new WebSocketStream(RAW.replace('http', 'ws') + '/wss', { protocols: ['p-' + ID] });`],
  ['<tr background>', `const t = document.createElement('table'); const tr = t.insertRow(); tr.setAttribute('background', sink('tr') + '?c=' + encodeURIComponent(draft)); tr.insertCell().textContent = 'x'; document.body.append(t);`],
  ["an iframe's csp attribute (Sec-Required-CSP)", `const f = document.createElement('iframe'); f.setAttribute('csp', "img-src 'self' http://p." + ID + '.example'); f.src = RAW + '/frame'; document.body.append(f);`],
  ['a multipart filename', `const fd = new FormData(); fd.append('file', new Blob(['hello']), ID + '.txt'); await fetch(RAW + '/upload', { method: 'POST', body: fd });`],
  ["a Blob body's type (Content-Type)", `await fetch(RAW + '/blob-type', { method: 'POST', body: new Blob(['hello'], { type: 'text/plain;x=' + ID }) });`],
  ['keyframes given as a Set', `const d = document.createElement('div'); d.style.cssText = 'width:9px;height:9px'; document.body.append(d); d.animate(new Set([{ backgroundImage: 'url(' + sink('kf') + '?c=' + encodeURIComponent(draft) + ')' }, { backgroundImage: 'none' }]), 3000);`],
  ["a custom property's string used by image-set(var())", `const d = document.createElement('div'); d.style.cssText = 'width:9px;height:9px'; document.body.append(d); d.style.setProperty('--s', JSON.stringify(sink('var') + '?c=' + encodeURIComponent(draft))); d.style.setProperty('background-image', 'image-set(var(--s) 1x)');`],
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

describe('not read before: delivered without Precheck, refused with it', () => {
  test.each(NOT_READ)('%s', async (_label, code) => {
    await page.goto(`${control.url}/routes/index.html`);
    await page.waitForFunction('window.__routes && window.__routes.ready === true');
    await page.evaluate(`window.__routes.setContent(${JSON.stringify(ownDraft(82, true))})`);
    let [since, t0] = [control.mark(), Date.now()];
    const delivered = await run(code);
    await settle();
    expect(carrying(control, since, t0).length, `control: ${delivered}`).toBeGreaterThan(0);

    await onGuardedPage();
    [since, t0] = [server.mark(), Date.now()];
    const outcome = await run(code);
    await settle();
    expect(carrying(server, since, t0), outcome).toEqual([]);
    expect(outcome).toMatch(/预检/);
  });
});
