/**
 * The fifteenth probe's cases (test/e2e/gate-fifteenth-probe.e2e.test.ts, Chromium; and
 * test/e2e-firefox/gate-fifteenth-probe.e2e.test.ts): CMS submission code aimed at other windows, as
 * page script over a browser's probe harness (probe-harness.ts). The tables are the cases; the
 * suites decide what each must show.
 */
import { expect } from 'vitest';
import { DEMO_CMS_ADAPTER, demoPerson, demoPolicy } from '../../lib/demo/demo-policy.ts';
import { openFixture, prepareDraft, runSteps, signChecklist } from '../../lib/demo/cms-drive.ts';
import { checklistClosed, pressChecklistPublish, waitForChecklist } from '../../lib/demo/checklist-drive.ts';
import type { DriveTarget } from '../../lib/demo/playwright-driver.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { CMS_FIXTURES, CMS_LIST_FIXTURES, readIds } from '../../lib/demo/cms-fixtures.ts';
import { CMS_ENDPOINTS } from '../../lib/demo/cms-endpoints.ts';
import { SHIPPED_ADAPTERS, adapterFor } from '../../lib/policy/adapters/index.ts';
import type { Policy } from '../../lib/policy/schema';
import { ID, ownDraft } from './gate-drive.ts';
import { openSide, type ProbeSide } from './probe-harness.ts';
import { pageScript } from './probe-page.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The demo CMS's adapter (the routes page) and every shipped one on its fixture pages, as cms-list-publish picks them. */
export function fifteenthPolicy(url: string): Promise<Policy> {
  const pages = (cms: string) => [
    ...[...CMS_FIXTURES, ...CMS_LIST_FIXTURES].filter((f) => f.cms === cms).map((f) => `${f.path}*`),
    ...CMS_ENDPOINTS.filter((e) => e.cms === cms && e.method === 'POST').map((e) => `/cms/${cms}/${e.path}*`),
  ];
  return demoPolicy({ adapters: [DEMO_CMS_ADAPTER, ...SHIPPED_ADAPTERS.map((a) => adapterFor(a, url, pages(a.cms)))] });
}

/** Page-script helpers: frames, forms, a popup; `esc` makes the draft safe inside markup written by script. */
export const PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const frame = (n, src) => { const f = document.createElement('iframe'); f.name = n; f.id = n; if (src) f.src = src; f.style.display = 'none'; document.body.append(f); return f; };
  const field = (f, name, value, tag = 'textarea') => { const t = document.createElement(tag); if (tag === 'input') t.type = 'hidden'; t.name = name; t.value = value; f.append(t); return t; };
  const form = (action, target) => { const f = document.createElement('form'); f.method = 'post'; f.action = action; if (target) f.target = target; document.body.append(f); return f; };
  const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
`;

/**
 * jquery.form's iframe transport as its ajaxSubmit({ iframe: true }) does it (written here from its
 * documented behaviour): a hidden frame named jqFormIO<n>, the form's target and action set, the
 * extra data added as hidden inputs, `submit()` a moment later (the real form's, even when a control
 * named "submit" shadows it), then the form's attributes put back and the extras taken out.
 */
export const JQUERY_FORM = String.raw`
  const ajaxSubmitIframe = (f, url, extra, src = 'about:blank') => new Promise((done) => {
    const id = 'jqFormIO' + Date.now();
    const io = frame(id, src);
    const [t, a] = [f.getAttribute('target'), f.getAttribute('action')];
    f.setAttribute('target', id);
    f.setAttribute('action', url);
    f.setAttribute('method', 'POST');
    f.setAttribute('enctype', 'multipart/form-data');
    const extras = Object.entries(extra).map(([n, v]) => field(f, n, v, 'input'));
    setTimeout(() => {
      try { (typeof f.submit === 'function' ? f.submit() : document.createElement('form').submit.apply(f)); }
      finally {
        t ? f.setAttribute('target', t) : f.removeAttribute('target');
        f.setAttribute('action', a);
        extras.forEach((x) => x.remove());
      }
      setTimeout(() => done(io), 1200);
    }, 10);
  });
