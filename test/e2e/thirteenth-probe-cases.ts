/**
 * The thirteenth probe's cases (test/e2e/gate-thirteenth-probe.e2e.test.ts, Chromium; and
 * test/e2e-firefox/gate-thirteenth-probe.e2e.test.ts): one window's method on another window's
 * object (XMLHttpRequest, an SVG href's animated string, a document, an XSLT processor), and a
 * document.write that opens the document itself. Page script after PRE, over a browser's probe
 * harness (probe-harness.ts).
 */

/** Page helpers: a wait, a fresh same-origin frame's window, an XHR's loadend. */
export const PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const frame = () => { const f = document.createElement('iframe'); document.body.append(f); return f.contentWindow; };
  const done = (x) => new Promise((r) => x.addEventListener('loadend', r));
`;

/** One window's method on another window's XMLHttpRequest. */
export const XHR_CASES: [label: string, code: string][] = [
  ["opened through a frame's open, sent through the page's send", String.raw`const w = frame(); const x = new XMLHttpRequest(); w.XMLHttpRequest.prototype.open.call(x, 'POST', sink('p13-xhr-open-frame')); x.setRequestHeader('content-type', 'text/plain'); x.send(draft); await wait(800);`],
  ["the same, synchronous", String.raw`const w = frame(); const x = new XMLHttpRequest(); w.XMLHttpRequest.prototype.open.call(x, 'POST', sink('p13-xhr-sync'), false); x.send(draft);`],
  ["a frame's request opened by the page's open, sent by the frame's send", String.raw`const w = frame(); const x = new w.XMLHttpRequest(); XMLHttpRequest.prototype.open.call(x, 'POST', sink('p13-xhr-frame-obj')); x.send(draft); await wait(800);`],
  ["opened by the page, a header with the ID set through a frame's setRequestHeader", String.raw`const w = frame(); const x = new XMLHttpRequest(); x.open('GET', sink('p13-xhr-header-frame')); w.XMLHttpRequest.prototype.setRequestHeader.call(x, 'X-C', ID); x.send(); await wait(800);`],
  ["the page's clean request finished and aborted (UNSENT again), re-opened with the ID through a frame's open, sent by the page", String.raw`const w = frame(); const x = new XMLHttpRequest(); x.open('GET', sink('p13-xhr-first') + '?v=1'); x.send(); await done(x); x.abort(); w.XMLHttpRequest.prototype.open.call(x, 'GET', sink('p13-xhr-stale') + '?c=' + ID); x.send(); await wait(800);`],
];

/** An SVG href's animated string another window's getter handed out. */
export const SVG_CASES: [label: string, code: string][] = [
  ["got through a frame's SVGImageElement href getter, baseVal set (the page's setter)", String.raw`const w = frame(); const s = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); const i = document.createElementNS('http://www.w3.org/2000/svg', 'image'); s.append(i); document.body.append(s); const a = Object.getOwnPropertyDescriptor(w.SVGImageElement.prototype, 'href').get.call(i); a.baseVal = sink('p13-svg-baseval') + '?c=' + ID; await wait(900);`],
];

/** Another window's document or processor handled through this window's method. */
export const OTHER_CASES: [label: string, code: string][] = [
  ["a fresh frame's document opened by the page's Document.prototype.open (its guard's listeners erased), a form with the draft submitted there", String.raw`const w = frame(); Document.prototype.open.call(w.document); w.document.write('<form method="post" action="' + sink('p13-open-xwin-form') + '"><input name="c"><button>ok</button></form>'); w.document.close(); const f = w.document.querySelector('form'); f.elements.c.value = draft; f.requestSubmit(); await wait(1200);`],
  ["XSLT: a stylesheet imported through a frame's importStylesheet, its include's href set after, transformed by the page", String.raw`const w = frame(); const xsl = new DOMParser().parseFromString('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:include href="x.xsl"/><xsl:template match="/"><b>x</b></xsl:template></xsl:stylesheet>', 'application/xml'); const p = new XSLTProcessor(); w.XSLTProcessor.prototype.importStylesheet.call(p, xsl); xsl.documentElement.firstChild.setAttribute('href', sink('p13-xslt-xwin') + '?c=' + ID); try { p.transformToFragment(new DOMParser().parseFromString('<a/>', 'application/xml'), document); } catch (e) {} await wait(800);`],
];

/** A write that opens the document itself (it was not loading): past the wrapped open. */
export const WRITE_CASES: [label: string, code: string][] = [
  ["a fresh frame's document written without open(), a form with the draft submitted there", String.raw`const w = frame(); w.document.write('<form method="post" action="' + sink('p13-write-form') + '"><input name="c"><button>ok</button></form>'); w.document.close(); const f = w.document.querySelector('form'); f.elements.c.value = draft; f.requestSubmit(); await wait(1200);`],
  ["the same written by the page's Document.prototype.write", String.raw`const w = frame(); Document.prototype.write.call(w.document, '<form method="post" action="' + sink('p13-xwrite-form') + '"><input name="c"><button>ok</button></form>'); w.document.close(); const f = w.document.querySelector('form'); f.elements.c.value = draft; f.requestSubmit(); await wait(1200);`],
];

/** What must keep working. */
export const CLEAN_CASES: [label: string, code: string][] = [
  ['an XHR finished, aborted and opened again by the page still arrives', String.raw`const x = new XMLHttpRequest(); x.open('GET', sink('p13-clean-first') + '?v=1'); x.send(); await done(x); x.abort(); x.open('POST', sink('p13-clean-reopen')); x.setRequestHeader('X-Requested-With', 'XMLHttpRequest'); x.send('a=1'); await done(x);`],
  ["a frame's own XHR still arrives", String.raw`const w = frame(); const x = new w.XMLHttpRequest(); x.open('POST', sink('p13-clean-frame-xhr')); x.send('a=1'); await done(x);`],
  ["a fresh frame's document opened by its own open, as editors do: a clean form posted there still arrives", String.raw`const w = frame(); w.document.open(); w.document.write('<form method="post" action="' + sink('p13-clean-open-form') + '"><input name="c" value="1"><button>ok</button></form>'); w.document.close(); w.document.querySelector('form').requestSubmit(); await wait(1200);`],
  ["a fresh frame's document written without open(): a clean form posted there still arrives", String.raw`const w = frame(); w.document.write('<form method="post" action="' + sink('p13-clean-write-form') + '"><input name="c" value="1"><button>ok</button></form>'); w.document.close(); w.document.querySelector('form').requestSubmit(); await wait(1200);`],
  ["an XSLT transform by the page's own processor (and a subclass of it) still loads its clean picture", String.raw`const xsl = new DOMParser().parseFromString('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><img src="' + sink('p13-clean-xslt') + '?v=3"/></xsl:template></xsl:stylesheet>', 'application/xml'); const p = new (class extends XSLTProcessor {})(); p.importStylesheet(xsl); document.body.append(p.transformToFragment(new DOMParser().parseFromString('<a/>', 'application/xml'), document)); await wait(900);`],
  ["a clean SVG href through another window's getter still loads", String.raw`const w = frame(); const s = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); const i = document.createElementNS('http://www.w3.org/2000/svg', 'image'); s.append(i); document.body.append(s); Object.getOwnPropertyDescriptor(w.SVGImageElement.prototype, 'href').get.call(i).baseVal = sink('p13-clean-svg') + '?v=2'; await wait(900);`],
];
