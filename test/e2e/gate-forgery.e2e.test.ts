/**
 * Page code trying to talk the gate round, in real Chromium with the built extension: the old
 * `precheck:arm` event and every other `precheck:*` name dispatched on document, window and
 * elements; postMessage in the shapes the gate's own messages have; a fake channel element announced
 * with `precheck:channel-ready`; the guard's relay called and overwritten; the signed payload sent twice
 * at once and from another tab (after its ticket expired: ticket-expiry.e2e.test.ts). None of it may let out anything carrying
 * the draft or an ID number.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Browser } from '../../lib/demo/browser.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { ID, openRoutes, ownDraft, writeDraft } from './gate-drive.ts';
import { FORGE, forgeryBrowser, sendFetch, signOffAndRelease } from './forge-page.ts';

const SETTLE_MS = 1_000;

let browser: Browser;
let server: CmsServer;
let page: Page;

forgeryBrowser((b, s, p) => {
  browser = b;
  server = s;
  page = p;
});

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
});
