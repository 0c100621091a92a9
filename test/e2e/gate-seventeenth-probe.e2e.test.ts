/**
 * Seventeenth probe (2026-12-06, a helper in real Chromium), on two fronts:
 *
 * A. The signed path. On the routes page a clean draft is sent by page script (refused, the checklist
 * opens), 李四 signs it off and 发布 is pressed in the checklist; then page script tries to make more or
 * other content leave on that release: the signed content twice (two fetches, fetch + sendBeacon,
 * fetch + XHR, a retry, an abort then a retry, a fresh frame's or a popup's or a Worker's fetch beside
 * the page's, two forms into two frames, multipart + urlencoded, JSON + urlencoded, a GET + a POST);
 * the signed content with the ID added (an extra field, a second content field, the query, a Request
 * with an init body, JSON, a formdata or submit listener, the ID in markup: a comment, alt, href,
 * data-*, a hidden input's value, style, script); the signed content with words no reviewer saw; a
 * reload; another tab; another origin; item 43 named beside signed 42 on PublicCMS's 待审核 list.
 * Every control row delivers on the control host (no Precheck); every signed row wants exactly one.
 * (Mutating a FormData / URLSearchParams / buffer after fetch() or send() was tried and dropped: the
 * browser copies the body at the call, so even the control host never receives the change.)
 *
 * B. The real CMS fixtures. A sweep pressed every visible control of every shipped adapter's edit page
 * (the editor toolbars aside) and pressed Enter in every text input, with the draft holding an ID, on
 * both hosts; the 37 that deliver without Precheck are kept as rows (all hold). A second sweep pressed
 * every control of every list page with all rows ticked: the 审核 / 发布 / 批量审核 / 点击开启 paths hold.
 * Then the list-publish requests the CMS itself reads as its 审核/发布 were sent in spellings the
 * adapter's address rule does not name.
 *
 * Found (each row fails on ba3d2ee's build and delivers on the control host):
 * - The ID in a markup attribute (<a href>, data-*, <input value>) of an HTML fragment leaves, signed
 *   or not: lib/gate/html-text.ts' htmlToText keeps comments and alt/title only, and decode.ts gives the
 *   scan that text (4 unsigned rows, 3 signed rows).
 * - A release covers more than the signed content: lib/gate/ticket.ts' matchesTicket wanted SOME part
 *   equal to the signed body and signedFields SOME same-named part equal to a signed field, so a
 *   summary field, a second title, the query, and (visibleLetters drops them) an HTML comment or an
 *   attribute carried words no reviewer saw with the one release (5 rows). Closed 2026-12-07: a
 *   request's every Chinese word must stand in the signed content or beside it on the page at the
 *   sign-off (lib/gate/unsigned-words.ts).
 * - A held publish whose draft links an attachment whose address names the ID: Precheck's own
 *   attachment read (lib/content/attachments/linked.ts) GETs that address, the ID in its query.
 * - List pages: item 43, never signed, published by requests the CMS reads as its 审核/发布 (as its own
 *   router reads parameters) that the adapters' urlPattern regexes do not match — PHPCMS a=pass in the
 *   body, DedeCMS dopost/qstr in a POST body, PbootCMS's p percent-encoded / its pairs reordered / as
 *   query parameters / m%6Fd, PublicCMS cmsContent/check;jsessionid=… (7 rows; lib/policy/adapters/*,
 *   read by lib/policy/request-rule.ts on the raw address). Closed 2026-12-07: the rules are tested on
 *   every spelling the CMS's router reads alike (lib/policy/url-spellings.ts: decoded, path parameters
 *   dropped, the body after the query, route pairs folded and sorted), the PHPCMS and PbootCMS patterns
 *   take the parameters in any order, DedeCMS's any method and qstr from the body.
 * Held: every send-twice row (exactly one arrives), the ID added in fields/query/JSON/listeners/a
 * comment/alt/style/script, the other tab, the reload, another origin (one in all), 42+43 together in
 * every spelling, every fixture control.
 * Last full run (ba3d2ee's build): 115 rows, 21 fail — the 20 leaking rows above and ThinkCMF's 取消发布.
 * For CI time sixteen rows that held were taken out of the send-twice and ID-added tables: the same
 * fetch twice, an abort after 30 ms, a fresh frame's replay, form + fetch, keepalive + beacon + XHR, the
 * body without its title, GET + POST, JSON + urlencoded; a second content field, nested JSON, a
 * capturing formdata listener, a document submit listener, the ID in alt, in a style block, in a
 * script, in the title's comment; and an edit page's second text input pressed Enter in where its
 * first is (PHPCMS copyfrom, DedeCMS writer, PbootCMS source, ThinkCMF published_time, EmpireCMS
 * titlepic, PublicCMS publishDate, SiteServer Source). Put back 2026-12-07 morning and taken out again
 * the same morning: CI still took 37 minutes (README).
 * False refusals: an aborted fetch spent the release (the retry was refused, none arrived; mended
 * 2026-12-07: a released fetch aborted while it was judged gives its release back);
 * ThinkCMF's 取消发布 (take offline) of ticked rows was refused (mended 2026-12-07: withdrawRequests).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { demoPerson } from '../../lib/demo/demo-policy.ts';
import { pressChecklistPublish, waitForChecklistMessage } from '../../lib/demo/checklist-drive.ts';
import { ID, openRoutes, ownDraft, signOff, writeDraft } from './gate-drive.ts';
import { FACE, JQUERY_FORM, PRE, fifteenthPolicy, listProbe, signItem42 } from './fifteenth-probe-cases.ts';
import type { RecordedRequest } from '../../lib/demo/recorder.ts';
import { ADAPTER_CASES, ADAPTER_LIST, ATTR_UNSIGNED_CASES, CHANGED_CASES, EXTRA_CASES, FIXTURE_CASES, markControl, type FixtureAct, ITEM_PAIR_CASES, SIGNED_PRE, TWICE_CASES, UNSIGNED_WORDS } from './seventeenth-probe-cases.ts';
import { pageScript, probePage } from './probe-page.ts';
import type { ProbeSide } from './probe-harness.ts';
import { playwrightDriver } from '../../lib/demo/playwright-driver.ts';
import { CMS_FIXTURES } from '../../lib/demo/cms-fixtures.ts';
import { openFixture, prepareDraft } from '../../lib/demo/cms-drive.ts';
import type { Page } from 'playwright-core';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * CI runs the file in three parts in three streams (test/e2e-both.sh), PRECHECK_P17_PART: `signed` the
 * send-twice and ID-added rows, `signed2` the routes page's other rows, `pages` the CMS fixtures' and
 * list pages' rows; unset, all.
 */
