/**
 * The sixteenth probe's cases (test/e2e/gate-sixteenth-probe.e2e.test.ts, Chromium): where a
 * submission or a link goes decided by the EVENT that activates it (modifier keys, the middle button)
 * rather than by its target; what a stylesheet's own base URL makes of a clean relative url(); a
 * worklet module's static imports; a link whose own listener swaps its address and stops the event at
 * once. Page script over the probe harness (probe-harness.ts); a person's input is data (PersonAct)
 * each browser's suite performs with its own library (a Person: Chromium's in its suite, Firefox's in
 * test/e2e-firefox/gate-sixteenth-probe.e2e.test.ts).
 */
import { expect } from 'vitest';
import { ID, ownDraft } from './gate-drive.ts';
import { CMS_FIXTURES } from '../../lib/demo/cms-fixtures.ts';
import { openFixture, prepareDraft } from '../../lib/demo/cms-drive.ts';
import type { ClickHow } from '../../lib/demo/page-driver.ts';
import { openSide, type ProbeSide } from './probe-harness.ts';
import { pageScript } from './probe-page.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Page helpers: `wait`; `plain` (the draft with its digits taken out, percent-encoded: a frame's or
 * window's URL holding the ID itself is refused by the browser's network rule, so a GET into a new
 * window carries the draft's words instead); `ownForm(n)` — a plain CMS form posting the draft (with
 * its ID) to this window, as DedeCMS's or PbootCMS's 发布 form does, with a title input and a 发布
 * button; `link(id, href, target)` — a 预览 link; `frame(n)` — a fresh hidden frame.
 */
export const PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const plain = encodeURIComponent(draft.replace(/[0-9Xx]/g, '')).slice(0, 1800);
  const place = 'position:fixed;left:420px;z-index:2147483646;display:block;width:90px;height:28px;background:#eee;';
  const ownForm = (n, label = '发布') => {
    const f = document.createElement('form'); f.method = 'post'; f.action = sink(n); f.id = 's16-form';
    const i = document.createElement('input'); i.name = 'title'; i.id = 's16-title'; i.value = '城关镇低保公示'; i.style.cssText = place + 'top:240px;'; f.append(i);
    const t = document.createElement('textarea'); t.name = 'content'; t.value = draft; t.style.display = 'none'; f.append(t);
    const b = document.createElement('button'); b.type = 'submit'; b.id = 's16-submit'; b.textContent = label; b.style.cssText = place + 'top:280px;'; f.append(b);
    document.body.append(f); return f;
  };
  const link = (id, href, target) => { const a = document.createElement('a'); a.id = id; a.href = href; if (target) a.target = target; a.textContent = '预览'; a.style.cssText = place + 'top:320px;'; document.body.append(a); return a; };
  const frame = (n) => { const f = document.createElement('iframe'); f.name = n; f.style.display = 'none'; document.body.append(f); return f; };