`;

/** A form-associated custom element whose value (ElementInternals.setFormValue) is what page code gives it. */
export const FACE = String.raw`
  if (!customElements.get('x-field')) customElements.define('x-field', class extends HTMLElement {
    static formAssociated = true;
    constructor() { super(); this.internals = this.attachInternals(); }
    set value(v) { this.internals.setFormValue(v); }
  });
`;

/** The draft with an ID sent into another window (page script after PRE and JQUERY_FORM). */
export const DRAFT_CASES: [label: string, body: string][] = [
    ['jquery.form ajaxSubmit iframe transport (form.submit() into jqFormIO<n>, about:blank)', String.raw`const f = form('/sink/ro/jq1'); field(f, 'content', draft); await ajaxSubmitIframe(f, sink('jq1'), { dataType: 'json' });`],
    ["jquery.form iframe transport with iframeSrc 'javascript:false'", String.raw`const f = form('/sink/ro/jq2'); field(f, 'content', draft); await ajaxSubmitIframe(f, sink('jq2'), { a: '1' }, 'javascript:false');`],
    ['jquery.form iframe transport, a control named "submit" shadowing form.submit (createElement(form).submit.apply)', String.raw`const f = form('/sink/ro/jq3'); field(f, 'content', draft); field(f, 'submit', '1', 'input'); await ajaxSubmitIframe(f, sink('jq3'), {});`],
    ['DWZ iframeCallback (onsubmit aims the form at callbackframe, adds ajax=1), its button clicked', String.raw`frame('callbackframe'); const f = form(sink('dwz1')); f.enctype = 'multipart/form-data'; field(f, 'content', draft); const b = document.createElement('button'); b.type = 'submit'; f.append(b); f.onsubmit = () => { field(f, 'ajax', '1', 'input'); f.target = 'callbackframe'; return true; }; b.click(); await wait(1200);`],
    ['KindEditor-style upload: a picture and its title (the draft) into kindeditor_upload_iframe_<n>, form.submit()', String.raw`const n = 'kindeditor_upload_iframe_' + Date.now(); frame(n); const f = form(sink('ke1'), n); f.enctype = 'multipart/form-data'; const i = document.createElement('input'); i.type = 'file'; i.name = 'imgFile'; const dt = new DataTransfer(); dt.items.add(new File([PNG], 'a.png', { type: 'image/png' })); i.files = dt.files; f.append(i); field(f, 'imgTitle', draft, 'input'); f.submit(); await wait(2500);`],
    ["UEditor simpleupload-style: a form written into its own frame's document, aimed at a second frame there, submit()", String.raw`const outer = frame('edui_outer'); await wait(50); const d = outer.contentDocument; d.body.innerHTML = '<iframe name="edui_iframe_1"></iframe><form id="edui_form_1" method="POST" enctype="multipart/form-data" target="edui_iframe_1" action="' + sink('ue1') + '"><input type="hidden" name="title" value="' + esc(draft) + '"></form>'; d.getElementById('edui_form_1').submit(); await wait(1500);`],
    ['the same UEditor frame form by requestSubmit()', String.raw`const outer = frame('edui_outer2'); await wait(50); const d = outer.contentDocument; d.body.innerHTML = '<iframe name="edui_iframe_2"></iframe><form id="edui_form_2" method="POST" target="edui_iframe_2" action="' + sink('ue2') + '"><textarea name="content">' + esc(draft) + '</textarea></form>'; d.getElementById('edui_form_2').requestSubmit(); await wait(1500);`],
    ['预览: a button with formtarget=_blank formaction=preview, clicked', String.raw`const f = form(sink('pv0')); field(f, 'content', draft); const b = document.createElement('button'); b.type = 'submit'; b.setAttribute('formtarget', '_blank'); b.setAttribute('formaction', sink('pv1')); b.textContent = '预览'; f.append(b); b.click(); await wait(1500);`],
    ["window.open('', 'preview') then a form aimed at it, submit()", String.raw`window.open('', 'pvwin1'); const f = form(sink('pv2'), 'pvwin1'); field(f, 'content', draft); f.submit(); await wait(1500);`],
    ["window.open('', 'preview') then a form aimed at it, requestSubmit()", String.raw`window.open('', 'pvwin2'); const f = form(sink('pv3'), 'pvwin2'); field(f, 'content', draft); f.requestSubmit(); await wait(1500);`],
    ["预览 the classic way: window.open(''), document.write a form holding the draft into it, its submit()", String.raw`const w = window.open('', 'pvwin3'); w.document.write('<form method="post" action="' + sink('pv4') + '"><textarea name="content">' + esc(draft) + '</textarea></form>'); w.document.close(); w.document.forms[0].submit(); await wait(1500);`],
    ['the same popup form by requestSubmit()', String.raw`const w = window.open('', 'pvwin4'); w.document.body.innerHTML = '<form method="post" action="' + sink('pv5') + '"><textarea name="content">' + esc(draft) + '</textarea></form>'; w.document.forms[0].requestSubmit(); await wait(1500);`],
    ['a form-associated custom element holding the draft, requestSubmit() into a fresh frame', FACE + String.raw`frame('face1'); const f = form(sink('face1'), 'face1'); const x = document.createElement('x-field'); x.setAttribute('name', 'content'); f.append(x); x.value = draft; f.requestSubmit(); await wait(1200);`],
    ['a form-associated custom element holding the draft, form.submit() into a fresh frame', FACE + String.raw`frame('face2'); const f = form(sink('face2'), 'face2'); const x = document.createElement('x-field'); x.setAttribute('name', 'content'); f.append(x); x.value = draft; f.submit(); await wait(1200);`],
    ['<textarea form=…> outside the form holding the draft, requestSubmit() into a fresh frame', String.raw`frame('ext1'); const f = form(sink('ext1'), 'ext1'); f.id = 'ext1-form'; const t = document.createElement('textarea'); t.name = 'content'; t.value = draft; t.setAttribute('form', 'ext1-form'); document.body.prepend(t); f.requestSubmit(); await wait(1200);`],
    ['<button form=… formaction formtarget> elsewhere on the page, clicked (the form holds the draft)', String.raw`frame('bf1'); const f = form('/sink/ro/bf0'); f.id = 'bf-form'; field(f, 'content', draft); const b = document.createElement('button'); b.setAttribute('form', 'bf-form'); b.setAttribute('formaction', sink('bf1')); b.setAttribute('formtarget', 'bf1'); document.body.prepend(b); b.click(); await wait(1200);`],
    ['requestSubmit(a submitter outside the form) with formtarget=_blank', String.raw`const f = form(sink('rs1')); f.id = 'rs-form'; field(f, 'content', draft); const b = document.createElement('button'); b.setAttribute('form', 'rs-form'); b.setAttribute('formtarget', '_blank'); document.body.prepend(b); f.requestSubmit(b); await wait(1200);`],
    ['an image input with formtarget (a fresh frame), clicked', String.raw`frame('img1'); const f = form(sink('img0')); field(f, 'content', draft); const i = document.createElement('input'); i.type = 'image'; i.name = 'ok'; i.setAttribute('formaction', sink('img1')); i.setAttribute('formtarget', 'img1'); f.append(i); i.click(); await wait(1200);`],
    ['a form of this window without a target whose own formdata listener adds a <base target> naming a fresh frame', String.raw`frame('fb1'); const f = form(sink('fb1')); field(f, 'content', draft); f.addEventListener('formdata', () => { const b = document.createElement('base'); b.target = 'fb1'; document.head.append(b); setTimeout(() => b.remove(), 3000); }); f.requestSubmit(); await wait(1200);`],
    ['a form of this window whose own formdata listener aims it at a fresh frame', String.raw`frame('fd1'); const f = form(sink('fd1')); field(f, 'content', draft); f.addEventListener('formdata', () => { f.target = 'fd1'; }); f.requestSubmit(); await wait(1200);`],
    ['a form of this window whose submit listener aims it at a fresh frame and stops the event (stopImmediatePropagation)', String.raw`frame('si1'); const f = form(sink('si1')); field(f, 'content', draft); f.addEventListener('submit', (e) => { f.target = 'si1'; e.stopImmediatePropagation(); }); f.requestSubmit(); await wait(1200);`],
    ['a text file holding the ID (a.txt) in a form aimed at a new window (_blank), requestSubmit()', String.raw`const f = form(RAW + '/file-blank'); f.enctype = 'multipart/form-data'; f.target = '_blank'; const i = document.createElement('input'); i.type = 'file'; i.name = 'att'; const dt = new DataTransfer(); dt.items.add(new File([draft], 'a.txt', { type: 'text/plain' })); i.files = dt.files; f.append(i); f.requestSubmit(); await wait(2500);`],
    ['the same file in a form aimed at a fresh frame, requestSubmit()', String.raw`frame('ff1'); const f = form(RAW + '/file-frame'); f.enctype = 'multipart/form-data'; f.target = 'ff1'; const i = document.createElement('input'); i.type = 'file'; i.name = 'att'; const dt = new DataTransfer(); dt.items.add(new File([draft], 'a.txt', { type: 'text/plain' })); i.files = dt.files; f.append(i); f.requestSubmit(); await wait(2500);`],
    ['a form into a fresh frame whose submit a document capture listener stops (stopPropagation)', String.raw`frame('sp1'); document.addEventListener('submit', (e) => e.stopPropagation(), true); const f = form(sink('sp1'), 'sp1'); field(f, 'content', draft); f.requestSubmit(); await wait(1200);`],
];

/** Clean submissions into other windows that must still arrive (page script after PRE, JQUERY_FORM and FACE). */
export const CLEAN_CASES: [label: string, body: string][] = [
  ['jquery.form iframe transport of clean fields arrives', String.raw`const f = form('/sink/ro/jqc'); field(f, 'keyword', '防汛'); await ajaxSubmitIframe(f, sink('jq-clean'), { page: '2' });`],
  ['DWZ iframeCallback of clean fields arrives', String.raw`frame('callbackframe'); const f = form(sink('dwz-clean')); f.enctype = 'multipart/form-data'; field(f, 'name', '栏目一', 'input'); const b = document.createElement('button'); b.type = 'submit'; f.append(b); f.onsubmit = () => { field(f, 'ajax', '1', 'input'); f.target = 'callbackframe'; return true; }; b.click(); await wait(1200);`],
  ['a KindEditor-style upload of a real PNG into its frame arrives', String.raw`const n = 'kindeditor_upload_iframe_c'; frame(n); const f = form(sink('ke-clean'), n); f.enctype = 'multipart/form-data'; const i = document.createElement('input'); i.type = 'file'; i.name = 'imgFile'; const dt = new DataTransfer(); dt.items.add(new File([PNG], 'a.png', { type: 'image/png' })); i.files = dt.files; f.append(i); f.submit(); await wait(2500);`],
  ['a clean text file in a form aimed at a new window (_blank): held while it is read, then it arrives', String.raw`const f = form(sink('file-blank-clean')); f.enctype = 'multipart/form-data'; f.target = '_blank'; const i = document.createElement('input'); i.type = 'file'; i.name = 'att'; const dt = new DataTransfer(); dt.items.add(new File(['会议纪要：防汛值班安排'], 'a.txt', { type: 'text/plain' })); i.files = dt.files; f.append(i); f.requestSubmit(); await wait(3000);`],
  ['a clean text file in a form aimed at a fresh frame: held while it is read, then it arrives', String.raw`frame('ffc'); const f = form(sink('file-frame-clean'), 'ffc'); f.enctype = 'multipart/form-data'; const i = document.createElement('input'); i.type = 'file'; i.name = 'att'; const dt = new DataTransfer(); dt.items.add(new File(['会议纪要：防汛值班安排'], 'a.txt', { type: 'text/plain' })); i.files = dt.files; f.append(i); f.requestSubmit(); await wait(3000);`],
  ['a FACE holding clean text, requestSubmit() into a fresh frame, arrives', String.raw`frame('facec'); const f = form(sink('face-clean'), 'facec'); const x = document.createElement('x-field'); x.setAttribute('name', 'q'); f.append(x); x.value = '防汛'; f.requestSubmit(); await wait(1200);`],
];

/** A form holding the draft aimed at a fresh frame, its title input focused for a trusted Enter. */
export const ENTER_SETUP = String.raw`frame('en1'); const f = form(sink('en1'), 'en1'); field(f, 'content', draft); const t = document.createElement('input'); t.name = 'title'; f.prepend(t); const b = document.createElement('button'); b.type = 'submit'; f.append(b); t.focus();`;

/** Sets a form up on the routes page of one side, then presses Enter in its text input (a trusted key). */
export async function enterOn(on: ProbeSide, setup: string, guardedSide: boolean): Promise<string[]> {
  await openSide(on, guardedSide, ownDraft(81, true));
  const [since, t0] = [on.server.mark(), Date.now()];
  await on.driver.evaluate(pageScript(PRE + setup, on.raw));
  await on.driver.press('Enter');
  await sleep(2000);
  return [...on.server.carrying(ID, { since }).map((r) => `${r.method} ${r.url}`), ...on.raw.carrying(ID, t0)];
}

// ——— items named by id: PublicCMS 待审核 (shipped adapter: POST …/cmsContent/check, ids from query or body) ———

export const LIST = '/cms/publiccms/admin/content_uncheck_list.html';
export const CHECK = '/cms/publiccms/admin/cmsContent/check';
export const CSRF = '_csrf=publiccms-fixture-csrf';

/** The ids each request to cmsContent/check since `since` named. */
const checked = (on: ProbeSide, since: number) => on.server.requests({ path: CHECK, since }).map((r) => readIds(r, { from: 'either', name: 'ids', separator: ',' }).join(','));

/** A DWZ iframeCallback form on the list page: `inner` its markup, `action` its address. */
export const dwz = (action: string, inner: string, extra = '') => String.raw`
  frame('callbackframe');
  const f = form(${JSON.stringify(action)}); f.id = 'dwzf'; f.enctype = 'multipart/form-data';
  f.innerHTML = ${JSON.stringify(inner)} + '<button id="dwz-submit" type="submit">确定</button>';
  f.onsubmit = () => { field(f, 'ajax', '1', 'input'); f.target = 'callbackframe'; return true; };
  ${extra}
