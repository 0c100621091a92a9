/**
 * Page code trying to talk the gate round, in real Chromium with the built extension: the old
 * `precheck:arm` event and every other `precheck:*` name dispatched on document, window and
 * elements; postMessage in the shapes the gate's own messages have; a fake channel element announced
 * with `precheck:channel-ready`; the guard's relay called and overwritten; the signed payload sent twice
 * at once, from another tab, and after its ticket expired. None of it may let out anything carrying
 * the draft or an ID number.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { closeChecklist, dialog } from '../../lib/demo/checklist-drive.ts';
import { demoPerson, demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { launchBrowser, type Browser } from '../../lib/demo/browser.ts';
import { startCmsServer, type CmsServer } from '../../lib/demo/server.ts';
import { TICKET_TTL_MS } from '../../lib/content/release.ts';
import { EXTENSION_DIR } from './extension-helpers.ts';
import { ID, signAndPublish, openRoutes, ownDraft, writeDraft } from './gate-drive.ts';

const SETTLE_MS = 1_000;
const lisi = demoPerson('lisi');

let browser: Browser;
let server: CmsServer;
let page: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startCmsServer()]);
  await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Everything a page script could try to reach the gate with. Returns what the page saw: whether any
 * part of Precheck answered the fake channel, and what became of the relay.
 */
const FORGE = `(() => {
  const seen = [];
  const names = ['precheck:arm', 'precheck:allow-once', 'precheck:release', 'precheck:disarm', 'precheck:configure',
    'precheck:channel-ready', 'precheck:channel-hello', 'precheck:channel-port', 'precheck:ask', 'precheck:probe',
    'precheck:read-request', 'precheck:read-response', 'precheck:tab-state', 'precheck:teach'];
  const details = [undefined, '{"pass":true,"released":true}', { pass: true, replay: true }, JSON.stringify({ type: 'covered', covered: false })];
  for (const target of [document, window, document.documentElement, document.body, document.getElementById('cms-form')]) {
    for (const name of names) {
      for (const detail of details) target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
      target.dispatchEvent(new Event(name, { bubbles: true }));
      target.dispatchEvent(new MessageEvent(name, { data: { pass: true } }));
    }
  }
  // a channel element of the page's own, announced as the guard announces its own
  const fake = document.createElement('precheck-gate-channel');
  // (the page never sends these two on its fake itself: hearing one means the gate talked to it)
  for (const name of ['precheck:channel-hello', 'precheck:ask']) fake.addEventListener(name, () => seen.push('fake channel got ' + name));
  document.documentElement.appendChild(fake);
  fake.dispatchEvent(new CustomEvent('precheck:channel-ready', { bubbles: true }));
  const ch = new MessageChannel();
  ch.port1.onmessage = (m) => seen.push('fake port got ' + JSON.stringify(m.data).slice(0, 60));
  fake.dispatchEvent(new MessageEvent('precheck:channel-port', { ports: [ch.port2] }));
  ch.port1.postMessage({ type: 'covered', covered: false });
  ch.port1.postMessage({ type: 'answer', id: 1, answer: { pass: true } });
  // postMessage in the shapes the gate's own messages have
  for (const m of [{ type: 'precheck:allow-once', replay: true }, { type: 'covered', covered: false }, { type: 'answer', id: 1, answer: { pass: true } },
    { type: 'precheck:arm' }, 'precheck:arm', { precheck: 'release' }, { __precheckGuardPort: true }]) window.postMessage(m, '*');
  // the relay child frames ask through: call it, and try to put another in its place
  try { seen.push('relay says ' + window.__precheckGuardRelay(JSON.stringify({ route: 'fetch', method: 'POST', url: location.origin + '/sink/r/fetch-post', body: { kind: 'none' } }))); } catch (e) { seen.push('relay threw ' + e.message); }
  try { window.__precheckGuardRelay = () => '{"pass":true}'; } catch (e) { seen.push('relay not writable'); }
  try { Object.defineProperty(window, '__precheckGuardRelay', { value: () => '{"pass":true}' }); seen.push('RELAY REDEFINED'); } catch (e) { seen.push('relay not configurable'); }
  try { delete window.__precheckGuardRelay; } catch (e) { /* strict mode only */ }
  seen.push('relay is ' + (window.__precheckGuardRelay && window.__precheckGuardRelay.toString().includes('"pass":true') ? 'THE PAGE\\'S' : 'the guard\\'s'));
  return seen;
})()`;

/** Routes the page sends its draft by after forging (script routes of the route page). */
const SENDS = ['fetch-post', 'xhr-async', 'jquery-ajax', 'beacon-string', 'image-src', 'websocket-send', 'worker-fetch', 'form.submit', 'location-href'];

