// @vitest-environment happy-dom
/**
 * Teach mode's list-page publish control → the adapter's listPublish rule, over the real-CMS list
 * pages' own markup: the rule it writes matches the request the control really sends (the control
 * suite's expected request) and reads the ticked ids from it; a control whose URL a script builds
 * gives no rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMS_LIST_FIXTURES, readIds } from '../../lib/demo/cms-fixtures';
import { listPublishFromControl, urlPatternOf } from '../../lib/policy/list-publish-from-control';
import { listPublishRule } from '../../lib/policy/list-publish';
import { siteAdapterSchema } from '../../lib/policy/schema';

const PAGES = join(import.meta.dirname, '../../lib/demo/pages');
const ORIGIN = 'https://cms.example.gov.cn';
const load = (p: string) => new DOMParser().parseFromString(readFileSync(join(PAGES, p), 'utf8'), 'text/html');

describe.each(['phpcms', 'thinkcmf', 'pbootcms'].map((cms) => [cms, CMS_LIST_FIXTURES.find((f) => f.cms === cms)!] as const))('%s', (_cms, fixture) => {
  const doc = load(fixture.path);
  const click = fixture.steps.find((s) => 'click' in s) as { click: string };
  const rule = listPublishFromControl(doc.querySelector(click.click)!, ORIGIN + fixture.path);

  it('writes a valid rule that matches the request the control sends', () => {
    expect(rule).not.toBeNull();
    const query = Object.entries(fixture.expect.query ?? {}).map(([k, v]) => `${k}=${v}`);
    if (fixture.cms === 'pbootcms') query.push('p=/Content/mod/id/43/field/status/value/1');
    const sent = `${ORIGIN}${fixture.expect.path}${query.length ? `?${query.join('&')}&catid=6&steps=1` : ''}`;
    expect(listPublishRule({ listPublish: [rule!] }, { url: sent, method: fixture.expect.method })).toBe(rule);
    expect(siteAdapterSchema.safeParse({ id: 'x', name: 'x', match: [`${ORIGIN}/*`], editor: { kind: 'textarea' }, fields: {}, listPublish: [rule] }).success).toBe(true);
  });

  it('reads the ticked ids from that request', () => {
    const body = fixture.expect.ids.from === 'body' ? { [fixture.expect.ids.name]: fixture.expect.wantIds } : {};
    const query: Record<string, string> = fixture.expect.ids.from === 'query' ? { ...fixture.expect.query } : {};
    if (fixture.cms === 'pbootcms') query.p = '/Content/mod/id/42/field/status/value/1';
    expect(readIds({ path: fixture.expect.path, query, body }, rule!.ids)).toEqual(fixture.expect.wantIds);
  });
});

it('EmpireCMS 审核: the button’s script names the action (enews) the shared form posts, so 删除 on the same form is not held', () => {
  const fixture = CMS_LIST_FIXTURES.find((f) => f.cms === 'empirecms')!;
  const doc = load(fixture.path);
  const rule = listPublishFromControl(doc.querySelector('#btn-check')!, ORIGIN + fixture.path)!;
  expect(rule).toMatchObject({ method: 'POST', field: { name: 'enews', pattern: '^CheckNews_all$' }, ids: { from: 'body', name: 'id[]' } });
  const sent = (enews: string) => ({ url: ORIGIN + fixture.expect.path, method: 'POST', body: { enews, 'id[]': ['42'] } });
  expect(listPublishRule({ listPublish: [rule] }, sent('CheckNews_all'))).toBe(rule);
  expect(listPublishRule({ listPublish: [rule] }, sent('DelNews_all'))).toBeUndefined();
});

it("PbootCMS's rule is the 点击开启 link (value/1), not 点击关闭 (value/0)", () => {
  const doc = load('cms/pbootcms/content_list.html');
  const rule = listPublishFromControl(doc.querySelector('#status-42')!, `${ORIGIN}/cms/pbootcms/content_list.html`)!;
  const url = (v: number) => `${ORIGIN}/cms/pbootcms/admin.php?p=/Content/mod/id/44/field/status/value/${v}`;
  expect(listPublishRule({ listPublish: [rule] }, { url: url(1), method: 'GET' })).toBe(rule);
  expect(listPublishRule({ listPublish: [rule] }, { url: url(0), method: 'GET' })).toBeUndefined();
});

it('DedeCMS builds its URL in a script (checkArc): no rule, the administrator writes it', () => {
  const doc = load('cms/dedecms/dede/content_list.html');
  expect(listPublishFromControl(doc.querySelector('#btn-check')!, `${ORIGIN}/cms/dedecms/dede/content_list.html`)).toBeNull();
});

it.each([
  ['index.php?m=content&c=content&a=pass&catid=6&steps=1&pc_hash=a1b2', 'index\\.php\\?(?=.*\\bm=content\\b)(?=.*\\bc=content\\b)(?=.*\\ba=pass\\b)'],
  ['portal/admin_article/publish/yes/1.html', 'portal\\/admin_article\\/publish\\/yes\\/1\\.html'],
])('urlPatternOf %s', (rel, want) => {
  expect(urlPatternOf(new URL(rel, `${ORIGIN}/`))).toBe(want);
});
