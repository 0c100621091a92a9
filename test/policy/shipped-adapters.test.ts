// @vitest-environment happy-dom
/**
 * Every shipped site adapter against its real-CMS fixture: it is a valid policy adapter, its selectors
 * pick the fixture's own title / 栏目 / user / publish controls, its publishRequests match the request
 * the fixture's publish sends (and not its list or draft requests), and its listPublish rule reads the
 * ids of the fixture list page's publish request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMS_FIXTURES, CMS_LIST_FIXTURES, type ExpectedRequest } from '../../lib/demo/cms-fixtures';
import { readCurrentUser } from '../../lib/editors/form-fields';
import { SHIPPED_ADAPTERS, adapterFor, shippedAdapter } from '../../lib/policy/adapters';
import { itemIdsOf, listPublishRule } from '../../lib/policy/list-publish';
import { siteAdapterSchema } from '../../lib/policy/schema';
import { parsePolicy } from '../../lib/policy/validate';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';

const PAGES = join(import.meta.dirname, '../../lib/demo/pages');
const ORIGIN = 'https://cms.example.gov.cn';
const load = (p: string) => new DOMParser().parseFromString(readFileSync(join(PAGES, p.replace(/^\/cms\//, 'cms/')), 'utf8'), 'text/html');

/** The URL as the page sends it (query values as written in the page, not re-encoded). */
function urlOf(e: ExpectedRequest): string {
  const query = Object.entries(e.query ?? {}).map(([k, v]) => `${k}=${v}`);
  return ORIGIN + e.path + (query.length ? `?${query.join('&')}` : '');
}

const matchesPublish = (cms: string, e: ExpectedRequest) =>
  adapterFor(shippedAdapter(cms)!, ORIGIN).publishRequests.some((r) => (!r.method || r.method === e.method) && new RegExp(r.urlPattern).test(urlOf(e)));

it('there is one shipped adapter per fixture CMS', () => {
  expect(SHIPPED_ADAPTERS.map((a) => a.cms).sort()).toEqual([...new Set(CMS_FIXTURES.map((f) => f.cms))].sort());
});

describe.each(CMS_FIXTURES.map((f) => [f.id, f] as const))('%s', (_id, fixture) => {
  const template = shippedAdapter(fixture.cms)!;
  const adapter = adapterFor(template, ORIGIN);

  it('is a valid policy adapter, inside the unit origin', () => {
    expect(siteAdapterSchema.safeParse(adapter).success).toBe(true);
    const policy = { ...DEFAULT_POLICY, origins: [`${ORIGIN}/*`], adapters: [adapter] };
    const result = parsePolicy(policy);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('its selectors pick the fixture’s title, 栏目, user and publish controls', () => {
    const doc = load(fixture.path);
    expect(doc.querySelector(adapter.fields.title!)).toBe(doc.querySelector(fixture.fields.title));
    expect(doc.querySelector(adapter.fields.channel!)).toBe(doc.querySelector(fixture.fields.channel));
    expect(readCurrentUser(doc, adapter.fields.currentUser)).toBe(fixture.currentUser);
    const clicked = fixture.publish.filter((p) => !p.draft).flatMap((p) => p.steps.flatMap((s) => ('click' in s ? [doc.querySelector(s.click)] : [])));
    const buttons = adapter.publishButtons.flatMap((sel) => [...doc.querySelectorAll(sel)]);
    for (const el of clicked) expect(buttons).toContain(el);
  });

  it('its publishRequests match what the publish sends, unless a draft save goes to the same URL', () => {
    // The network backstop blocks what publishRequests name and sees no body: a publish sharing its URL
    // with 保存草稿 (WordPress's post.php) is left to the page gate, which reads the body.
    const draftUrls = new Set(fixture.publish.filter((x) => x.draft).map((x) => urlOf(x.expect)));
    for (const p of fixture.publish.filter((x) => !x.draft)) expect(matchesPublish(fixture.cms, p.expect)).toBe(!draftUrls.has(urlOf(p.expect)));
  });

  it('drafts sent to their own URL (emlog autosave) and list publishes are not taken for the edit page’s publish', () => {
    const publishUrls = new Set(fixture.publish.filter((x) => !x.draft).map((x) => urlOf(x.expect)));
    for (const p of fixture.publish.filter((x) => x.draft && !publishUrls.has(urlOf(x.expect)))) expect(matchesPublish(fixture.cms, p.expect)).toBe(false);
    // EmpireCMS posts every action to e/admin/ecmsinfo.php (the body's enews says which): there the list's
    // 审核 and the edit page's 提交 share their URL, and the page gate tells them apart by the body.
    for (const list of CMS_LIST_FIXTURES.filter((l) => l.cms === fixture.cms && !publishUrls.has(urlOf(l.expect)))) expect(matchesPublish(fixture.cms, list.expect)).toBe(false);
  });
});

describe.each(CMS_LIST_FIXTURES.map((l) => [l.id, l] as const))('%s', (_id, list) => {
  const adapter = adapterFor(shippedAdapter(list.cms)!, ORIGIN);
  const body = list.expect.ids.from === 'body' ? { [list.expect.ids.name]: list.expect.wantIds } : {};

  it('listPublish matches the list page’s publish request and reads its ids', () => {
    const url = urlOf(list.expect);
    const withIds = list.expect.ids.from === 'query' && list.expect.ids.separator ? `${url}&${list.expect.ids.name}=${list.expect.wantIds.join(list.expect.ids.separator)}` : url;
    const pboot = list.cms === 'pbootcms' ? `${ORIGIN}/cms/pbootcms/admin.php?p=/Content/mod/id/42/field/status/value/1` : withIds;
    const rule = listPublishRule(adapter, { url: pboot, method: list.expect.method });
    expect(rule).toBeDefined();
    expect(itemIdsOf(rule!.ids, { url: pboot, body })).toEqual(list.expect.wantIds);
  });

  it('its row checkbox selector (where the page has one) finds the rows', () => {
    const rule = adapter.listPublish![0]!;
    if (!rule.rowCheckbox) return;
    const values = [...load(list.path).querySelectorAll<HTMLInputElement>(rule.rowCheckbox)].map((c) => c.value);
    expect(values).toEqual(['42', '43', '44']);
  });
});