const PART = process.env.PRECHECK_P17_PART;
const partRows = (part: string) => describe.skipIf(PART !== undefined && PART !== part);
const signedRows = partRows('signed');
const routesRows = partRows('signed2');
const pageRows = partRows('pages');
const lisi = demoPerson('lisi');
const probe = probePage({ policy: fifteenthPolicy });

/** Rows whose first copy the browser never sends (aborted at once): the control receives the retry alone. */
const ABORTED_AT_ONCE = new Set(['fetch aborted at once (AbortController), then sent again', 'XHR aborted at once, then sent again']);

/** The draft a row signs: its own words, so one row's sign-off never covers another's. */
let drafts = 170;
/** What a draft is told apart by in what arrives: its closing mark (第…稿). */
const markOf = (draft: string) => draft.slice(-8);

/** A script's publish of the draft (refused: the checklist opens), the sign-off, 发布 in the checklist: the page may send it once. */
const PRIME = String.raw`const T = document.getElementById('cms-form').elements.title.value; return fetch(sink('prime'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ title: T, content: draft }) }).then((r) => r.status, (e) => 'refused');`;

async function signedPage(on: ProbeSide, n: number): Promise<string> {
  const draft = ownDraft(n);
  await openRoutes(on.driver, on.server);
  await writeDraft(on.driver, draft);
  const primed = await on.driver.evaluate<string>(pageScript(PRIME, on.raw));
  if (!primed.includes('refused')) throw new Error(`the unsigned draft was not refused: ${primed}`);
  await signOff(on.driver, lisi);
  await pressChecklistPublish(on.driver);
  await waitForChecklistMessage(on.driver);
  return draft;
}

async function controlPage(on: ProbeSide, draft: string): Promise<void> {
  await on.driver.goto(`${on.server.url}/routes/index.html`);
  await on.driver.waitFor(`window.__routes && window.__routes.ready === true && document.readyState === 'complete'`, { timeout: 20_000 });
  await on.driver.evaluate(`(() => { const f = document.getElementById('cms-form'); f.elements.title.value = '城关镇低保新增对象公示'; window.__routes.setContent(${JSON.stringify(draft)}); })()`);
}

