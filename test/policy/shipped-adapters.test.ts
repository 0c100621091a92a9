// @vitest-environment happy-dom
/**
 * Every shipped site adapter against its real-CMS fixture: it is a valid policy adapter, its selectors
 * pick the fixture's own title / 栏目 / user / publish controls, its publishRequests match the request
 * the fixture's publish sends (and not its list or draft requests) — with the fields the page's form
 * sends, where a rule asks for one (EmpireCMS `enews`, WordPress `publish`) —, its draftRequests match
 * the draft save, and its listPublish rule reads the ids of the fixture list page's publish request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMS_FIXTURES, CMS_LIST_FIXTURES, type ExpectedRequest } from '../../lib/demo/cms-fixtures';
import { readCurrentUser } from '../../lib/editors/form-fields';
import { SHIPPED_ADAPTERS, adapterFor, shippedAdapter } from '../../lib/policy/adapters';
import { itemIdsOf, listPublishRule } from '../../lib/policy/list-publish';
import { matchesRequestRule, type RequestRuleLike } from '../../lib/policy/request-rule';
import { siteAdapterSchema } from '../../lib/policy/schema';
import { parsePolicy } from '../../lib/policy/validate';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';

const PAGES = join(import.meta.dirname, '../../lib/demo/pages');
const ORIGIN = 'https://cms.example.gov.cn';
const load = (p: string) => new DOMParser().parseFromString(readFileSync(join(PAGES, p.replace(/^\/cms\//, 'cms/').replace(/\?.*$/, '')), 'utf8'), 'text/html');

/** The URL as the page sends it (query values as written in the page, not re-encoded). */
function urlOf(e: ExpectedRequest): string {
  const query = Object.entries(e.query ?? {}).map(([k, v]) => `${k}=${v}`);
  return ORIGIN + e.path + (query.length ? `?${query.join('&')}` : '');
}

type Body = Record<string, string | string[]>;

/**
 * The fields a press of `click` sends that name its action: the hidden inputs of its form and the
 * submit control's own name=value (WordPress `publish=发布`, EmpireCMS `enews=AddNews` beside `addnews2`).
 */
function sentFields(doc: Document, click: string): Body {
  const el = doc.querySelector(click);
  const form = el?.closest('form') ?? null;
  const body: Body = {};
  for (const input of form?.querySelectorAll<HTMLInputElement>('input[type="hidden"][name]') ?? []) body[input.name] = input.value;
  if (el instanceof HTMLInputElement && el.type === 'submit' && el.name) body[el.name] = el.value;
  return body;
}

function pathBody(doc: Document, steps: readonly object[], expected?: Record<string, string>): Body {
  const click = steps.flatMap((s) => ('click' in s && typeof s.click === 'string' ? [s.click] : [])).at(-1);
  return { ...(click ? sentFields(doc, click) : {}), ...expected };
}

const matchesAny = (rules: readonly RequestRuleLike[] | undefined, e: ExpectedRequest, body: Body) =>
  (rules ?? []).some((r) => matchesRequestRule(r, { method: e.method, url: urlOf(e), body }));
const matchesPublish = (cms: string, e: ExpectedRequest, body: Body = e.body ?? {}) => matchesAny(adapterFor(shippedAdapter(cms)!, ORIGIN).publishRequests, e, body);

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
    // a form without 栏目 (SiteServer: the channel tree picks it) has no selector for one
    if (fixture.fields.channel) expect(doc.querySelector(adapter.fields.channel!)).toBe(doc.querySelector(fixture.fields.channel));
    else expect(adapter.fields.channel).toBeUndefined();
    expect(readCurrentUser(doc, adapter.fields.currentUser)).toBe(fixture.currentUser);
    // the control that sends: each path's last click (SSCMS picks 审核状态 in a dropdown first); a
    // keyboard shortcut's path clicks nothing itself
    const lastClick = (p: (typeof fixture.publish)[number]) => p.steps.flatMap((s) => ('click' in s ? [s.click] : [])).at(-1);
    const clicked = fixture.publish.filter((p) => !p.draft && lastClick(p)).map((p) => doc.querySelector(lastClick(p)!));
    const buttons = adapter.publishButtons.flatMap((sel) => [...doc.querySelectorAll(sel)]);
    // A button that saves drafts too (SSCMS 保 存, told by 审核状态) is no publish button: its request rule tells.
    const draftClicks = fixture.publish.filter((p) => p.draft && lastClick(p)).map((p) => doc.querySelector(lastClick(p)!));
    for (const el of clicked) expect(draftClicks.includes(el) ? !buttons.includes(el!) : buttons.includes(el!)).toBe(true);
  });

  it('its publishRequests match what each publish sends, with the fields its form sends', () => {
    const doc = load(fixture.path);
    for (const p of fixture.publish.filter((x) => !x.draft)) expect(matchesPublish(fixture.cms, p.expect, pathBody(doc, p.steps, p.expect.body)), p.via).toBe(true);
  });

  it('its draft saves and list publishes are not taken for the edit page’s publish, though they share its URL (WordPress post.php, EmpireCMS ecmsinfo.php)', () => {
    const doc = load(fixture.path);
    for (const p of fixture.publish.filter((x) => x.draft)) expect(matchesPublish(fixture.cms, p.expect, pathBody(doc, p.steps, p.expect.body)), p.via).toBe(false);
    for (const list of CMS_LIST_FIXTURES.filter((l) => l.cms === fixture.cms)) expect(matchesPublish(fixture.cms, list.expect)).toBe(false);
  });

  it('its draftRequests match every draft save of the page (nothing else lets a clean draft out unsigned; a publish they match too is told by publishRequests, which outweigh them)', () => {
    const doc = load(fixture.path);
    const rules = adapter.draftRequests ?? [];
    for (const p of fixture.publish.filter((x) => x.draft)) expect(matchesAny(rules, p.expect, pathBody(doc, p.steps, p.expect.body)), p.via).toBe(true);
  });
});

describe.each(CMS_LIST_FIXTURES.map((l) => [l.id, l] as const))('%s', (_id, list) => {
  const adapter = adapterFor(shippedAdapter(list.cms)!, ORIGIN);
  const body = { ...list.expect.body, ...(list.expect.ids.from === 'body' && { [list.expect.ids.name]: list.sentIds ?? list.expect.wantIds }) };

  it('listPublish matches the list page’s publish request and reads its ids', () => {
    const url = urlOf(list.expect);
    const withIds = list.expect.ids.from === 'query' && list.expect.ids.separator ? `${url}${url.includes('?') ? '&' : '?'}${list.expect.ids.name}=${list.expect.wantIds.join(list.expect.ids.separator)}` : url;
    const pboot = list.cms === 'pbootcms' ? `${ORIGIN}/cms/pbootcms/admin.php?p=/Content/mod/id/42/field/status/value/1` : withIds;
    const rule = listPublishRule(adapter, { url: pboot, method: list.expect.method, body });
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

it('SiteServer: a postback by script naming 确 定 in __EVENTTARGET is a publish, whatever its address says (isPreview=True); the preview is none', () => {
  const e = { method: 'POST', path: '/SiteServer/Cms/pageContentAdd.aspx', query: { siteId: '1', channelId: '2', isPreview: 'True' }, sends: 'navigate' as const };
  expect(matchesPublish('siteserver', e, { __EVENTTARGET: 'BtnSubmit', TbTitle: 't' })).toBe(true);
  expect(matchesPublish('siteserver', e, { __EVENTTARGET: '', TbTitle: 't' })).toBe(false);
});
