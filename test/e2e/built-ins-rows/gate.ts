/**
 * Page scripts for the tenth probe's harness (test/e2e/gate-built-ins.e2e.test.ts, run on the routes
 * page with `draft`, `ID` and `sink(name)`): page code replaces a built-in the gate's shared modules
 * (lib/gate/**) used while reading markup, CSS, a blob: URL or a `javascript:` URL in the page's guard,
 * then writes what loads the ID. Before these modules went through lib/realm/intrinsics.ts each made
 * the guard find no URL (or judge an empty text); the browser still fetched it. Each restores what it
 * replaced before it waits. The unit test of the same class: test/gate/poisoned-realm.test.ts.
 */

/** An element added to the page, for what loads only once it is in the document. */
const SHOWN = `const shown = (html) => { const d = document.createElement('div'); d.innerHTML = html; document.body.append(d); };`;
const SETTLE = `await new Promise((r) => setTimeout(r, 1000));`;

export const GATE_REPLACED: [label: string, code: string][] = [
  [
    "String.prototype.matchAll yields nothing: a style attribute's url() never found",
    `${SHOWN} const m0 = String.prototype.matchAll; String.prototype.matchAll = function* () {};
     try { shown('<div style="background:url(' + sink('css-matchall') + '?c=' + ID + ')">x</div>'); } finally { String.prototype.matchAll = m0; } ${SETTLE}`,
  ],
  [
    "RegExp.prototype.exec finds nothing: markup's <img> never found",
    `${SHOWN} const e0 = RegExp.prototype.exec; RegExp.prototype.exec = function () { return null; };
     try { shown('<img src="' + sink('html-exec') + '?c=' + ID + '">'); } finally { RegExp.prototype.exec = e0; } ${SETTLE}`,
  ],
  [
    "Array.prototype.push does nothing: a <style>'s @import found but never listed",
    `${SHOWN} const p0 = Array.prototype.push; Array.prototype.push = function () { return this.length; };
     try { shown('<style>@import url(' + sink('css-push') + '?c=' + ID + ');</style>'); } finally { Array.prototype.push = p0; } ${SETTLE}`,
  ],
  [
    "Set.prototype.has says no: an SVG filter attribute's url() not taken for CSS",
    `const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
     rect.setAttribute('width', '10'); rect.setAttribute('height', '10'); svg.append(rect); document.body.append(svg);
     const h0 = Set.prototype.has; Set.prototype.has = function () { return false; };
     try { rect.setAttribute('filter', 'url(' + sink('svg-set-has') + '?c=' + ID + '#f)'); } finally { Set.prototype.has = h0; } ${SETTLE}`,
  ],
  [
    "Object.prototype.judge: a blob: URL of unread HTML judged as '' and marked judged",
    `const blob = await new Response('<img src="' + sink('blob-judge') + '?c=' + ID + '">', { headers: { 'content-type': 'text/html' } }).blob();
     Object.defineProperty(Object.prototype, 'judge', { configurable: true, writable: true, value: '' });
     let url; try { url = URL.createObjectURL(blob); } finally { delete Object.prototype.judge; }
     const f = document.createElement('iframe'); f.src = url; document.body.append(f); ${SETTLE}`,
  ],
  [
    "RegExp.prototype.exec finds nothing: a javascript: URL's expression taken for a plain URL",
    // (an expression, so its document cannot be read from the URL; the ID reversed, so the URL alone shows none)
    `const hidden = ID.split('').reverse().join('');
     const code = "'<img src=\\"" + sink('js-exec') + "?c='+'" + hidden + "'.split('').reverse().join('')+'\\">'";
     const f = document.createElement('iframe'); const e0 = RegExp.prototype.exec; RegExp.prototype.exec = function () { return null; };
     try { f.src = 'javascript:' + code; document.body.append(f); } finally { RegExp.prototype.exec = e0; } ${SETTLE}`,
  ],
];