/** `code` (after SIGNED_PRE) on a side: the requests carrying the draft's mark and those carrying the ID. */
async function run(on: ProbeSide, code: string, mark: string, settle = 2_000): Promise<{ signed: string[]; id: string[]; outcome: string }> {
  const [since, t0] = [on.server.mark(), Date.now()];
  const outcome = await on.driver.evaluate<string>(pageScript(SIGNED_PRE + code, on.raw)).catch((e: unknown) => `evaluate: ${String(e)}`);
  await sleep(settle);
  const list = (needle: string) => [...on.server.carrying(needle, { since }).map((r) => `${r.method} ${r.path}`), ...on.raw.carrying(needle, t0)];
  return { signed: list(mark), id: list(ID), outcome };
}

/**
 * A fresh draft (number `n`) on both hosts at once — the control's page as it is, the guarded page
 * signed off and released — then `code` on each: what each received (`mark`: the words looked for).
 */
async function onBothSides(code: string, n: number, mark: (draft: string) => string) {
  const { guarded, control } = probe.sides();
  const draft = ownDraft(n);
  const [without, withIt] = await Promise.all([
    controlPage(control, draft).then(() => run(control, code, mark(draft))),
    signedPage(guarded, n).then(() => run(guarded, code, mark(draft))),
  ]);
  return { without, withIt };
}

signedRows('signed off, then sent more than once: the control receives every copy, Precheck lets exactly one through', () => {
  test.each(TWICE_CASES)('%s', async (_l, code) => {
    const { without, withIt } = await onBothSides(code, drafts++, markOf);
    expect(without.signed.length, `control: ${without.outcome}`).toBeGreaterThanOrEqual(ABORTED_AT_ONCE.has(_l) ? 1 : 2);
    expect(withIt.signed.length, `guarded (more than one arrived): ${withIt.outcome}`).toBeLessThanOrEqual(1);
    // the aborted copy gives its release back (it never left): the retry arrives
    expect(withIt.signed, `guarded (the signed publish did not arrive): ${withIt.outcome}`).toHaveLength(1);
    // and it is the retry that arrived, not the copy the page aborted
    if (ABORTED_AT_ONCE.has(_l)) expect(withIt.outcome).toMatch(/,200$/);
  }, 60_000);
});

signedRows('signed off, then the ID added on the way out: the control receives the ID, Precheck lets nothing with it through', () => {
  test.each(CHANGED_CASES)('%s', async (_l, code) => {
    const { without, withIt } = await onBothSides(code, drafts++, markOf);
    expect(without.id.length, `control: ${without.outcome}`).toBeGreaterThan(0);
    expect(withIt.id, `guarded: ${withIt.outcome}`).toEqual([]);
    expect(withIt.signed.length, `guarded: ${withIt.outcome}`).toBeLessThanOrEqual(1);
  }, 60_000);
});


/** The row's words, signed content beside them: the control receives them; Precheck must let none through. */
async function extraRow(code: string): Promise<void> {
  const { without, withIt } = await onBothSides(code, drafts++, () => UNSIGNED_WORDS);
  expect(without.signed.length, `control: ${without.outcome}`).toBeGreaterThan(0);
  expect(withIt.signed, `guarded: ${withIt.outcome}`).toEqual([]);
}

routesRows('signed off, then words no one signed sent with the signed content: the control receives them, Precheck lets none through', () => {
  test.each(EXTRA_CASES)('%s', (_l, code) => extraRow(code), 60_000);
});

routesRows('no sign-off: the ID only in a markup attribute of text that is not the draft', () => {
  test.each(ATTR_UNSIGNED_CASES)('%s', async (_l, code) => void (await probe.expectDeliveredOnlyWithout(code)));
});

