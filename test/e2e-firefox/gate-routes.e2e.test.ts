/**
 * FIREFOX suite, the gate's whole route table (test/e2e/gate-route-cases.ts, issue 15): the Firefox
 * build in Debian's firefox-esr, the route page (lib/demo/pages/routes/) sending its draft with its
 * own code, one route per case, walked by the same code as the Chromium suite (test/e2e/gate-walk.ts
 * over a PageDriver):
 *
 * - control: on 127.0.0.3 (no grant, so no Precheck) each route really delivers the draft with the
 *   ID in this Firefox — a refusal below is not a route Firefox cannot take;
 * - a draft holding an ID, on the textarea page (every route of the table but `<a ping>`, which
 *   Firefox does not send) and in TinyMCE (a real editor in an iframe: all of them again): nothing
 *   carrying the ID arrives, the
 *   page's own error path runs or the navigation does not happen, never a hang, the panel lists the
 *   refusal;
 * - a clean draft on a few routes of different kinds: signed off in the checklist, exactly one
 *   submission with the signed content arrives; an edited one and a repeated one are refused;
 * - window names carrying the draft (test/e2e/window-name-walk.ts), as in Chromium;
 * - the CMS keeps working (Firefox applies the script-URL rule too): searches, list loads, images,
 *   scripts with cache-busters and JSONP arrive while the editor holds a draft with an ID.
 *
 * Results: test-output/gate-routes-firefox.{json,md}, printed after the file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoPolicy, importPolicy } from '../../lib/demo/demo-policy.ts';
import type { FirefoxSession } from '../../lib/demo/firefox.ts';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import { startCmsServer, type CmsServer } from '../../lib/demo/server.ts';
import { ID, openRoutes, ownDraft, runRoute, writeDraft, type Outcome } from '../e2e/gate-drive.ts';
import { IN_EDITORS, ROUTE_CASES, WORKING_CASES, type RouteCase } from '../e2e/gate-route-cases.ts';
import { refusesUnsigned, refusesWithId, releasesOnce, routeNotes, type GateWalk } from '../e2e/gate-walk.ts';
import { NAME_CASES, walkWindowName } from '../e2e/window-name-walk.ts';
import { expectPeerDelivers, expectPeerGuarded } from '../e2e/webrtc-walk.ts';
import { walkOtherHostImport } from '../e2e/other-host-walk.ts';
import { startFirefox } from './firefox-helpers.ts';
import type { Page } from 'puppeteer-core';

/** loopback, in no install-time permission and no policy: Precheck does not run there */
const CONTROL_HOST = '127.0.0.3';
/** a form submit, fetch, XHR, a Worker's fetch and sendBeacon: each a different interception */
const SIGNED_SAMPLE = ['submit-保存', 'fetch-POST', 'xhr-async', 'Worker-fetch', 'beacon-string'];
/**
 * Sent by another window of the page (a loaded frame, a window it opened), whose content scripts judge
 * with a gate of their own here: the page's gate is asked through the parent's or opener's relay with
 * the key only content scripts hold (lib/background/relay-key.ts), so it holds the unsigned draft and
 * releases the signed one once.
 */
const OTHER_WINDOW_SENDS = ['fetch-from-loaded-frame', 'form-in-loaded-frame', 'fetch-from-opened-page'];
/**
 * The same from a fresh frame or a window still on about:blank, where no content script of its own
 * runs in Firefox: its guard asks the page's relay as page code could, without the key, so the signed
 * draft is refused too (README).
 */
const FRESH_FRAME_SENDS = ['form-submit-fresh-frame', 'fetch-from-fresh-frame', 'fetch-from-opened-window'];
let firefox: FirefoxSession;
let server: CmsServer;
let control: CmsServer;
let page: Page;
let tab: PageDriver;
const { note, write } = routeNotes('gate-routes-firefox', undefined, null);

beforeAll(async () => {
  [firefox, server, control] = await Promise.all([startFirefox(), startCmsServer(), startCmsServer({ host: CONTROL_HOST, port: 0 })]);
  const options = await firefox.openExtensionPage('options.html');
  await importPolicy(options.driver, await demoPolicy());
  await options.page.close();
  ({ page, driver: tab } = await firefox.newTab());
});

afterAll(async () => {
  write();
  await firefox?.close();
  await Promise.all([server?.close(), control?.close()]);
});

/** Closes any tab a route opened (target=_blank, window.open), keeping the test's tab. */
async function closeOthers(): Promise<void> {
  for (const p of await firefox.browser.pages()) if (p !== page && !p.url().startsWith('moz-extension://')) await p.close();
}

