/**
 * Targets the isolated world takes for its own window, where a navigate event will judge the
 * submission, while the browser sends it elsewhere. A `<base target>` naming a fresh frame: a form or
 * a link with no target of its own loads in that frame, which gets no navigate event while it is on
 * its initial about:blank (delivered the draft by requestSubmit() with 5650417's build). A target with
 * a blank around `_self` or the window's name: the browser does not trim it and opens a new window
 * (delivered it with 10190d9's build, whose own-window test trimmed).
 */
import { describe, test } from 'vitest';
import { probePage } from './probe-page.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = probePage();

/** A fresh frame named `t` and a `<base target="t">`; `wait` for the frame's load. */
const PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const f = document.createElement('iframe'); f.name = 't'; document.body.append(f);
  const b = document.createElement('base'); b.target = 't'; document.head.append(b);
  const form = (action, value) => { const el = document.createElement('form'); el.method = 'post'; el.action = action; const t = document.createElement('textarea'); t.name = 'c'; t.value = value; el.append(t); document.body.append(el); return el; };
`;

/** A form with the draft in it, aimed at `target`. */
const FORM = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const form = (action, target) => { const el = document.createElement('form'); el.method = 'post'; el.action = action; el.target = target; const t = document.createElement('textarea'); t.name = 'c'; t.value = draft; el.append(t); document.body.append(el); return el; };
`;

describe('a target the browser does not trim: a new window', () => {
  test.each([
    ["requestSubmit() of a form aimed at ' _self'", String.raw`form(sink('blank-self'), ' _self').requestSubmit(); await wait(1500);`],
    ["requestSubmit() of a form aimed at '_self\t'", String.raw`form(sink('self-tab'), '_self	').requestSubmit(); await wait(1500);`],
    ["requestSubmit() of a form aimed at ' ' + the window's own name", String.raw`window.name = 'cms-main'; form(sink('blank-own-name'), ' cms-main').requestSubmit(); await wait(1500); window.name = '';`],
    ["a link aimed at ' _self', clicked", String.raw`const a = document.createElement('a'); a.href = sink('blank-self-link') + '?c=' + ID; a.target = ' _self'; a.textContent = 'x'; document.body.append(a); a.click(); await wait(1500);`],
  ])('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(FORM + code, 81)));
});

describe('a <base target> naming a fresh frame', () => {
  test('a form with no target of its own, the draft in it, submitted: delivered without Precheck, never with it', async () => {
    await expectDeliveredOnlyWithout(PRE + String.raw`form(sink('base-target-form'), draft).requestSubmit(); await wait(1200); b.remove();`, 81);
  });
  test('the same by form.submit()', async () => {
    await expectDeliveredOnlyWithout(PRE + String.raw`form(sink('base-target-submit'), draft).submit(); await wait(1200); b.remove();`, 81);
  });
  test('a link with the ID in its URL and no target of its own, clicked: delivered without Precheck, never with it', async () => {
    await expectDeliveredOnlyWithout(PRE + String.raw`const a = document.createElement('a'); a.href = sink('base-target-link') + '?c=' + ID; a.textContent = 'x'; document.body.append(a); a.click(); await wait(1200); b.remove();`, 81);
  });
  test('a clean form the same way still arrives', async () => {
    await expectCleanArrives(PRE + String.raw`form(sink('base-target-clean'), '会议通知：请各单位按时参加。').requestSubmit(); await wait(1200); b.remove();`);
  });
});