routesRows("a draft whose only ID is in a link's address: the checklist lists it and no sign-off lets it out", () => {
  test('the draft signed off as the checklist shows it, then sent: the ID never arrives', async () => {
    const n = drafts++;
    const { guarded, control } = probe.sides();
    const draft = ownDraft(n) + `<a href="/news/show.html?sfz=${ID}">名单</a>`;
    await controlPage(control, draft);
    const without = await run(control, `return post('attr-draft');`, markOf(ownDraft(n)));
    expect(without.id.length, `control: ${without.outcome}`).toBeGreaterThan(0);
    await openRoutes(guarded.driver, guarded.server);
    await writeDraft(guarded.driver, draft);
    const since = guarded.server.mark();
    await guarded.driver.evaluate<string>(pageScript(PRIME, guarded.raw));
    let signed = true;
    try {
      await signOff(guarded.driver, lisi);
      await pressChecklistPublish(guarded.driver);
      await waitForChecklistMessage(guarded.driver);
    } catch {
      signed = false; // the checklist did not let it be signed: the safe outcome
    }
    const sent = signed ? await run(guarded, `return post('attr-draft');`, markOf(ownDraft(n))) : { id: [], outcome: 'not signable' };
    expect(guarded.server.carrying(ID, { since }).map((r) => r.path), sent.outcome).toEqual([]);
  }, 60_000);
});

routesRows("a draft linking an attachment whose address names the ID, before anyone publishes", () => {
  test("nothing carrying the ID leaves when the publish is held and the checklist opens (Precheck's own attachment read included)", async () => {
    const n = drafts++;
    const { guarded, control } = probe.sides();
    const draft = ownDraft(n) + `<a href="/files/list.xls?sfz=${ID}">名单</a>`;
    await controlPage(control, draft);
    const without = await run(control, `return post('att-draft');`, markOf(ownDraft(n)));
    expect(without.id.length, `control (the page's publish): ${without.outcome}`).toBeGreaterThan(0);
    const since = guarded.server.mark();
    await openRoutes(guarded.driver, guarded.server);
    await writeDraft(guarded.driver, draft);
    // the page's publish (held: the checklist opens, and reads the linked attachment)
    const held = await guarded.driver.evaluate<string>(pageScript(PRIME, guarded.raw));
    await sleep(3_000);
    expect(guarded.server.carrying(ID, { since }).map((r) => `${r.method} ${r.url.slice(0, 40)}`), held).toEqual([]);
  }, 60_000);
});

routesRows('signed off, then the page reloaded or another tab: the release is spent once', () => {
  test('sent once, the page reloaded with the same draft, sent again: one arrives', async () => {
    const n = drafts++;
    const { guarded } = probe.sides();
    const draft = await signedPage(guarded, n);
    const since = guarded.server.mark();
    await run(guarded, `return post('rl1');`, markOf(draft), 500);
    await openRoutes(guarded.driver, guarded.server);
    await writeDraft(guarded.driver, draft);
    await run(guarded, `return post('rl2');`, markOf(draft), 1_500);
    expect(guarded.server.carrying(markOf(draft), { since }).map((r) => r.path)).toHaveLength(1);
  }, 60_000);

  test('released in one tab, the same draft sent from another tab of the CMS first: nothing from that tab, and the first tab still sends one', async () => {
    const n = drafts++;
    const { guarded } = probe.sides();
    const draft = await signedPage(guarded, n);
    const other = probe.browser().context;
    const tab = await other.newPage();
    try {
      const b: ProbeSide = { ...guarded, driver: playwrightDriver(tab) };
      await openRoutes(b.driver, b.server);
      await writeDraft(b.driver, draft);
      const fromB = await run(b, `return post('tab-b');`, markOf(draft));
      expect(fromB.signed, fromB.outcome).toEqual([]);
    } finally {
      await tab.close();
    }
    const fromA = await run(guarded, `return post('tab-a');`, markOf(draft));
    expect(fromA.signed, `the released tab: ${fromA.outcome}`).toHaveLength(1);
  }, 60_000);

  test("released, the signed content sent to another origin (the control host) and to the page's own sink: one arrives in all", async () => {
    const n = drafts++;
    const { guarded, control } = probe.sides();
    const draft = await signedPage(guarded, n);
    const [since, cSince] = [guarded.server.mark(), control.server.mark()];
    const out = await guarded.driver.evaluate<string>(
      pageScript(SIGNED_PRE + `const a = fetch(${JSON.stringify(control.server.url + '/sink/ro/xo')}, { method: 'POST', headers: FT, body: P(), mode: 'no-cors' }).then((r) => r.type, () => 'refused'); return (await Promise.all([a, post('xo-own')])).join(',');`, guarded.raw),
    );
    await sleep(2_000);
    const arrived = [...guarded.server.carrying(markOf(draft), { since }), ...control.server.carrying(markOf(draft), { since: cSince })];
    expect(arrived.map((r) => r.path), out).toHaveLength(1);
  }, 60_000);
});

