/**
 * Routes outside the route table, in real Chromium with the built extension, each because no
 * recording server here can stand at its other end.
 *
 * WebRTC (test/e2e/webrtc-walk.ts): a data channel carries
 * what it is given straight to the other peer, past every request hook, and the channel's label
 * reaches that peer too. WebTransport, whose writes after the handshake no hook could hold in time, is
 * refused whole on a guarded page (no HTTP/3 server here: the test shows the refusal, not a delivery).
 * Chrome's Attribution Reporting requests every URL of an attributionsrc; Debian's Chromium has the
 * API off, so only the refusal is shown here too.
 *
 * Found by the fifth probe, cheaper here than in the route table (control and refusal only; the
 * judging is the same element-url judge the table walks through a sign-off): an @keyframes rule's
 * appendRule, a CSSNestedDeclarations' style, an XSLT transform's fragment, and Background Fetch
 * (the browser downloads; no arrival on the control origin within the test, so the refusal only).
 * The sixth probe's Chromium-only routes: a worker's stylesheet Blob imported as a CSS module, and a
 * Background Fetch request that only looks like a Request (its `url` was judged, its toString fetched).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { launchBrowser, type Browser } from '../../lib/demo/browser.ts';
import { startCmsServer, type CmsServer } from '../../lib/demo/server.ts';
import { pressChecklistPublish, waitForChecklistMessage } from '../../lib/demo/checklist-drive.ts';
import { demoPerson } from '../../lib/demo/demo-policy.ts';
import { optionsUrl } from '../../lib/demo/options-drive.ts';
import { EXTENSION_DIR, dumpRecords } from './extension-helpers.ts';
import { ID, openRoutes, ownDraft, panelRefusals, refusalListed, signOff, writeDraft } from './gate-drive.ts';
import { expectPeerDelivers, expectPeerGuarded } from './webrtc-walk.ts';

let browser: Browser;
let server: CmsServer;
let control: CmsServer;
let page: Page;

beforeAll(async () => {
  [browser, server, control] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startCmsServer(), startCmsServer({ host: '127.0.0.2', port: 0 })]);
  await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.close(), control?.close()]);
});

test('control: without Precheck a data channel message and a channel label deliver the ID to the other peer', () => expectPeerDelivers(page, control));

test('with Precheck: a message or label carrying the ID is refused and never reaches the peer, the panel lists it; the unsigned draft is refused, other messages go', () =>
  expectPeerGuarded(page, server));

test('WebTransport: made without Precheck; refused outright on a guarded page and in its workers', async () => {
  const run = (key: string) => page.evaluate<{ ok: boolean; error?: string }>(`window.__routes.run(${JSON.stringify(key)})`);
  await page.goto(`${control.url}/routes/index.html`);
  await page.waitForFunction('window.__routes && window.__routes.ready === true');
  expect(await run('webtransport')).toMatchObject({ ok: true });
  expect(await run('worker-webtransport')).toMatchObject({ ok: true });
  await openRoutes(page, server);
  for (const key of ['webtransport', 'worker-webtransport']) {
    const outcome = await run(key);
    expect(outcome.ok, key).toBe(false);
    expect(outcome.error, key).toContain('WebTransport');
  }
});

const runRoute = (key: string) => page.evaluate<{ ok: boolean; error?: string }>(`window.__routes.run(${JSON.stringify(key)})`);

/** The route page on the control host (no Precheck) holding draft `n` with an ID. */
async function openControl(n: number): Promise<void> {
  await page.goto(`${control.url}/routes/index.html`);
  await page.waitForFunction('window.__routes && window.__routes.ready === true');
  await page.evaluate(`window.__routes.setContent(${JSON.stringify(ownDraft(n, true))})`);
}

/**
 * Without Precheck each route delivers the ID to its path; then the guarded route page with the same
 * draft. Returns the recording server's mark from there on.
 */
async function deliversThenGuarded(cases: readonly (readonly [key: string, path: string])[], n: number): Promise<number> {
  await openControl(n);
  for (const [key, path] of cases) {
    expect(await runRoute(key), key).toMatchObject({ ok: true });
    await expect.poll(() => control.carrying(ID, { path }).length, { timeout: 5_000, message: key }).toBeGreaterThan(0);
  }
  await openRoutes(page, server);
  await writeDraft(page, ownDraft(n, true));
  return server.mark();
}

test("attributionsrc: set without Precheck; refused with an ID on a guarded page", async () => {
  await openControl(73);
  expect(await runRoute('img-attributionsrc')).toMatchObject({ ok: true });
  await openRoutes(page, server);
  await writeDraft(page, ownDraft(73, true));
  expect(await runRoute('img-attributionsrc')).toMatchObject({ ok: false });
});

const FIFTH: [key: string, path: string][] = [
  ['keyframes-append-rule', '/sink/r/keyframes'],
  ['nested-declarations', '/sink/r/nested'],
  ['xslt-fragment', '/sink/r/xslt'],
];

test('CSS keyframes appendRule, CSSNestedDeclarations.style, an XSLT fragment: the ID arrives without Precheck; with it refused and listed', async () => {
  const since = await deliversThenGuarded(FIFTH, 74);
  for (const [key, path] of FIFTH) {
    expect(await runRoute(key), key).toMatchObject({ ok: false });
    expect(await refusalListed(page, 'element-url', path), key).toBe(true);
  }
  // a look-alike of a Request ({ url }) is no Request: the browser downloads what its toString gives (sixth probe)
  for (const key of ['background-fetch', 'background-fetch-lookalike']) {
    expect((await runRoute(key)).ok, key).toBe(false);
    expect(await refusalListed(page, 'element-url', `/sink/r/${key}`), key).toBe(true);
  }
  await page.waitForTimeout(1_000);
  expect(server.carrying(ID, { since })).toEqual([]);
});

