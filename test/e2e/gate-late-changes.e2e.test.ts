/**
 * Where a link or a form goes is judged as the capturing listener sees it; the page's own listeners
 * run after it (2026-12-06, found reading the isolated world's click and submit listeners). A link's
 * href swapped by its own click listener or by the window's, into a fresh frame or a new window, and a
 * form's action swapped by its submit listener, carried the draft (its ID taken out: an ID in a
 * frame's or window's URL is refused by the browser's navigation rule) with 23574a8's build; so did a
 * POST into a fresh frame whose action held the draft from the start — its formdata judgement can only
 * empty the entries. Now the address is judged again as each node's listeners leave it
 * (isolated/look-again.ts), and a submission aimed elsewhere is refused for what its URL carries while
 * it can still be cancelled. Still open: a listener that stops the event at once
 * (stopImmediatePropagation) or is added during it after ours.
 */
import { describe, test } from 'vitest';
import { probePage } from './probe-page.ts';

const { expectArrivesOnlyWithout, expectCleanArrives } = probePage();
const PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const plain = encodeURIComponent(draft.replace(/[0-9Xx]/g, '')).slice(0, 1800);
  const fresh = (n) => { const f = document.createElement('iframe'); f.name = n; document.body.append(f); return f; };
`;
describe('an address changed by the page\'s own listeners, or carrying the draft, aimed at another window', () => {
  test.each([
    ['link href swapped by a bubble listener on the link, fresh frame', String.raw`fresh('t1'); const a = document.createElement('a'); a.href = sink('toc-clean') + '?v=1'; a.target = 't1'; a.textContent = 'x'; document.body.append(a); a.addEventListener('click', () => { a.href = sink('toc-link') + '?c=' + plain; }); a.click(); await wait(1500);`],
    ['link href swapped by a window bubble listener, _blank', String.raw`const a = document.createElement('a'); a.href = sink('toc-clean2') + '?v=1'; a.target = '_blank'; a.textContent = 'x'; document.body.append(a); window.addEventListener('click', () => { a.href = sink('toc-link2') + '?c=' + plain; }); a.click(); await wait(1500);`],
    ['form action swapped in a submit listener (bubble), fresh frame', String.raw`fresh('t4'); const f = document.createElement('form'); f.method = 'post'; f.action = sink('toc-clean4'); f.target = 't4'; const t = document.createElement('input'); t.name = 'v'; t.value = '1'; f.append(t); document.body.append(f); f.addEventListener('submit', () => { f.action = sink('toc-form4') + '?c=' + plain; }); f.requestSubmit(); await wait(1500);`],
    ['form action carrying the draft from the start, POST into a fresh frame', String.raw`fresh('t5'); const f = document.createElement('form'); f.method = 'post'; f.action = sink('toc-form5') + '?c=' + plain; f.target = 't5'; const t = document.createElement('input'); t.name = 'v'; t.value = '1'; f.append(t); document.body.append(f); f.requestSubmit(); await wait(1500);`],
  ])('%s: arrives without Precheck, never with it', async (_l, body) => void (await expectArrivesOnlyWithout(PRE + body, 81)));
});

describe('the CMS keeps working', () => {
  test('a link its own listener sends to another clean page, into a fresh frame, still arrives', async () => {
    await expectCleanArrives(PRE + String.raw`fresh('k1'); const a = document.createElement('a'); a.href = sink('late-clean-a') + '?v=1'; a.target = 'k1'; a.textContent = 'x'; document.body.append(a); a.addEventListener('click', () => { a.href = sink('late-clean-b') + '?page=2'; }); a.click(); await wait(1500);`);
  });
  test('a form with a CMS query in its action (m=content&a=edit&id=42), clean entries, into a fresh frame, still arrives', async () => {
    await expectCleanArrives(PRE + String.raw`fresh('k2'); const f = document.createElement('form'); f.method = 'post'; f.action = sink('late-clean-form') + '?m=content&a=edit&id=42'; f.target = 'k2'; const t = document.createElement('input'); t.name = 'title'; t.value = '会议通知'; f.append(t); document.body.append(f); f.requestSubmit(); await wait(1500);`);
  });
});