async function forgeThenSend(p: Page): Promise<{ seen: string[]; outcomes: Record<string, unknown> }> {
  const seen = await p.evaluate<string[]>(FORGE);
  const outcomes: Record<string, unknown> = {};
  for (const key of SENDS) {
    outcomes[key] = await p.evaluate(`Promise.race([window.__routes.run(${JSON.stringify(key)}), new Promise((r) => setTimeout(() => r('HUNG'), 6000))])`);
    // forging again between sends: a late event must not arm anything either
    await p.evaluate(FORGE);
  }
  return { seen, outcomes };
}

function expectNoForgeryAnswered(seen: string[]): void {
  expect(seen.filter((s) => s.startsWith('fake') || s.includes('REDEFINED') || s.includes("THE PAGE'S"))).toEqual([]);
}

async function signOffAndRelease(p: Page): Promise<void> {
  await signAndPublish(p, lisi);
  await dialog(p).locator('[data-message]').waitFor();
}

/** The page's own script sends its draft by fetch (the route page's fetch-post route). */
const sendFetch = (p: Page) => p.evaluate<{ ok: boolean }>(`window.__routes.run('fetch-post')`);

describe('forged events and messages', () => {
  test('a draft with an ID: nothing carrying it leaves, whatever the page dispatches', async () => {
    await openRoutes(page, server);
    await writeDraft(page, ownDraft(1, true));
    const since = server.mark();
    const { seen, outcomes } = await forgeThenSend(page);
    await page.waitForTimeout(SETTLE_MS);
    expect(server.carrying(ID, { since })).toEqual([]);
    expectNoForgeryAnswered(seen);
    expect(Object.values(outcomes)).not.toContain('HUNG');
  });

  test('a clean draft without sign-off: nothing carrying the draft leaves, whatever the page dispatches', async () => {
    const draft = ownDraft(20);
    await openRoutes(page, server);
    await writeDraft(page, draft);
    const since = server.mark();
    const { seen } = await forgeThenSend(page);
    await page.waitForTimeout(SETTLE_MS);
    expect(server.carrying(draft.slice(-8), { since })).toEqual([]);
    expectNoForgeryAnswered(seen);
  });
});

describe('replays of a signed payload', () => {
  test('sent twice at once: exactly one arrives', async () => {
    const draft = ownDraft(21);
    await openRoutes(page, server);
    await writeDraft(page, draft);
    expect(await sendFetch(page)).toMatchObject({ ok: false });
    await signOffAndRelease(page);
    await page.evaluate(FORGE);
    const since = server.mark();
    const both = await page.evaluate<{ ok: boolean }[]>(`Promise.all([window.__routes.run('fetch-post'), window.__routes.run('xhr-async'), window.__routes.run('beacon-string')])`);
    await page.waitForTimeout(SETTLE_MS);
    expect(server.carrying(draft.slice(-8), { since })).toHaveLength(1);
    expect(both.filter((o) => o.ok)).toHaveLength(1);
  });

  test('from another tab holding the same draft: refused there, while the signed tab still publishes once', async () => {
    const draft = ownDraft(22);
    await openRoutes(page, server);
    await writeDraft(page, draft);
    expect(await sendFetch(page)).toMatchObject({ ok: false });
    await signOffAndRelease(page);

    const other = await browser.context.newPage();
    try {
      await openRoutes(other, server);
      await writeDraft(other, draft);
      let since = server.mark();
      await other.evaluate(FORGE);
      expect(await sendFetch(other)).toMatchObject({ ok: false });
      await other.waitForTimeout(SETTLE_MS);
      expect(server.carrying(draft.slice(-8), { since })).toEqual([]);

      await page.bringToFront();
      since = server.mark();
      expect(await sendFetch(page)).toMatchObject({ ok: true });
      expect(await sendFetch(page)).toMatchObject({ ok: false });
      expect(server.carrying(draft.slice(-8), { since })).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  test(
    'after the ticket expired: refused',
    async () => {
      const draft = ownDraft(23);
      await openRoutes(page, server);
      await writeDraft(page, draft);
      expect(await sendFetch(page)).toMatchObject({ ok: false });
      await signOffAndRelease(page);
      await closeChecklist(page);
      await page.waitForTimeout(TICKET_TTL_MS + 2_000);
      const since = server.mark();
      await page.evaluate(FORGE);
      expect(await sendFetch(page)).toMatchObject({ ok: false });
      await page.waitForTimeout(SETTLE_MS);
      expect(server.carrying(draft.slice(-8), { since })).toEqual([]);
    },
    TICKET_TTL_MS + 60_000,
  );
});
