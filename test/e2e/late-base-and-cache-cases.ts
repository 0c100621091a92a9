/**
 * The cases of gate-late-base-and-cache (the twelfth probe; test/e2e/gate-late-base-and-cache.e2e.test.ts,
 * Chromium; and test/e2e-firefox/gate-late-base-and-cache.e2e.test.ts): a <base> added or changed
 * right after a relative URL was judged, and what a Request carries into Cache.add/addAll besides its
 * URL. Page script after PRE, over a browser's probe harness (probe-harness.ts).
 */

/** Page helpers: the draft percent-encoded and a wait. */
export const PRE = String.raw`
  const enc = encodeURIComponent(draft);
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
`;

/** A <base> whose href takes effect after a relative URL was judged. */
export const BASE_CASES: [label: string, code: string][] = [
  [
    "img.src set relative (judged against the page's base), then at once a <base> with the ID in its path",
    String.raw`const i = new Image(); i.src = 'p12x.png'; const b = document.createElement('base'); b.href = sink('p12-base-race') + '/' + ID + '/'; document.head.prepend(b); document.body.append(i); await wait(1000);`,
  ],
  [
    '<object data> set relative, then at once a <base> with the ID in its path',
    String.raw`const o = document.createElement('object'); o.width = 30; o.height = 30; o.data = 'p12x.html'; document.body.append(o); const b = document.createElement('base'); b.href = sink('p12-base-race-object') + '/' + ID + '/'; document.head.prepend(b); await wait(1200);`,
  ],
  [
    '<input type=image> src set relative, then at once a <base> with the ID in its path',
    String.raw`const i = document.createElement('input'); i.type = 'image'; i.src = 'p12x.png'; document.body.append(i); const b = document.createElement('base'); b.href = sink('p12-base-race-input') + '/' + ID + '/'; document.head.prepend(b); await wait(1000);`,
  ],
  [
    'an existing <base> whose href is changed right after a relative img.src',
    String.raw`const b = document.createElement('base'); b.href = sink('p12-base-change') + '/'; document.head.prepend(b); const i = new Image(); i.src = 'p12y.png'; b.href = sink('p12-base-change') + '/' + ID + '/'; document.body.append(i); await wait(1000);`,
  ],
];

/** What a Request carries into Cache.add/addAll besides its URL (a header, its referrer), in the page and a worker. */
export const REQUEST_CASES: [label: string, code: string][] = [
  [
    "the page's Cache.add(Request) with the ID in a safelisted header (Content-Language, no-cors)",
    String.raw`const c = await caches.open('p12a'); await c.add(new Request(RAW + '/p12-cache-header', { mode: 'no-cors', headers: { 'Content-Language': ID } })).catch(() => {});`,
  ],
  [
    "the page's Cache.add(Request) whose referrer names the draft (unsafe-url)",
    String.raw`const c = await caches.open('p12b'); await c.add(new Request(RAW + '/p12-cache-referrer', { mode: 'no-cors', referrer: '/routes/?content=' + enc, referrerPolicy: 'unsafe-url' })).catch(() => {});`,
  ],
  [
    "a worker's Cache.add(Request) with the ID in a safelisted header",
    String.raw`return await inWorker("const c = await caches.open('p12c'); await c.add(new Request(RAW + '/p12-worker-cache-header', { mode: 'no-cors', headers: { 'Content-Language': ID } })).catch(() => {});");`,
  ],
  [
    "a worker's Cache.addAll([Request]) whose referrer names the draft",
    String.raw`return await inWorker("const c = await caches.open('p12d'); await c.addAll([new Request(RAW + '/p12-worker-cacheall-referrer', { mode: 'no-cors', referrer: sink('p12-ref') + '?content=' + encodeURIComponent(draft), referrerPolicy: 'unsafe-url' })]).catch(() => {});");`,
  ],
];

/** What must keep working: each arrives, nothing carrying the ID. */
export const CLEAN_CASES: [label: string, code: string][] = [
  ['a clean <base> with a relative picture still loads', String.raw`const b = document.createElement('base'); b.href = sink('p12-clean-base') + '/'; document.head.prepend(b); const i = new Image(); i.src = 'x.png?v=4'; document.body.append(i); await wait(900);`],
  ["the page's clean Cache.add(Request) with a header still fetches", String.raw`const c = await caches.open('p12e'); await c.add(new Request(sink('p12-clean-cache-request') + '?v=6', { headers: { 'Content-Language': 'zh-CN' } })).catch(() => {});`],
];