const BLOBS: [key: string, path: string][] = [
  ['blob-stylesheet', '/sink/r/blob-stylesheet'],
  ['blob-frame', '/sink/r/blob-frame'],
  ['blob-css-module', '/sink/r/blob-css-module'],
  ['blob-laundered', '/sink/r/blob-laundered'],
  // sixth probe: a worker's stylesheet imported as a CSS module (syntax: refused in the worker, not listed)
  ['worker-blob-css-module', '/sink/r/worker-blob-css-module'],
];
/** refused where they are made, without a question to the page: no panel entry */
const UNLISTED = new Set(['blob-laundered', 'worker-blob-css-module']);

test("a Blob the page builds (a stylesheet, a frame document, a CSS module, one passed through a Response) or a worker's CSS module: the ID arrives without Precheck; with it refused at createObjectURL; a picture and a clean preview still get their URLs", async () => {
  const since = await deliversThenGuarded(BLOBS, 75);
  for (const [key, path] of BLOBS) {
    expect(await runRoute(key), key).toMatchObject({ ok: false });
    // a text read is judged and listed; a laundered one cannot be read and is refused outright
    if (!UNLISTED.has(key)) expect(await refusalListed(page, 'element-url', path), key).toBe(true);
  }
  expect(await runRoute('blob-preview')).toMatchObject({ ok: true });
  await page.waitForTimeout(1_000);
  expect(server.carrying(ID, { since })).toEqual([]);
});


/**
 * A host name leaves the machine in the DNS lookup and the Host header: a subdomain made of the ID
 * needs no path or query. `<label>.localhost` reaches the recording server here (Chromium resolves
 * it to the loopback address), which records the Host header.
 */
const HOST_ROUTES: [what: string, script: (url: string) => string][] = [
  ['an image', (url) => `new Image().src = ${JSON.stringify(`${url}/sink/host/img`)}`],
  ['fetch (no-cors)', (url) => `fetch(${JSON.stringify(`${url}/sink/host/fetch`)}, { mode: 'no-cors' }).catch(() => {})`],
  ['sendBeacon', (url) => `navigator.sendBeacon(${JSON.stringify(`${url}/sink/host/beacon`)}, 'x')`],
  ['an iframe', (url) => `document.body.appendChild(Object.assign(document.createElement('iframe'), { src: ${JSON.stringify(`${url}/sink/host/frame`)} }))`],
];

test('an ID as a host name label: each request arrives without Precheck; with it none leaves and the panel lists them', async () => {
  const target = `http://${ID.toLowerCase()}.localhost:${new URL(server.url).port}`;
  const sent = () => server.carrying(ID, { path: /^\/sink\/host\// }).map((r) => r.path);
  await openControl(76);
  for (const [what, script] of HOST_ROUTES) {
    const before = sent().length;
    await page.evaluate(script(target));
    await expect.poll(() => sent().length, { timeout: 5_000, message: `control: ${what}` }).toBeGreaterThan(before);
  }
  await openRoutes(page, server);
  await writeDraft(page, ownDraft(76));
  const since = server.mark();
  for (const [, script] of HOST_ROUTES) await page.evaluate(`try { ${script(target)} } catch (e) {}`);
  await page.waitForTimeout(1_500);
  expect(server.carrying(ID, { since })).toEqual([]);
  const listed = (await panelRefusals(page)).filter((r) => r.text.includes('/sink/host/'));
  expect(listed.map((r) => r.text.replace(/^.*\/sink\/host\/(\w+).*$/s, '$1')).sort(), 'the panel lists each refusal').toEqual(['beacon', 'fetch', 'frame', 'img']);
});

test('a user name given to XHR open(): sent in the answer to a Basic challenge without Precheck; with it the request is refused and listed', async () => {
  const xhr = `(() => { const x = new XMLHttpRequest(); x.open('GET', '/sink/auth/xhr', true, ${JSON.stringify(ID)}, 'pw'); x.send(); })()`;
  await openControl(77);
  await page.evaluate(xhr);
  await expect.poll(() => control.carrying(ID, { path: '/sink/auth/xhr' }).length, { timeout: 5_000 }).toBeGreaterThan(0);
  await openRoutes(page, server);
  await writeDraft(page, ownDraft(77));
  const since = server.mark();
  await page.evaluate(xhr);
  expect(await refusalListed(page, 'xhr', '/sink/auth/xhr')).toBe(true);
  await page.waitForTimeout(1_000);
  expect(server.requests({ path: '/sink/auth/xhr', since })).toEqual([]);
});

test("a publish signed in the editor's window and sent by a window it opened: the editor's audit log records how it ended", async () => {
  const path = '/sink/r/fetch-opened-page';
  await openRoutes(page, server);
  await writeDraft(page, ownDraft(76));
  expect((await runRoute('fetch-from-opened-page')).ok).toBe(false);
  for (const p of browser.context.pages()) if (p !== page) await p.close();
  await signOff(page, demoPerson('lisi'));
  await pressChecklistPublish(page);
  await waitForChecklistMessage(page);
  const since = server.mark();
  expect(await runRoute('fetch-from-opened-page')).toMatchObject({ ok: true });
  expect(server.requests({ path, since })).toHaveLength(1);
  const log = await browser.context.newPage();
  await log.goto(optionsUrl(EXTENSION_ID, 'audit'));
  await expect
    .poll(async () => (await dumpRecords(log)).filter((r) => r.event === 'publish-outcome').map((r) => r.detail), { timeout: 10_000 })
    .toContainEqual(expect.objectContaining({ via: 'fetch', endpoint: path, result: 'ok', status: 200 }));
  for (const p of browser.context.pages()) if (p !== page) await p.close();
});
