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
  ['form action carrying the draft from the start, POST into a fresh frame', String.raw`fresh('t5'); const f = document.createElement('form'); f.method = 'post'; f.action = sink('toc-form5') + '?c=' + plain; f.target = 't5'; const t = document.createElement('input'); t.name = 'v'; t.value = '1'; f.append(t); document.body.append(f); f.requestSubmit(); await wait(1500);`],
];

/** Clean addresses the same ways: they must still arrive. */
export const CLEAN_CASES: [label: string, body: string][] = [
  ['a link its own listener sends to another clean page, into a fresh frame, still arrives', String.raw`fresh('k1'); const a = document.createElement('a'); a.href = sink('late-clean-a') + '?v=1'; a.target = 'k1'; a.textContent = 'x'; document.body.append(a); a.addEventListener('click', () => { a.href = sink('late-clean-b') + '?page=2'; }); a.click(); await wait(1500);`],
  ['a form with a CMS query in its action (m=content&a=edit&id=42), clean entries, into a fresh frame, still arrives', String.raw`fresh('k2'); const f = document.createElement('form'); f.method = 'post'; f.action = sink('late-clean-form') + '?m=content&a=edit&id=42'; f.target = 'k2'; const t = document.createElement('input'); t.name = 'title'; t.value = '会议通知'; f.append(t); document.body.append(f); f.requestSubmit(); await wait(1500);`],
];