routesRows('PublicCMS 待审核 with 42 signed: 43 named beside 42 never reaches the CMS', () => {
  const { expectItemOnlyWithout } = listProbe(probe.sides);
  beforeAll(async () => {
    const page = await probe.browser().context.newPage();
    await signItem42(page, probe.sides().guarded.server);
    await page.close();
  }, 60_000);
  test.each(ITEM_PAIR_CASES)('%s', async (_l, code) => void (await expectItemOnlyWithout(code, '43')));
});


/** The fixture opened on a side, the draft with the ID typed into its editor, then the CMS's own control pressed as a person would. */
async function pressOnFixture(page: Page, on: ProbeSide, fixtureId: string, act: FixtureAct, guardedSide: boolean): Promise<string[]> {
  const fixture = CMS_FIXTURES.find((f) => f.id === fixtureId)!;
  await openFixture(page, on.server.url, fixture);
  if (guardedSide) await page.waitForSelector('precheck-panel', { state: 'attached', timeout: 10_000 });
  await prepareDraft(page, fixture, `低保公示：王丽，身份证号 ${ID}，家住城关镇。`);
  if (!(await page.evaluate<boolean>(markControl(act)))) throw new Error(`${fixtureId}: no control ${JSON.stringify(act)}`);
  const since = on.server.mark();
  if ('click' in act) await page.click('[data-p17]', { timeout: 8_000, noWaitAfter: true }).catch((e: unknown) => { throw new Error(`${guardedSide ? 'guarded' : 'control'}: ${String(e).slice(0, 300)}`); });
  else {
    await page.focus('[data-p17]');
    await page.keyboard.press('Enter');
  }
  await sleep(2_500);
  return on.server.carrying(ID, { since }).map((r) => `${r.method} ${r.path}`);
}

pageRows("the real CMS fixtures' own controls, pressed with the draft holding an ID: delivered without Precheck, never with it", () => {
  test.each(FIXTURE_CASES.map(([f, a]) => [`${f}: ${'click' in a ? `click ${a.click}` : `Enter in ${a.enter}`}`, f, a] as const))('%s', async (_l, fixtureId, act) => {
    const { guarded, control } = probe.sides();
    const before = new Set(probe.browser().context.pages());
    // a tab for each host, pressed at once
    const tab = async () => {
      const page = await probe.browser().context.newPage();
      page.on('dialog', (d) => void d.accept().catch(() => undefined));
      return page;
    };
    try {
      const [without, withIt] = await Promise.all([
        tab().then((page) => pressOnFixture(page, control, fixtureId, act, false)),
        tab().then((page) => pressOnFixture(page, guarded, fixtureId, act, true)),
      ]);
      expect(without.length, 'control').toBeGreaterThan(0);
      expect(withIt).toEqual([]);
    } finally {
      for (const p of probe.browser().context.pages()) if (!before.has(p)) await p.close().catch(() => undefined);
    }
  }, 90_000);
});

/** The request's parameters as PHP / Spring merge them: query and body, values as strings. */
function params(r: RecordedRequest): [string, string][] {
  const out: [string, string][] = [];
  const add = (o: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(o ?? {})) for (const one of Array.isArray(v) ? v : [v]) if (typeof one === 'string') out.push([k, one]);
  };
  add(r.query);
  if (r.body && typeof r.body === 'object') add(r.body);
  return out;
}
const one = (ps: [string, string][], name: string) => ps.find(([k]) => k === name)?.[1];
const arrayValues = (ps: [string, string][], name: string) => ps.filter(([k]) => k === name || k === `${name}[]` || new RegExp(`^${name}\\[\\d+\\]$`).test(k)).map(([, v]) => v);

