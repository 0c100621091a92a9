/**
 * The cases of gate-own-window-targets (test/e2e/gate-own-window-targets.e2e.test.ts, Chromium; and
 * test/e2e-firefox/gate-own-window-targets.e2e.test.ts): targets the isolated world could take for
 * its own window while the browser sends the submission elsewhere. Page script over a browser's probe
 * harness (probe-harness.ts).
 */

/** A fresh frame named `t` and a `<base target="t">`; `form(action, value)`; `wait`. Its cases end by removing the base (`b`). */
export const BASE_PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const f = document.createElement('iframe'); f.name = 't'; document.body.append(f);
  const b = document.createElement('base'); b.target = 't'; document.head.append(b);
  const form = (action, value) => { const el = document.createElement('form'); el.method = 'post'; el.action = action; const t = document.createElement('textarea'); t.name = 'c'; t.value = value; el.append(t); document.body.append(el); return el; };
`;

/** `form(action, target)`: a form with the draft in it, aimed at `target`; `wait`. */
export const FORM_PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const form = (action, target) => { const el = document.createElement('form'); el.method = 'post'; el.action = action; el.target = target; const t = document.createElement('textarea'); t.name = 'c'; t.value = draft; el.append(t); document.body.append(el); return el; };
`;

/** A target the browser does not trim (a new window); page script after FORM_PRE. */
export const UNTRIMMED_CASES: [label: string, code: string][] = [
  ["requestSubmit() of a form aimed at ' _self'", String.raw`form(sink('blank-self'), ' _self').requestSubmit(); await wait(1500);`],
  ["requestSubmit() of a form aimed at '_self\t'", String.raw`form(sink('self-tab'), '_self	').requestSubmit(); await wait(1500);`],
  ["requestSubmit() of a form aimed at ' ' + the window's own name", String.raw`window.name = 'cms-main'; form(sink('blank-own-name'), ' cms-main').requestSubmit(); await wait(1500); window.name = '';`],
  ["a link aimed at ' _self', clicked", String.raw`const a = document.createElement('a'); a.href = sink('blank-self-link') + '?c=' + ID; a.target = ' _self'; a.textContent = 'x'; document.body.append(a); a.click(); await wait(1500);`],
];

/** A <base target> naming a fresh frame, the ID delivered; page script after BASE_PRE. */
export const BASE_TARGET_CASES: [label: string, code: string][] = [
  ['a form with no target of its own, the draft in it, submitted: delivered without Precheck, never with it', String.raw`form(sink('base-target-form'), draft).requestSubmit(); await wait(1200); b.remove();`],
  ['the same by form.submit()', String.raw`form(sink('base-target-submit'), draft).submit(); await wait(1200); b.remove();`],
  ['a link with the ID in its URL and no target of its own, clicked: delivered without Precheck, never with it', String.raw`const a = document.createElement('a'); a.href = sink('base-target-link') + '?c=' + ID; a.textContent = 'x'; document.body.append(a); a.click(); await wait(1200); b.remove();`],
];

/** A clean form under the same <base target> (after BASE_PRE): still arrives. */
export const BASE_TARGET_CLEAN: [label: string, code: string][] = [
  ['a clean form the same way still arrives', String.raw`form(sink('base-target-clean'), '会议通知：请各单位按时参加。').requestSubmit(); await wait(1200); b.remove();`],
];