`;
export const clickDwz = async (on: ProbeSide) => on.driver.click('#dwz-submit');

/** Item 42 signed off and published on PublicCMS's own edit page (as cms-list-publish does it), in a tab of the guarded host. */
export async function signItem42(page: DriveTarget, server: CmsServer): Promise<void> {
  const fixture = CMS_FIXTURES.find((f) => f.cms === 'publiccms' && f.publish.length > 0)!;
  await openFixture(page, server.url, { ...fixture, path: `${fixture.path}?id=42` });
  await prepareDraft(page, fixture, '第42号稿件：资金已按时足额发放，名单请到乡镇民政办查阅。');
  const publish = fixture.publish.find((p) => !p.draft)!;
  const since = server.mark();
  await runSteps(page, publish.steps);
  await waitForChecklist(page);
  await signChecklist(page, { category: '12', mode: '主动公开', reviewer: demoPerson('lisi') });
  await pressChecklistPublish(page);
  await checklistClosed(page);
  await server.waitForRequests({ ...publish.expect, since });
}

/** The list-page probe over a browser's two hosts. */
export function listProbe(sides: () => { guarded: ProbeSide; control: ProbeSide }) {
  async function openList(on: ProbeSide, isGuarded: boolean): Promise<void> {
    await on.driver.goto(on.server.url + LIST);
    await on.driver.waitFor(`document.readyState === 'complete'`);
    if (isGuarded) await on.driver.waitFor(`!!document.querySelector('precheck-panel')`, { timeout: 10_000 });
  }

  /** `code` on the list page (PRE's helpers), then `act` (a trusted key or click, if any); what reached cmsContent/check. */
  async function onList(on: ProbeSide, code: string, act?: (on: ProbeSide) => Promise<void>, isGuarded = false): Promise<{ ids: string[]; outcome: string }> {
    await openList(on, isGuarded);
    const since = on.server.mark();
    const outcome = await on.driver.evaluate<string>(`(async () => { ${PRE} ${JQUERY_FORM} ${FACE} try { ${code}; return 'ok'; } catch (e) { return 'threw: ' + e.message; } })()`).catch((e: unknown) => `evaluate: ${String(e)}`);
    if (act) await act(on);
    await sleep(1800);
    return { ids: checked(on, since), outcome };
  }

  /** A list-page case: delivers `id` without Precheck, nothing naming it with Precheck. */
  async function expectItemOnlyWithout(code: string, id = '43', act?: (on: ProbeSide) => Promise<void>): Promise<void> {
    const without = await onList(sides().control, code, act);
    expect(without.ids.join(' '), `control: ${without.outcome}`).toContain(id);
    const withIt = await onList(sides().guarded, code, act, true);
    expect(withIt.ids.filter((ids) => ids.split(',').includes(id)), withIt.outcome).toEqual([]);
  }

  /** Signed 42 still reaches the CMS with Precheck. */
  async function expectSignedArrives(code: string, act?: (on: ProbeSide) => Promise<void>): Promise<void> {
    const withIt = await onList(sides().guarded, code, act, true);
    expect(withIt.ids, withIt.outcome).toContain('42');
  }

  return { onList, expectItemOnlyWithout, expectSignedArrives };
}

/** An unsigned item (43) named by DWZ-style code; the form's button clicked (clickDwz). */
export const ITEM_CLICK_CASES: [label: string, code: string][] = [
    ['DWZ iframeCallback, ids in the action (the 审核 address)', dwz(`cmsContent/check?ids=43&${CSRF}`, '<input type="hidden" name="navTabId" value="x">')],
    ['DWZ iframeCallback, ids in a hidden input', dwz(`cmsContent/check?${CSRF}`, '<input type="hidden" name="ids" value="43">')],
    ['DWZ iframeCallback, ids in an <input form=…> outside the form', dwz(`cmsContent/check?${CSRF}`, '', `const o = document.createElement('input'); o.type = 'hidden'; o.name = 'ids'; o.value = '43'; o.setAttribute('form', 'dwzf'); document.body.prepend(o);`)],
    ['DWZ iframeCallback, ids from a form-associated custom element', dwz(`cmsContent/check?${CSRF}`, '<x-field name="ids"></x-field>', `f.querySelector('x-field').value = '43';`)],
    ['DWZ iframeCallback, ids added by a formdata listener (as web-component libraries add their values)', dwz(`cmsContent/check?${CSRF}`, '', `f.addEventListener('formdata', (e) => e.formData.append('ids', '43'));`)],
    ['the 审核 address on the submitter (formaction, formtarget=callbackframe) of a clean form', dwz(`cmsContent/list?${CSRF}`, '', `const b = f.querySelector('button'); b.setAttribute('formaction', 'cmsContent/check?ids=43&${CSRF}'); b.setAttribute('formtarget', 'callbackframe');`)],
    ['a <button form=… formaction formtarget> elsewhere on the page', dwz(`cmsContent/list?${CSRF}`, '', `f.querySelector('button').remove(); const b = document.createElement('button'); b.id = 'dwz-submit'; b.setAttribute('form', 'dwzf'); b.setAttribute('formaction', 'cmsContent/check?ids=43&${CSRF}'); b.setAttribute('formtarget', 'callbackframe'); document.body.prepend(b);`)],
    ['an image input with the 审核 address in formaction', dwz(`cmsContent/list?${CSRF}`, '', `f.querySelector('button').remove(); const i = document.createElement('input'); i.type = 'image'; i.id = 'dwz-submit'; i.width = 20; i.height = 20; i.setAttribute('formaction', 'cmsContent/check?ids=43&${CSRF}'); f.append(i);`)],
    ['a new window (_blank) named by the submit listener that then stops the event (stopImmediatePropagation)', String.raw`
  const f = form('cmsContent/check?ids=43&${CSRF}'); f.innerHTML = '<button id="dwz-submit" type="submit">确定</button>';
  f.addEventListener('submit', (e) => { f.target = '_blank'; e.stopImmediatePropagation(); });`],
    ['DWZ iframeCallback with a document capture listener that stops the submit (stopPropagation)', dwz(`cmsContent/check?ids=43&${CSRF}`, '', `f.target = 'callbackframe'; document.addEventListener('submit', (e) => e.stopPropagation(), true);`)],
    ['DWZ iframeCallback followed by a double-submit guard on the form that stops the event (stopImmediatePropagation)', dwz(`cmsContent/check?ids=43&${CSRF}`, '', `f.addEventListener('submit', (e) => e.stopImmediatePropagation());`)],
];

/** An unsigned item (43) named by code that submits by itself. */
export const ITEM_CASES: [label: string, code: string][] = [
    ["window.open('', name) then the 审核 form aimed at it, requestSubmit()", String.raw`window.open('', 'chk1'); const f = form('cmsContent/check?ids=43&${CSRF}', 'chk1'); f.requestSubmit();`],
    ['target=_blank, requestSubmit()', String.raw`const f = form('cmsContent/check?ids=43&${CSRF}', '_blank'); f.requestSubmit();`],
    ['jquery.form ajaxSubmit iframe transport, ids as extra data', String.raw`const f = form('cmsContent/list'); await ajaxSubmitIframe(f, 'cmsContent/check?${CSRF}', { ids: '43' });`],
    ['jquery.form iframe transport, ids in the url', String.raw`const f = form('cmsContent/list'); await ajaxSubmitIframe(f, 'cmsContent/check?ids=43&${CSRF}', {});`],
    ['a layer iframe (the list page itself) whose form posts the 审核 address to _top', String.raw`const l = frame('layui-layer-iframe1', location.href); await new Promise((r) => l.onload = r); const d = l.contentDocument; d.body.insertAdjacentHTML('beforeend', '<form id="lf" method="post" target="_top" action="cmsContent/check?ids=43&${CSRF}"></form>'); d.getElementById('lf').requestSubmit();`],
    ['a layer iframe whose form posts the 审核 address into another hidden frame of the top page', String.raw`frame('callbackframe'); const l = frame('layui-layer-iframe2', location.href); await new Promise((r) => l.onload = r); const d = l.contentDocument; d.body.insertAdjacentHTML('beforeend', '<form id="lf" method="post" target="callbackframe" action="cmsContent/check?ids=43&${CSRF}"></form>'); d.getElementById('lf').requestSubmit();`],
];

/** The DWZ form naming 43 in its action, its text input focused for a trusted Enter. */
export const ITEM_ENTER_CODE = dwz(`cmsContent/check?ids=43&${CSRF}`, '<input name="remark" id="remark">', `document.getElementById('remark').focus();`);

/** Signed 42 named the same ways; the form's button clicked. */
export const SIGNED_CLICK_CASES: [label: string, code: string][] = [
  ['a new window (_blank), ids from a form-associated custom element', dwz(`cmsContent/check?${CSRF}`, '<x-field name="ids"></x-field>', `f.querySelector('x-field').value = '42'; f.onsubmit = () => { f.target = '_blank'; return true; };`)],
  ['a new window (_blank), ids added by a formdata listener', dwz(`cmsContent/check?${CSRF}`, '', `f.addEventListener('formdata', (e) => e.formData.append('ids', '42')); f.onsubmit = () => { f.target = '_blank'; return true; };`)],
    ['DWZ iframeCallback, ids in the action', dwz(`cmsContent/check?ids=42&${CSRF}`, '')],
    ['DWZ iframeCallback, ids in a hidden input', dwz(`cmsContent/check?${CSRF}`, '<input type="hidden" name="ids" value="42">')],
    ['DWZ iframeCallback, ids from a form-associated custom element', dwz(`cmsContent/check?${CSRF}`, '<x-field name="ids"></x-field>', `f.querySelector('x-field').value = '42';`)],
    ['DWZ iframeCallback, ids added by a formdata listener', dwz(`cmsContent/check?${CSRF}`, '', `f.addEventListener('formdata', (e) => e.formData.append('ids', '42'));`)],
    ['an image input with the 审核 address in formaction', dwz(`cmsContent/list?${CSRF}`, '', `f.querySelector('button').remove(); const i = document.createElement('input'); i.type = 'image'; i.id = 'dwz-submit'; i.width = 20; i.height = 20; i.setAttribute('formaction', 'cmsContent/check?ids=42&${CSRF}'); f.append(i);`)],
];
