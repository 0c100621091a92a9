/**
 * The cases of gate-late-changes (test/e2e/gate-late-changes.e2e.test.ts, Chromium; and
 * test/e2e-firefox/gate-late-changes.e2e.test.ts): an address changed by the page's own listeners,
 * or carrying the draft, aimed at another window. Page script after PRE, over a browser's probe
 * harness (probe-harness.ts).
 */

/** Page helpers: a wait, the draft without its ID (percent-encoded), a fresh named frame. */
export const PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const plain = encodeURIComponent(draft.replace(/[0-9Xx]/g, '')).slice(0, 1800);
  const fresh = (n) => { const f = document.createElement('iframe'); f.name = n; document.body.append(f); return f; };
`;

/** The draft (its ID taken out) sent where the capturing listener did not see it going: arrives without Precheck, never with it. */
export const LATE_CASES: [label: string, body: string][] = [
  ['link href swapped by a bubble listener on the link, fresh frame', String.raw`fresh('t1'); const a = document.createElement('a'); a.href = sink('toc-clean') + '?v=1'; a.target = 't1'; a.textContent = 'x'; document.body.append(a); a.addEventListener('click', () => { a.href = sink('toc-link') + '?c=' + plain; }); a.click(); await wait(1500);`],
  ['link href swapped by a window bubble listener, _blank', String.raw`const a = document.createElement('a'); a.href = sink('toc-clean2') + '?v=1'; a.target = '_blank'; a.textContent = 'x'; document.body.append(a); window.addEventListener('click', () => { a.href = sink('toc-link2') + '?c=' + plain; }); a.click(); await wait(1500);`],
  ['form action swapped in a submit listener (bubble), fresh frame', String.raw`fresh('t4'); const f = document.createElement('form'); f.method = 'post'; f.action = sink('toc-clean4'); f.target = 't4'; const t = document.createElement('input'); t.name = 'v'; t.value = '1'; f.append(t); document.body.append(f); f.addEventListener('submit', () => { f.action = sink('toc-form4') + '?c=' + plain; }); f.requestSubmit(); await wait(1500);`],
  ['link href swapped by its own bubble listener for a javascript: string of markup (the page guard\'s judgement), a.click()', String.raw`const a = document.createElement('a'); a.href = sink('toc-clean6') + '?v=1'; a.textContent = 'x'; document.body.append(a); a.addEventListener('click', () => { a.href = 'javascript:' + JSON.stringify('<img src="' + sink('toc-js6') + '?c=' + plain + '">'); }); a.click(); await wait(1500);`],
  ['link into a fresh frame, its own bubble listener swaps the href for javascript: code whose string of markup is a variable, a.click()', String.raw`fresh('t7'); window.h7 = '<img src="' + sink('toc-js7') + '?c=' + plain + '">'; const a = document.createElement('a'); a.href = sink('toc-clean7') + '?v=1'; a.target = 't7'; a.textContent = 'x'; document.body.append(a); a.addEventListener('click', () => { a.href = 'javascript:parent.h7'; }); a.click(); await wait(1500);`],
  ['form action carrying the draft from the start, POST into a fresh frame', String.raw`fresh('t5'); const f = document.createElement('form'); f.method = 'post'; f.action = sink('toc-form5') + '?c=' + plain; f.target = 't5'; const t = document.createElement('input'); t.name = 'v'; t.value = '1'; f.append(t); document.body.append(f); f.requestSubmit(); await wait(1500);`],
];

/** Clean addresses the same ways: they must still arrive. */
export const CLEAN_CASES: [label: string, body: string][] = [
  ['a link its own listener sends to another clean page, into a fresh frame, still arrives', String.raw`fresh('k1'); const a = document.createElement('a'); a.href = sink('late-clean-a') + '?v=1'; a.target = 'k1'; a.textContent = 'x'; document.body.append(a); a.addEventListener('click', () => { a.href = sink('late-clean-b') + '?page=2'; }); a.click(); await wait(1500);`],
  ['a form with a CMS query in its action (m=content&a=edit&id=42), clean entries, into a fresh frame, still arrives', String.raw`fresh('k2'); const f = document.createElement('form'); f.method = 'post'; f.action = sink('late-clean-form') + '?m=content&a=edit&id=42'; f.target = 'k2'; const t = document.createElement('input'); t.name = 'title'; t.value = '会议通知'; f.append(t); document.body.append(f); f.requestSubmit(); await wait(1500);`],
];

/**
 * Clicked by a person (the harness's act: the browser dispatches the click, running microtasks after
 * each listener): a listener that stops the event at once, or one added during it after the gate's,
 * leaves no listener of the gate's to run after it. `#late-link` is the link the person clicks.
 */