/** Does the CMS itself read `r` as publishing (审核 / 发布) item 43? As each CMS's own code reads its parameters. */
function publishesUnsigned(cms: (typeof ADAPTER_CASES)[number][1], r: RecordedRequest): boolean {
  const ps = params(r);
  switch (cms) {
    case 'phpcms':
      return r.path.endsWith('/phpcms/index.php') && one(ps, 'c') === 'content' && one(ps, 'a') === 'pass' && arrayValues(ps, 'ids').includes('43');
    case 'dedecms': {
      if (!r.path.endsWith('/archives_do.php') || one(ps, 'dopost') !== 'checkArchives') return false;
      const qstr = one(ps, 'qstr') || one(ps, 'aid') || '';
      return qstr.split('`').includes('43');
    }
    case 'pbootcms': {
      if (!r.path.endsWith('/pbootcms/admin.php')) return false;
      const p = decodeURIComponent(one(ps, 'p') ?? '');
      const m = /^\/?content\/mod((?:\/[^/]+\/[^/]+)*)\/?$/i.exec(p);
      if (!m) return false;
      const seg = m[1]!.split('/').filter(Boolean);
      const all = new Map(ps);
      for (let i = 0; i + 1 < seg.length; i += 2) all.set(seg[i]!, seg[i + 1]!);
      return all.get('id') === '43' && all.get('field') === 'status' && all.get('value') === '1';
    }
    case 'thinkcmf': {
      const m = /\/admin_article\/publish(?:\/yes\/(\d+))?(?:\.html)?$/i.exec(r.path);
      return !!m && (m[1] ?? one(ps, 'yes')) === '1' && arrayValues(ps, 'ids').includes('43');
    }
    case 'publiccms':
      return /\/cmsContent\/check(?:;[^/]*)?$/.test(r.path) && ps.filter(([k]) => k === 'ids').flatMap(([, v]) => v.split(',')).includes('43');
  }
}

pageRows("list pages: item 43 (never signed) published by a request the CMS reads as its 审核/发布, spelled as the adapter's rule does not name it", () => {
  async function onListPage(on: ProbeSide, path: string, code: string, guardedSide: boolean): Promise<{ got: RecordedRequest[]; outcome: string }> {
    await on.driver.goto(on.server.url + path);
    await on.driver.waitFor(`document.readyState === 'complete'`);
    if (guardedSide) await on.driver.waitFor(`!!document.querySelector('precheck-panel')`, { timeout: 10_000 });
    const since = on.server.mark();
    const outcome = await on.driver.evaluate<string>(`(async () => { ${PRE} ${JQUERY_FORM} ${FACE} try { ${code}; return 'ok'; } catch (e) { return 'threw: ' + e.message; } })()`).catch((e: unknown) => `evaluate: ${String(e)}`);
    await sleep(1_500);
    return { got: on.server.requests({ since }), outcome };
  }
  const spelling = async (cms: (typeof ADAPTER_CASES)[number][1], code: string) => {
    const { guarded, control } = probe.sides();
    const without = await onListPage(control, ADAPTER_LIST[cms], code, false);
    expect(without.got.filter((r) => publishesUnsigned(cms, r)).length, `control: ${without.outcome} ${without.got.map((r) => r.url).join(' ')}`).toBeGreaterThan(0);
    const withIt = await onListPage(guarded, ADAPTER_LIST[cms], code, true);
    expect(withIt.got.filter((r) => publishesUnsigned(cms, r)).map((r) => `${r.method} ${r.url}`), withIt.outcome).toEqual([]);
  };
  test.each(ADAPTER_CASES)('%s', (_l, cms, code) => spelling(cms, code), 60_000);
});

pageRows('list pages keep working: actions that publish nothing', () => {
  // A false refusal until 2026-12-07: the address names publish (publish/no/1); the adapter now declares it a withdrawal.
  test('ThinkCMF 取消发布 (take offline) of the ticked rows, its own button clicked: arrives with Precheck as without', async () => {
    const { guarded, control } = probe.sides();
    const press = async (on: ProbeSide, guardedSide: boolean) => {
      await on.driver.goto(on.server.url + '/cms/thinkcmf/article_list.html');
      await on.driver.waitFor(`document.readyState === 'complete'`);
      if (guardedSide) await on.driver.waitFor(`!!document.querySelector('precheck-panel')`, { timeout: 10_000 });
      await sleep(500);
      await on.driver.evaluate(`document.querySelectorAll('input[type=checkbox]').forEach((c) => { if (!c.checked) c.click(); })`);
      await on.driver.evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '取消发布').setAttribute('data-p17', '')`);
      const since = on.server.mark();
      await on.driver.click('[data-p17]');
      await sleep(1_800);
      return on.server.requests({ since }).filter((r) => r.path.includes('/publish/no/')).length;
    };
    expect(await press(control, false), 'control').toBeGreaterThan(0);
    expect(await press(guarded, true), 'with Precheck (a false refusal if none)').toBeGreaterThan(0);
  }, 60_000);
});
