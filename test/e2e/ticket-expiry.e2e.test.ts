/**
 * A release ticket expires: the signed payload sent after its two minutes is refused, whatever the page
 * dispatches first (in real Chromium with the built extension). A file of its own because it mostly
 * waits: CI runs it beside the two browser streams (test/e2e-both.sh), where its two idle minutes
 * cost no one's time.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { closeChecklist } from '../../lib/demo/checklist-drive.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { TICKET_TTL_MS } from '../../lib/content/release.ts';
import { openRoutes, ownDraft, writeDraft } from './gate-drive.ts';
import { FORGE, forgeryBrowser, sendFetch, signOffAndRelease } from './forge-page.ts';

const SETTLE_MS = 1_000;

let server: CmsServer;
let page: Page;

forgeryBrowser((b, s, p) => {
  server = s;
  page = p;
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
    // (within its time the same send passes once: gate-forgery.e2e.test.ts, 'sent twice at once')
    await page.waitForTimeout(TICKET_TTL_MS + 2_000);
    const since = server.mark();
    await page.evaluate(FORGE);
    expect(await sendFetch(page)).toMatchObject({ ok: false });
    await page.waitForTimeout(SETTLE_MS);
    expect(server.carrying(draft.slice(-8), { since })).toEqual([]);
  },
  TICKET_TTL_MS + 60_000,
);