export const PERSON_CLICK_CASES: [label: string, body: string][] = [
  ['link into a fresh frame, its own earlier listener stops the click at once (stopImmediatePropagation) and swaps the href', String.raw`fresh('p1'); const a = link(sink('toc-clean-p1') + '?v=1', 'p1'); a.addEventListener('click', (e) => { e.stopImmediatePropagation(); a.href = sink('toc-link-p1') + '?c=' + plain; });`],
  ['link into a new window (_blank), the same', String.raw`const a = link(sink('toc-clean-p2') + '?v=1', '_blank'); a.addEventListener('click', (e) => { e.stopImmediatePropagation(); a.href = sink('toc-link-p2') + '?c=' + plain; });`],
  ['link into a fresh frame, a window listener added during the click (after the gate\'s) swaps the href', String.raw`fresh('p3'); const a = link(sink('toc-clean-p3') + '?v=1', 'p3'); a.addEventListener('click', () => { window.addEventListener('click', () => { a.href = sink('toc-link-p3') + '?c=' + plain; }, { once: true }); });`],
  ['link of this window, its own listener stops the click at once and swaps the href for a javascript: string of markup', String.raw`const a = link(sink('toc-clean-p5') + '?v=1', null); a.addEventListener('click', (e) => { e.stopImmediatePropagation(); a.href = 'javascript:' + JSON.stringify('<img src="' + sink('toc-js-p5') + '?c=' + plain + '">'); });`],
  ['link into a fresh frame, its own listener stops the click at once and swaps the href for javascript: code whose string of markup is a variable', String.raw`fresh('p6'); window.h6 = '<img src="' + sink('toc-js-p6') + '?c=' + plain + '">'; const a = link(sink('toc-clean-p6') + '?v=1', 'p6'); a.addEventListener('click', (e) => { e.stopImmediatePropagation(); a.href = 'javascript:parent.h6'; });`],
  ['link into a fresh frame, its own listener stops the click at once and adds a <base target> naming the frame (the link had none)', String.raw`fresh('p4'); const a = link(sink('toc-link-p4') + '?c=' + plain, null); a.addEventListener('click', (e) => { e.stopImmediatePropagation(); const b = document.createElement('base'); b.target = 'p4'; document.head.append(b); });`],
];

/** The same ways to a clean address: a person's click must still get there. */
export const PERSON_CLEAN_CASES: [label: string, body: string][] = [
  ['a link whose own listener stops the click at once and sends it to another clean page, into a fresh frame, still arrives', String.raw`fresh('pc1'); const a = link(sink('late-clean-p1') + '?v=1', 'pc1'); a.addEventListener('click', (e) => { e.stopImmediatePropagation(); a.href = sink('late-clean-p1b') + '?page=2'; });`],
];

/** Page helper for PERSON_CLICK_CASES: the link a person clicks, at the top of the page. */
export const LINK = String.raw`
  const link = (href, target) => { const a = document.createElement('a'); a.id = 'late-link'; a.href = href; if (target) a.target = target; a.textContent = '预览'; a.style.cssText = 'display:block;font-size:24px;padding:8px'; document.body.prepend(a); return a; };
`;

/** The person's click on `#late-link`. */
export const clickLink = (driver: { click(selector: string): Promise<void> }) => driver.click('#late-link');