const walk = (): GateWalk => ({ tab, server, closeOthers, note });
const each = (ids?: readonly string[]) => {
  const unknown = ids?.filter((id) => !ROUTE_CASES.some((c) => c.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`no such route case: ${unknown.join(', ')}`);
  return ROUTE_CASES.filter((c) => c.firefox === undefined && (!ids || ids.includes(c.id))).map((c) => [c.id, c] as const);
};

describe('control: without Precheck every route delivers the draft with the ID', () => {
  test.each(each())('%s', async (_id, c: RouteCase) => {
    await tab.goto(`${control.url}/routes/index.html`);
    await tab.waitFor(`window.__routes && window.__routes.ready === true && document.readyState === 'complete'`, { timeout: 20_000 });
    await tab.evaluate(`window.__routes.setContent(${JSON.stringify(ownDraft(0, true))}); document.getElementById('title').value = '城关镇低保新增对象公示';`);
    const since = control.mark();
    // a route that leaves the page may take the evaluation with it
    await runRoute(tab, c).catch(() => undefined);
    await control.waitForRequests({ path: c.path, since }, { timeout: 8_000 }).catch(() => undefined);
    await closeOthers();
    const carrying = control.carrying(ID, { path: c.path, since });
    note(c, 'control', carrying.length > 0 ? 'arrives with the ID' : `MISSING (${control.requests({ path: c.path, since }).length} request(s) without the ID)`);
    expect(carrying.length, 'the route delivers the ID without Precheck').toBeGreaterThan(0);
  });
});

describe('a draft holding an ID number: refused on every route', () => {
  test.each(each())('%s', (_id, c: RouteCase) => refusesWithId(walk(), c, 'textarea'));
});

/**
 * In TinyMCE the draft is HTML and the body its getContent(): the first route of each kind the gate
 * names, and Chromium's editor sample. Every route with TinyMCE took seven of the suite's 33 minutes,
 * walking again what the textarea rows walk.
 */
const EDITOR_SAMPLE = [...new Set([...ROUTE_CASES.filter((c) => c.firefox === undefined && ROUTE_CASES.find((k) => k.firefox === undefined && k.route === c.route) === c).map((c) => c.id), ...IN_EDITORS])];

describe('in TinyMCE, a draft holding an ID number: refused on every kind of route', () => {
  test.each(each(EDITOR_SAMPLE))('%s', (_id, c: RouteCase) => refusesWithId(walk(), c, 'tinymce'));
});

describe('a clean draft: signed off, exactly one matching submission passes', () => {
  test.each(each(SIGNED_SAMPLE))('%s', (_id, c: RouteCase) => releasesOnce(walk(), c, 'textarea'));
});

describe('a clean draft sent by another window of the page: held until signed, then exactly one passes', () => {
  test.each(each(OTHER_WINDOW_SENDS))('%s', (_id, c: RouteCase) => releasesOnce(walk(), c, 'textarea'));
});

describe('a clean draft sent by a fresh frame or a blank window: held, signed or not', () => {
  test.each(each(FRESH_FRAME_SENDS))('%s', (_id, c: RouteCase) => refusesUnsigned(walk(), c, 'signed: not walked (refused: a window without a content script of its own asks without the relay key)'));
});

/**
 * Not `window.name = draft` before a navigation: Firefox clears a tab's own name when it goes to
 * another site (privacy.window.name.update.enabled), so that route does not exist here — the walk's
 * ordinary name never arrived either. Names of frames and new windows are kept.
 */
describe('window names carrying the draft', () => {
  test.each(NAME_CASES.filter((c) => c.id !== 'window.name').map((c) => [c.id, c] as const))('%s: without Precheck it arrives; with Precheck refused, an ordinary name works', (_id, c) => walkWindowName(walk(), control, c));
});

describe('a host Precheck was not granted', () => {
  test("import() from the CMS page: without Precheck it arrives; with Precheck the browser's script-URL rule refuses it", () => walkOtherHostImport(walk(), control));
});

describe('the CMS keeps working', () => {
  test.each(WORKING_CASES.map((c) => [c.id, c] as const))('%s reaches the server while the editor holds a draft with an ID', async (_id, c) => {
    await openRoutes(tab, server);
    await writeDraft(tab, ownDraft(2, true));
    const since = server.mark();
    const outcome = await tab.evaluate<Outcome>(`window.__routes.run(${JSON.stringify(c.id)})`);
    const arrived = await server.waitForRequests({ path: c.path, since }, { timeout: 5_000 }).catch(() => []);
    note({ ...c, route: '' }, 'withId', arrived.length === 1 && typeof outcome !== 'string' && outcome.ok ? 'reaches the server' : `BROKEN (${JSON.stringify(outcome)})`);
    expect(arrived).toHaveLength(1);
    expect(outcome).toMatchObject({ ok: true });
  });
});

describe('WebRTC (test/e2e/webrtc-walk.ts)', () => {
  test('control: without Precheck a data channel message and a channel label deliver the ID to the other peer', () => expectPeerDelivers(tab, control));
  test('with Precheck: a message or label carrying the ID is refused and never reaches the peer; the unsigned draft is refused, other messages go', () =>
    expectPeerGuarded(tab, server));
});
