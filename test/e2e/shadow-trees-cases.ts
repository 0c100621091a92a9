/**
 * The cases of gate-shadow-trees (test/e2e/gate-shadow-trees.e2e.test.ts, Chromium; and
 * test/e2e-firefox/gate-shadow-trees.e2e.test.ts): forms and links the window's listeners do not see
 * as they are — a shadow tree's form, SVG links, links in shadow roots — aimed at a fresh frame or a
 * new window. Page script after PRE, over a browser's probe harness (probe-harness.ts).
 */

/** Page helpers: a wait, the draft without its ID, a fresh frame, a non-composed click, an SVG link, a shadow root, a form. */
export const PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const NS = 'http://www.w3.org/2000/svg';
  const plain = encodeURIComponent(draft.replace(/[0-9Xx]/g, '')).slice(0, 1800);
  const fresh = (n) => { const f = document.createElement('iframe'); f.name = n; document.body.append(f); return f; };
  const click = (el) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  const svgLink = (attrs) => { const s = document.createElementNS(NS, 'svg'); const a = document.createElementNS(NS, 'a'); for (const [k, v] of Object.entries(attrs)) { if (k === 'xlink') a.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', v); else a.setAttribute(k, v); } const r = document.createElementNS(NS, 'rect'); r.setAttribute('width', '50'); r.setAttribute('height', '50'); a.append(r); s.append(a); document.body.append(s); return r; };
  const shadow = (mode, attachFirst) => { const h = document.createElement('div'); if (!attachFirst) document.body.append(h); const root = h.attachShadow({ mode }); if (attachFirst) document.body.append(h); return root; };
  const form = (action, target, value) => { const f = document.createElement('form'); f.method = 'post'; f.action = action; f.target = target; const t = document.createElement('textarea'); t.name = 'c'; t.value = value; const b = document.createElement('button'); b.textContent = '发布'; f.append(t, b); return f; };
`;

/** A shadow tree's form aimed at another window, the draft in it: delivered without Precheck, never with it. */
export const SHADOW_FORM_CASES: [label: string, body: string][] = [
  ['open root, requestSubmit() into a fresh frame', String.raw`fresh('s1'); const f = form(sink('shadow-open-frame'), 's1', draft); shadow('open').append(f); f.requestSubmit(); await wait(1500);`],
  ['closed root, requestSubmit() into a new window', String.raw`const f = form(sink('shadow-closed-blank'), '_blank', draft); shadow('closed').append(f); f.requestSubmit(); await wait(1500);`],
  ['closed root attached before its host is in the page, its button clicked, into a fresh frame', String.raw`fresh('s2'); const f = form(sink('shadow-closed-click'), 's2', draft); shadow('closed', true).append(f); f.querySelector('button').click(); await wait(1500);`],
  ['a closed root inside a closed root, requestSubmit() into a new window', String.raw`const outer = shadow('closed'); const h = document.createElement('div'); outer.append(h); const inner = h.attachShadow({ mode: 'closed' }); const f = form(sink('shadow-nested'), '_blank', draft); inner.append(f); f.requestSubmit(); await wait(1500);`],
];

/** Links the window's click listener did not read, carrying the draft (its ID taken out): arrive without Precheck, never with it. */
export const LINK_CASES: [label: string, body: string][] = [
  ['an SVG <a href> into a fresh frame', String.raw`fresh('v1'); click(svgLink({ href: sink('svg-a-frame') + '?c=' + plain, target: 'v1' })); await wait(1500);`],
  ['an SVG <a xlink:href> into a fresh frame', String.raw`fresh('v2'); click(svgLink({ xlink: sink('svg-xa-frame') + '?c=' + plain, target: 'v2' })); await wait(1500);`],
  ['an SVG <a href> into a new window', String.raw`click(svgLink({ href: sink('svg-a-blank') + '?c=' + plain, target: '_blank' })); await wait(1500);`],
  ['a link in an open root into a fresh frame', String.raw`fresh('v3'); const a = document.createElement('a'); a.href = sink('shadow-link-open') + '?c=' + plain; a.target = 'v3'; a.textContent = 'x'; shadow('open').append(a); a.click(); await wait(1500);`],
  ['a link in a closed root into a new window', String.raw`const a = document.createElement('a'); a.href = sink('shadow-link-closed') + '?c=' + plain; a.target = '_blank'; a.textContent = 'x'; shadow('closed').append(a); a.click(); await wait(1500);`],
];

/** Clean ones the same ways: still arrive. */
export const CLEAN_CASES: [label: string, body: string][] = [
  ['a clean form in a closed root into a fresh frame still arrives', String.raw`fresh('c1'); const f = form(sink('shadow-clean-form'), 'c1', '会议通知：请各单位按时参加。'); shadow('closed').append(f); f.requestSubmit(); await wait(1500);`],
  ['a clean SVG link into a fresh frame still arrives', String.raw`fresh('c2'); click(svgLink({ href: sink('svg-clean') + '?page=2', target: 'c2' })); await wait(1500);`],
];

/**
 * A root the parser made closed (`setHTMLUnsafe` of a host holding `<template shadowrootmode="closed">`): no page code
 * reaches into it, so no one tells the gate of it, and a person clicks inside it (the harness's act
 * clicks the middle of its host, `#closed-host`, which holds nothing else).
 */
export const PARSED_CLOSED = String.raw`
  const closedHost = (inner) => { const w = document.createElement('div'); document.body.prepend(w); w.setHTMLUnsafe('<div id="closed-host" style="display:inline-block"><template shadowrootmode="closed">' + inner + '</template></div>'); };
  const big = 'style="display:block;font-size:28px;padding:10px"';
`;

/** The draft with its ID in a parsed closed root's form aimed at another window, its button clicked by a person. */
export const PERSON_FORM_CASES: [label: string, body: string][] = [
  ['a parsed closed root\'s form into a fresh frame, its 发布 button clicked', String.raw`fresh('pf1'); closedHost('<form method="post" action="' + sink('closed-form-frame') + '" target="pf1"><input type="hidden" name="c" value="' + draft.replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '"><button ' + big + '>发布</button></form>');`],
  ['a parsed closed root\'s form into a new window, its 发布 button clicked', String.raw`closedHost('<form method="post" action="' + sink('closed-form-blank') + '" target="_blank"><input type="hidden" name="c" value="' + draft.replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '"><button ' + big + '>发布</button></form>');`],
];

/**
 * Links in a parsed closed root, clicked by a person: markup carrying the draft is refused when it is
 * written, so each link's own inline handler (which runs with the link as `this`) puts the draft (its ID
 * taken out) in its href as it is clicked.
 */
export const PERSON_LINK_CASES: [label: string, body: string][] = [
  ['a parsed closed root\'s link into a fresh frame', String.raw`fresh('pl1'); window.u1 = sink('closed-link-frame') + '?c=' + plain; closedHost('<a ' + big + ' target="pl1" href="' + sink('closed-link-clean1') + '" onclick="this.href = window.u1">预览</a>');`],
  ['a parsed closed root\'s link into a new window', String.raw`window.u2 = sink('closed-link-blank') + '?c=' + plain; closedHost('<a ' + big + ' target="_blank" href="' + sink('closed-link-clean2') + '" onclick="this.href = window.u2">预览</a>');`],
  ['a link in a parsed closed root inside a parsed closed root, into a fresh frame', String.raw`fresh('pl2'); window.u3 = sink('closed-link-nested') + '?c=' + plain; closedHost('<div style="display:inline-block"><template shadowrootmode="closed"><a ' + big + ' target="pl2" href="' + sink('closed-link-clean3') + '" onclick="this.href = window.u3">预览</a></template></div>');`],
];

/** The same link to a clean page: a person's click still gets there. */
export const PERSON_CLEAN_CASES: [label: string, body: string][] = [
  ['a parsed closed root\'s link to a clean page, into a fresh frame, still arrives', String.raw`fresh('pc1'); closedHost('<a ' + big + ' target="pc1" href="' + sink('closed-link-clean') + '?page=2">下一页</a>');`],
];

/** The person's click in the middle of the closed root's host. */
export const clickHost = (driver: { click(selector: string): Promise<void> }) => driver.click('#closed-host');