`;

/** The draft with its ID, by page script alone: delivered without Precheck, never with it. */
export const ID_CASES: [label: string, body: string][] = [
  ['the 发布 button of a form aimed at this window, clicked by a dispatched click with shiftKey', String.raw`ownForm('s16-shift-js0'); document.getElementById('s16-submit').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, shiftKey: true })); await wait(1500);`],
  ['a ➜ button (no publish word) of a form aimed at this window, a dispatched click with shiftKey', String.raw`ownForm('s16-shift-js', '➜'); document.getElementById('s16-submit').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true })); await wait(1500);`],
  ['the same with ctrlKey', String.raw`ownForm('s16-ctrl-js', '➜'); document.getElementById('s16-submit').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true })); await wait(1500);`],
  ['the same by a dispatched middle-button click (button: 1)', String.raw`ownForm('s16-mid-js', '➜'); document.getElementById('s16-submit').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 1 })); await wait(1500);`],
  ["an audio worklet module (a script Blob) whose static import carries the ID", String.raw`const u = URL.createObjectURL(new Blob(['import "' + sink('s16-wk-audio') + '?c=' + ID + '";'], { type: 'text/javascript' })); const ctx = new AudioContext(); await ctx.audioWorklet.addModule(u).catch(() => 0); await wait(300);`],
  ["a paint worklet module (a script Blob) whose static import carries the ID", String.raw`const u = URL.createObjectURL(new Blob(['import "' + sink('s16-wk-paint') + '?c=' + ID + '";'], { type: 'text/javascript' })); await CSS.paintWorklet.addModule(u).catch(() => 0); await wait(300);`],
  ["an audio worklet module whose static import carries the ID, the module a base64 data: URL", String.raw`const code = 'import "' + sink('s16-wk-data') + '?c=' + ID + '";'; const ctx = new AudioContext(); await ctx.audioWorklet.addModule('data:text/javascript;base64,' + btoa(code)).catch(() => 0); await wait(300);`],
  ["an audio worklet module (a script Blob) that imports another script Blob whose static import carries the ID", String.raw`const inner = URL.createObjectURL(new Blob(['import "' + sink('s16-wk-inner') + '?c=' + ID + '";'], { type: 'text/javascript' })); const u = URL.createObjectURL(new Blob(['import "' + inner + '";'], { type: 'text/javascript' })); const ctx = new AudioContext(); await ctx.audioWorklet.addModule(u).catch(() => 0); await wait(300);`],
  ["HTMLFormElement.prototype.submit of a fresh frame's realm on this page's form aimed at a new window", String.raw`const w = frame('s16-realm').contentWindow; const f = ownForm('s16-realm-submit'); f.target = '_blank'; w.HTMLFormElement.prototype.submit.call(f); await wait(1500);`],
  ["requestSubmit of a fresh frame's realm on this page's form aimed at a fresh frame", String.raw`const w = frame('s16-realm2').contentWindow; frame('s16-t2'); const f = ownForm('s16-realm-rs'); f.target = 's16-t2'; w.HTMLFormElement.prototype.requestSubmit.call(f); await wait(1500);`],
];

/** Clean worklet modules: they still load, and what they import arrives. */
export const CLEAN_SCRIPT_CASES: [label: string, body: string][] = [
  ['a 预览 link (_blank) whose own listener sends it to another clean page and stops the click at once, click(): it gets there', String.raw`const a = link('s16-lc', '/routes/index.html?preview=5', '_blank'); a.addEventListener('click', (e) => { a.href = sink('s16-link-clean') + '?page=2'; e.stopImmediatePropagation(); }); a.click(); await wait(1500);`],
  ['a fresh frame sent by its navigation.navigate() to a clean address still gets there', String.raw`const f = frame('s16-nnc'); f.contentWindow.navigation.navigate(sink('s16-nav-clean') + '?page=2'); await wait(1500);`],
  ['an audio worklet module (a script Blob) importing a clean address still loads it', String.raw`const u = URL.createObjectURL(new Blob(['import "' + sink('s16-wk-clean') + '?v=1"; registerProcessor("p", class extends AudioWorkletProcessor { process() { return true; } });'], { type: 'text/javascript' })); const ctx = new AudioContext(); const r = await ctx.audioWorklet.addModule(u).then(() => 'loaded', (e) => String(e)); await wait(300); return r;`],
];

/** The draft's words (no ID) by page script alone: some request arrives without Precheck, none with it. */
export const WORDS_CASES: [label: string, body: string][] = [
  ["a link with no target, clicked by a dispatched click with ctrlKey (a new tab)", String.raw`const a = link('s16-l3', sink('s16-link-ctrl') + '?c=' + plain); a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true })); await wait(1500);`],
  ["a link with no target, a dispatched middle-button click (button: 1)", String.raw`const a = link('s16-l4', sink('s16-link-mid') + '?c=' + plain); a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 1 })); await wait(1500);`],
  ["a 预览 link (target=_blank) whose own click listener puts the draft in its href and stops the event at once (stopImmediatePropagation), click()", String.raw`const a = link('s16-l1', '/routes/index.html?preview=1', '_blank'); a.addEventListener('click', (e) => { a.href = sink('s16-link-si') + '?c=' + plain; e.stopImmediatePropagation(); }); a.click(); await wait(1500);`],
  ["the same on an <area> of an image map", String.raw`const m = document.createElement('map'); m.name = 's16m'; const ar = document.createElement('area'); ar.shape = 'default'; ar.href = '/routes/index.html?preview=2'; ar.target = '_blank'; m.append(ar); document.body.append(m); ar.addEventListener('click', (e) => { ar.href = sink('s16-area-si') + '?c=' + plain; e.stopImmediatePropagation(); }); ar.click(); await wait(1500);`],
  ["the same link into a fresh frame", String.raw`frame('s16-lf'); const a = link('s16-l2', '/routes/index.html?preview=3', 's16-lf'); a.addEventListener('click', (e) => { a.href = sink('s16-link-sif') + '?c=' + plain; e.stopImmediatePropagation(); }); a.click(); await wait(1500);`],
  ["the same link (_blank), its listener writing the href's query (a.search), then its path, click()", String.raw`const a = link('s16-l5', '/sink/r/s16-link-search?v=1', '_blank'); a.addEventListener('click', (e) => { e.stopImmediatePropagation(); a.search = '?c=' + plain; a.pathname = '/sink/ro/s16-link-search'; }); a.click(); await wait(1500);`],
  ["the same link (a fresh frame), its listener calling setAttribute('href', …), click()", String.raw`frame('s16-lf2'); const a = link('s16-l6', '/routes/index.html?preview=4', 's16-lf2'); a.addEventListener('click', (e) => { e.stopImmediatePropagation(); a.setAttribute('href', sink('s16-link-setattr') + '?c=' + plain); }); a.click(); await wait(1500);`],
  ["a fresh frame sent by its navigation.navigate() to an address holding the draft", String.raw`const f = frame('s16-nn'); f.contentWindow.navigation.navigate(sink('s16-nav-nav') + '?c=' + plain); await wait(1500);`],
  ["the same by this window's navigate method called on the frame's Navigation", String.raw`const f = frame('s16-nn2'); try { navigation.navigate.call(f.contentWindow.navigation, sink('s16-nav-nav2') + '?c=' + plain); } catch {} await wait(1500);`],
];

/** A person's action, as data: a click (its modifier keys, its button) on a selector, or a key chord on what has the focus (moved to `focus` first). */
export type PersonAct = ({ click: string } & ClickHow) | { press: string; focus?: string };

/** What each side's trusted case sets up (page script after PRE) and then does with real input. */
export interface TrustedCase {
  label: string;
  setup: string;
  act: PersonAct;
  /** the recorder is asked for the ID (a POST body) or for any request to its path (the draft's words in a URL) */
  carries: 'id' | 'words';
  path: string;
}

export const TRUSTED_CASES: TrustedCase[] = [
  { label: 'an editor shift-clicks 发布 of a form aimed at this window (Chromium opens the POST in a new window)', setup: `ownForm('s16-shift');`, act: { click: '#s16-submit', modifiers: ['Shift'] }, carries: 'id', path: 's16-shift' },
  { label: 'an editor ctrl-clicks 发布 (a new tab)', setup: `ownForm('s16-ctrl');`, act: { click: '#s16-submit', modifiers: ['Control'] }, carries: 'id', path: 's16-ctrl' },
  { label: 'shift-click on a form button labelled only ➜ (no publish word)', setup: `ownForm('s16-shift-icon', '➜');`, act: { click: '#s16-submit', modifiers: ['Shift'] }, carries: 'id', path: 's16-shift-icon' },
  { label: 'ctrl-click on a form button labelled only ➜', setup: `ownForm('s16-ctrl-icon', '➜');`, act: { click: '#s16-submit', modifiers: ['Control'] }, carries: 'id', path: 's16-ctrl-icon' },
  { label: "the routes page's own CMS form: shift-click on 保存 (#btn-save)", setup: ``, act: { click: '#btn-save', modifiers: ['Shift'] }, carries: 'id', path: '' },
  { label: "the routes page's own CMS form: ctrl-click on its DedeCMS-style image button (#btn-image)", setup: ``, act: { click: '#btn-image', modifiers: ['Control'] }, carries: 'id', path: '' },
  { label: "the routes page's own CMS form: Shift+Enter in its title input", setup: `document.getElementById('title').focus();`, act: { press: 'Shift+Enter' }, carries: 'id', path: '' },
  { label: 'Shift+Enter in the title input of a form aimed at this window', setup: `ownForm('s16-senter', '➜'); document.getElementById('s16-title').focus();`, act: { press: 'Shift+Enter' }, carries: 'id', path: 's16-senter' },
  { label: 'Shift+Space on the focused ➜ button', setup: `ownForm('s16-sspace', '➜'); document.getElementById('s16-submit').focus();`, act: { press: 'Shift+Space' }, carries: 'id', path: 's16-sspace' },
  { label: 'a middle-click on a 预览 link (_blank) whose address holds the ID itself (held by the network rule for frame and window URLs, not by the page gate)', setup: `link('s16-tl0', sink('s16-tlink-id') + '?c=' + ID, '_blank');`, act: { click: '#s16-tl0', button: 'middle' }, carries: 'id', path: 's16-tlink-id' },
  { label: 'a middle-click on a 预览 link (target=_blank) holding the draft', setup: `link('s16-tl1', sink('s16-tlink-mid') + '?c=' + plain, '_blank');`, act: { click: '#s16-tl1', button: 'middle' }, carries: 'words', path: 's16-tlink-mid' },
  { label: 'a middle-click on a link with no target holding the draft', setup: `link('s16-tl2', sink('s16-tlink-mid2') + '?c=' + plain);`, act: { click: '#s16-tl2', button: 'middle' }, carries: 'words', path: 's16-tlink-mid2' },
  { label: 'a ctrl-click on a link with no target holding the draft', setup: `link('s16-tl3', sink('s16-tlink-ctrl') + '?c=' + plain);`, act: { click: '#s16-tl3', modifiers: ['Control'] }, carries: 'words', path: 's16-tlink-ctrl' },
  { label: 'a shift-click on a link with no target holding the draft', setup: `link('s16-tl4', sink('s16-tlink-shift') + '?c=' + plain);`, act: { click: '#s16-tl4', modifiers: ['Shift'] }, carries: 'words', path: 's16-tlink-shift' },
  { label: 'Ctrl+Enter on a focused link with no target holding the draft', setup: `link('s16-tl5', sink('s16-tlink-cent') + '?c=' + plain).focus();`, act: { press: 'Control+Enter' }, carries: 'words', path: 's16-tlink-cent' },
  { label: 'Enter on a focused 预览 link (_blank) whose own click listener puts the draft in its href and stops the event at once', setup: `const a = link('s16-tl6', '/routes/index.html?preview=6', '_blank'); a.addEventListener('click', (e) => { a.href = sink('s16-tlink-enter-si') + '?c=' + plain; e.stopImmediatePropagation(); }); a.focus();`, act: { press: 'Enter' }, carries: 'words', path: 's16-tlink-enter-si' },
];

/**
 * What a trusted case asks of its browser, which each suite gives (Chromium: Playwright's page and
 * context; Firefox: the PageDriver and puppeteer's browser): a person's input, and the tabs it opened.
 */
export interface Person {
  /** The side's tab whose address starts with `at` (an error when there is none): its address, and real input on it. */
  tab(on: ProbeSide, at: string): { url(): string; act(a: PersonAct): Promise<void> };
  /** Notes the tabs open now; the function returned lists the addresses of those opened since, and closes them. */
  watchTabs(): Promise<() => Promise<string[]>>;
}

/**
 * `act` on a side's tab, then the requests it starts are given `settleMs`: what the act threw, the
 * tabs it opened (closed now) and where the tab is. A failed act is only reported: a control side that
 * delivers nothing fails the row.
 */
async function personActs(person: Person, tab: ReturnType<Person['tab']>, act: PersonAct, settleMs: number): Promise<string> {
  const opened = await person.watchTabs();
  let outcome = '';
  try {
    await tab.act(act);
  } catch (e) {
    outcome = `act: ${String(e).slice(0, 200)} `;
  }
  await sleep(settleMs);
  const urls = await opened();
  return `${outcome}opened: ${urls.map((u) => u.slice(0, 80)).join(' ') || 'none'}; here: ${tab.url().slice(0, 80)}`;
}

/** One side of a trusted case: what arrived carrying the ID, and how many requests reached its path. */
export async function trustedOn(person: Person, on: ProbeSide, c: TrustedCase, guarded: boolean): Promise<{ carried: string[]; reached: number; outcome: string }> {
  await openSide(on, guarded, ownDraft(81, true));
  const [since, t0] = [on.server.mark(), Date.now()];
  const tab = person.tab(on, `${on.server.url}/routes/`);
  let outcome = await on.driver.evaluate<string>(pageScript(PRE + c.setup, on.raw)).catch((e: unknown) => `evaluate: ${String(e)}`);
  outcome += ` ${await personActs(person, tab, c.act, 2_000)}`;
  const carried = [...on.server.carrying(ID, { since }).map((r) => `${r.method} ${r.url.slice(0, 60)}`), ...on.raw.carrying(ID, t0)];
  const reached = on.server.requests({ since }).filter((r) => r.path.startsWith(`/sink/ro/${c.path}`)).length;
  return { carried, reached, outcome };
}

/** A trusted case: delivered without Precheck (the test can fail), nothing with it. */
export async function expectTrustedOnlyWithout(person: Person, sides: { guarded: ProbeSide; control: ProbeSide }, c: TrustedCase): Promise<void> {
  const without = await trustedOn(person, sides.control, c, false);
  if (c.carries === 'id') expect(without.carried.length, `control: ${without.outcome}`).toBeGreaterThan(0);
  else expect(without.reached, `control: ${without.outcome}`).toBeGreaterThan(0);
  const withIt = await trustedOn(person, sides.guarded, c, true);
  if (c.carries === 'id') expect(withIt.carried, withIt.outcome).toEqual([]);
  else expect(withIt.reached, withIt.outcome).toBe(0);
}

/** Clean things the same ways: they must still arrive (no false refusal). */
export const CLEAN_TRUSTED: TrustedCase[] = [
  { label: 'a clean search form (a keyword, no draft) shift-clicked still posts into its new window', setup: `const f = ownForm('s16-clean-shift', '搜索'); f.elements.content.remove(); f.elements.title.name = 'keyword'; f.elements.keyword.value = '防汛';`, act: { click: '#s16-submit', modifiers: ['Shift'] }, carries: 'words', path: 's16-clean-shift' },
  { label: 'a clean link middle-clicked still opens its page', setup: `link('s16-clean-l', sink('s16-clean-mid') + '?page=2&keyword=' + encodeURIComponent('防汛'), '_blank');`, act: { click: '#s16-clean-l', button: 'middle' }, carries: 'words', path: 's16-clean-mid' },
];

/** A clean trusted case on the guarded host: its request arrives, nothing carrying the ID. */
export async function expectTrustedCleanArrives(person: Person, guarded: ProbeSide, c: TrustedCase): Promise<void> {
  const withIt = await trustedOn(person, guarded, c, true);
  expect(withIt.carried, withIt.outcome).toEqual([]);
  expect(withIt.reached, withIt.outcome).toBeGreaterThan(0);
}

// ——— PbootCMS 内容列表 with its shipped adapter: the status switch (点击开启) is a GET link that publishes ———

export const PBOOT_LIST = '/cms/pbootcms/content_list.html';
const PBOOT_ADMIN = '/cms/pbootcms/admin.php';

/** The ids whose status a side's PbootCMS received a switch to 1 (published) for since `since`. */
function switchedOn(on: ProbeSide, since: number): string[] {
  return on.server
    .requests({ path: PBOOT_ADMIN, since })
    .map((r) => /\/id\/(\d+)\/field\/status\/value\/1/.exec(decodeURIComponent(r.url))?.[1])
    .filter((x): x is string => !!x);
}

/** Opens PbootCMS's list on one side, does `act` on its page; which items were switched on, and what opened. */
export async function onPbootList(person: Person, on: ProbeSide, act: PersonAct, guarded: boolean): Promise<{ ids: string[]; outcome: string }> {
  await on.driver.goto(on.server.url + PBOOT_LIST);
  await on.driver.waitFor(`document.readyState === 'complete'`);
  if (guarded) await on.driver.waitFor(`!!document.querySelector('precheck-panel')`, { timeout: 10_000 });
  const tab = person.tab(on, on.server.url + PBOOT_LIST);
  const since = on.server.mark();
  const outcome = await personActs(person, tab, act, 2_000);
  return { ids: switchedOn(on, since), outcome };
}

/** An editor's unsigned item (43) switched on from the list by a link activation. */
export const PBOOT_CASES: [label: string, act: PersonAct][] = [
  ['ctrl-click on 43\'s 点击开启 (a new tab)', { click: '#status-43', modifiers: ['Control'] }],
  ['middle-click on 43\'s 点击开启', { click: '#status-43', button: 'middle' }],
  ['shift-click on 43\'s 点击开启 (a new window)', { click: '#status-43', modifiers: ['Shift'] }],
  ['Ctrl+Enter on 43\'s focused 点击开启', { focus: '#status-43', press: 'Control+Enter' }],
  ['a plain click on 43\'s 点击开启 (this window: the navigate event; held, shown for comparison)', { click: '#status-43' }],
];

// ——— DedeCMS 5.7 发布文章 (CKEditor 4, shipped adapter): its <input type=image> 确定 ———

/** Opens DedeCMS's article form on one side, types a draft with the ID, then `act`; what reached article_add.php carrying the ID. */
export async function onDedeAdd(person: Person, on: ProbeSide, act: PersonAct, guarded: boolean): Promise<{ carried: string[]; outcome: string }> {
  const fixture = CMS_FIXTURES.find((f) => f.id === 'dedecms-article-add')!;
  await openFixture(on.driver, on.server.url, fixture);
  if (guarded) await on.driver.waitFor(`!!document.querySelector('precheck-panel')`, { timeout: 10_000 });
  await prepareDraft(on.driver, fixture, ownDraft(86, true));
  if (guarded) await on.driver.waitFor(`Number(document.querySelector('precheck-panel')?.dataset.block ?? 0) >= 1`, { timeout: 10_000 });
  const tab = person.tab(on, on.server.url + fixture.path);
  const since = on.server.mark();
  const outcome = await personActs(person, tab, act, 2_500);
  return { carried: on.server.carrying(ID, { since }).map((r) => `${r.method} ${r.path}`), outcome };
}

const DEDE_OK = 'input[type="image"][src$="button_ok.gif"]';
export const DEDE_CASES: [label: string, act: PersonAct][] = [
  ['shift-click on the 确定 image button (button_ok.gif)', { click: DEDE_OK, modifiers: ['Shift'] }],
  ['ctrl-click on the 确定 image button', { click: DEDE_OK, modifiers: ['Control'] }],
  ['a plain click on the 确定 image button (held: shown for comparison)', { click: DEDE_OK }],
  ['Shift+Enter in its 标题 input', { focus: '#title', press: 'Shift+Enter' }],
];
