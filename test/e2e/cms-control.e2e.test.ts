/**
 * CONTROL suite for the real-CMS fixtures: no extension. For every fixture and every publish path it
 * has, a draft holding an ID number typed into the real editor leaves through the page's own code and
 * the recording server receives it (title and body in the fields that CMS uses), and the page's own
 * success path runs. Every list page's publish request arrives naming the ticked items. The gate's
 * tests expect these requests NOT to arrive — which means something only because this suite shows
 * that each one does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../../lib/demo/browser.ts';
import { CMS_FIXTURES, CMS_LIST_FIXTURES, TITLE, readIds, type CmsFixture, type ExpectedRequest, type PublishPath } from '../../lib/demo/cms-fixtures.ts';
import { SAMPLE_ID, expectSuccess, openFixture, prepareDraft, runSteps, successWindow } from '../../lib/demo/cms-drive.ts';
import { startCmsServer, type CmsServer, type RecordedRequest } from '../../lib/demo/server.ts';
import { flatBody } from '../../lib/demo/recorder.ts';
import { adapterFor, shippedAdapter } from '../../lib/policy/adapters/index.ts';
import { itemIdsOf, listPublishRule } from '../../lib/policy/list-publish.ts';
import { matchesRequestRule } from '../../lib/policy/request-rule.ts';
import { dwzIframeForm } from './dwz-iframe-form.ts';

let browser: Browser;
let server: CmsServer;
let page: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startCmsServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  server.reset();
  // a fresh tab each time: the CMS pages ask before unloading an unsaved draft
  await page?.close();
  page = await browser.context.newPage();
});

const BODY = `申请人身份证号${SAMPLE_ID}，请核对。`;

/** A body field by the name the CMS sends it under (`content.title` inside SSCMS's JSON). */
function field(r: RecordedRequest, name: string): string {
  const v = flatBody(r.body)[name];
  return Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : '';
}

function expectHow(r: RecordedRequest, sends: 'navigate' | 'xhr', headers: ExpectedRequest['headers'] = undefined): void {
  if (sends === 'navigate') expect(r.headers['sec-fetch-mode']).toBe('navigate');
  else if (headers) for (const [name, value] of Object.entries(headers)) expect(r.headers[name as keyof typeof headers], name).toBe(value);
  else expect(r.headers['x-requested-with']).toBe('XMLHttpRequest');
}

describe.each(CMS_FIXTURES.map((f) => [f.id, f] as const))('%s', (_id, fixture: CmsFixture) => {
  test.each(fixture.publish.map((p) => [p.via, p] as const))('%s sends the draft with the ID number', async (_via, path: PublishPath) => {
    const { errors } = await openFixture(page, server.url, fixture);
    await prepareDraft(page, fixture, BODY);
    const since = server.mark();
    const shown = successWindow(page, path);
    await runSteps(page, path.steps);
    const [r] = await server.waitForRequests({ ...path.expect, since });
    expect(field(r!, path.expect.titleField!)).toBe(TITLE);
    expect(field(r!, path.expect.contentField!)).toContain(SAMPLE_ID);
    expectHow(r!, path.expect.sends, path.expect.headers);
    // the CMS's own success path ran (its result page, the status its script wrote, the window it opened)
    await expectSuccess(page, path, shown);
    expect(server.carrying(SAMPLE_ID)).toHaveLength(1);
    expect(errors).toEqual([]);
    // the shipped adapter names this very request as a publish, and a draft save as none — also where
    // both go to one URL and a body field tells them apart (WordPress's post.php, EmpireCMS's enews)
    const adapter = adapterFor(shippedAdapter(fixture.cms)!, server.url);
    const sent = { method: r!.method, url: server.url + r!.url, body: flatBody(r!.body) };
    expect(adapter.publishRequests.some((p) => matchesRequestRule(p, sent))).toBe(!path.draft);
    // every draft save is declared by the adapter: nothing else lets a clean draft out unsigned (a
    // publish its draft rule matches too, WordPress's, is told by the publish rule, which outweighs it)
    if (path.draft) expect((adapter.draftRequests ?? []).some((p) => matchesRequestRule(p, sent))).toBe(true);
  });
});

test('emlog saves the draft by itself (autosave timer) with the ID number', async () => {
  const fixture = CMS_FIXTURES.find((f) => f.id === 'emlog-article-write')!;
  await openFixture(page, server.url, { ...fixture, path: `${fixture.path}?autosave=1000` });
  await prepareDraft(page, fixture, BODY);
  // the timer keeps saving while the editor types: wait for a save that holds the whole number
  const autosave = { method: 'POST', path: '/cms/emlog/admin/article_save.php', query: { action: 'autosave' } };
  await expect.poll(() => server.carrying(SAMPLE_ID, autosave).length, { timeout: 10_000 }).toBeGreaterThan(0);
  const r = server.carrying(SAMPLE_ID, autosave)[0];
  expect(field(r!, 'content')).toContain(SAMPLE_ID);
  expectHow(r!, 'xhr');
  // the autosave answer gave the draft its id, which the publish then carries
  await expect.poll(() => page.locator('#as_logid').inputValue()).toMatch(/^\d+$/);
});

describe.each(CMS_LIST_FIXTURES.map((f) => [f.id, f] as const))('%s', (_id, list) => {
  test('publishing ticked rows sends their ids', async () => {
    const { errors } = await openFixture(page, server.url, list);
    const since = server.mark();
    await runSteps(page, list.steps);
    const [r] = await server.waitForRequests({ ...list.expect, since });
    expect(readIds(r!, list.expect.ids)).toEqual(list.expect.wantIds);
    // the shipped adapter's listPublish rule recognises the real request and reads the same ids
    const rule = listPublishRule(adapterFor(shippedAdapter(list.cms)!, server.url), { url: server.url + r!.url, method: r!.method, body: r!.body });
    expect(rule).toBeDefined();
    expect(itemIdsOf(rule!.ids, { url: server.url + r!.url, body: r!.body })).toEqual(list.expect.wantIds);
    expectHow(r!, list.expect.sends, list.expect.headers);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain(list.success);
    expect(errors).toEqual([]);
  });
});

test('a row’s 审核 address posted by a DWZ iframeCallback form into its hidden frame sends the id in its query', async () => {
  const row = CMS_LIST_FIXTURES.find((f) => f.id === 'publiccms-uncheck-row')!;
  await openFixture(page, server.url, row);
  const since = server.mark();
  await page.evaluate(dwzIframeForm, 'cmsContent/check?ids=43&_csrf=publiccms-fixture-csrf');
  await page.locator('#dwz-submit').click();
  const [r] = await server.waitForRequests({ method: 'POST', path: row.expect.path, since });
  expect(readIds(r!, row.expect.ids)).toEqual(['43']);
  expect(r!.headers['sec-fetch-dest']).toBe('iframe');
});
