import { describe, expect, it } from 'vitest';
import { itemIdFromResponse, itemIdFromResultPage, itemIdFromUrl, itemIdsOf, listPublishRule } from '../../lib/policy/list-publish';
import { siteAdapterSchema, type ItemIdsRule } from '../../lib/policy/schema';

const U = 'https://cms.example.gov.cn';

describe('itemIdsOf', () => {
  it.each<[string, ItemIdsRule, string, Record<string, unknown> | undefined, string[]]>([
    ['body ids[]', { from: 'body', name: 'ids[]' }, `${U}/index.php?a=pass`, { 'ids[]': ['42', '43'] }, ['42', '43']],
    ['body single id (number, JSON)', { from: 'body', name: 'id' }, `${U}/api/publish`, { id: 42 }, ['42']],
    ['query id', { from: 'query', name: 'id' }, `${U}/publish.do?id=42`, undefined, ['42']],
    ['query repeated', { from: 'query', name: 'ids' }, `${U}/o_check.do?ids=42&ids=43`, undefined, ['42', '43']],
    ['DedeCMS qstr with backticks', { from: 'query', name: 'qstr', separator: '`' }, `${U}/archives_do.php?dopost=checkArchives&qstr=42%6043`, undefined, ['42', '43']],
    ['PbootCMS id inside p', { from: 'query', name: 'p', pattern: '/id/(\\d+)/' }, `${U}/admin.php?p=/Content/mod/id/42/field/status/value/1`, undefined, ['42']],
    ['none named', { from: 'body', name: 'ids[]' }, `${U}/x`, {}, []],
    ['empty values dropped', { from: 'query', name: 'qstr', separator: '`' }, `${U}/a?qstr=`, undefined, []],
    ['either: a post with its id in the query only (PublicCMS row link)', { from: 'either', name: 'ids', separator: ',' }, `${U}/cmsContent/check?ids=42&_csrf=x`, {}, ['42']],
    ['either: ids in the body only (批量审核)', { from: 'either', name: 'ids', separator: ',' }, `${U}/cmsContent/check?_csrf=x`, { ids: '42,43' }, ['42', '43']],
    ['either: ids in both are all read (the server merges them)', { from: 'either', name: 'ids', separator: ',' }, `${U}/cmsContent/check?ids=42`, { ids: '43' }, ['42', '43']],
    ['body only: the query is not read', { from: 'body', name: 'ids', separator: ',' }, `${U}/cmsContent/check?ids=42`, { ids: '43' }, ['43']],
  ])('%s', (_name, ids, url, body, want) => expect(itemIdsOf(ids, { url, body })).toEqual(want));
});

describe('listPublishRule', () => {
  const adapter = {
    listPublish: [{ method: 'POST' as const, urlPattern: 'a=pass', ids: { from: 'body' as const, name: 'ids[]' } }],
  };
  it('matches method and URL', () => {
    expect(listPublishRule(adapter, { url: `${U}/index.php?a=pass`, method: 'post' })).toBe(adapter.listPublish[0]);
    expect(listPublishRule(adapter, { url: `${U}/index.php?a=pass`, method: 'GET' })).toBeUndefined();
    expect(listPublishRule(adapter, { url: `${U}/index.php?a=add`, method: 'POST' })).toBeUndefined();
    expect(listPublishRule({}, { url: `${U}/index.php?a=pass`, method: 'POST' })).toBeUndefined();
  });
});

describe('item id of an edit page', () => {
  it.each([
    [{ responsePath: 'data.id' }, '{"code":1,"data":{"id":42}}', '42'],
    [{ responsePattern: '/edit/id/(\\d+)' }, '{"code":1,"url":"/portal/admin_article/edit/id/42.html"}', '42'],
    [{ responsePattern: 'autosave_gid:(\\d+)_' }, 'autosave_gid:42_df:1_', '42'],
    [{ responsePath: 'data.id', responsePattern: 'id=(\\d+)' }, 'not json id=7', '7'],
    [{ responsePath: 'data.id' }, '{"code":0}', null],
  ])('%j from %s → %s', (rule, text, want) => expect(itemIdFromResponse(rule, text)).toBe(want));

  it('reads the URL parameter', () => {
    expect(itemIdFromUrl({ urlParam: 'aid' }, `${U}/dede/article_edit.php?aid=42`)).toBe('42');
    expect(itemIdFromUrl({ urlParam: 'aid' }, `${U}/dede/article_add.php`)).toBeNull();
    expect(itemIdFromUrl({ urlParam: 'id' }, `${U}/e.php?id=1%20or%201`)).toBeNull();
    expect(itemIdFromUrl({}, `${U}/e.php?id=42`)).toBeNull();
  });
});

describe("item id on the page a released form post leads to", () => {
  const dede = { resultPattern: 'archives_do\\.php\\?aid=(\\d+)&dopost=editArchives' };
  const result = (links: string[], text = '成功发布文章：请选择你的后续操作', url = `${U}/dede/article_add.php`) => ({ url, links, text });

  it.each<[string, object, ReturnType<typeof result>, string | null]>([
    ['DedeCMS 更改文章 link', dede, result([`${U}/dede/article_add.php?cid=2`, `${U}/plus/view.php?aid=101`, `${U}/dede/archives_do.php?aid=101&dopost=editArchives`]), '101'],
    ['the list publish of other items is not an edit link', dede, result([`${U}/dede/archives_do.php?aid=7&dopost=checkArchives&qstr=7`]), null],
    ['an address that names it (a redirect to the edit page)', { resultPattern: '[?&]id=(\\d+)' }, result([], '操作成功', `${U}/zb_system/admin/edit.php?id=9`), '9'],
    ['the text that names it', { resultPattern: '文档ID：(\\d+)' }, result([], '成功发布文章！文档ID：55'), '55'],
    ['no resultPattern: the save-response rules are not used on pages', { responsePattern: 'aid=(\\d+)' }, result([`${U}/plus/view.php?aid=101`]), null],
  ])('%s', (_what, rule, page, want) => expect(itemIdFromResultPage(rule, page)).toBe(want));
});

describe('schema: listPublish and itemId are optional and checked', () => {
  const base = { id: 'a', name: 'A', match: [`${U}/*`], editor: { kind: 'ueditor' }, fields: {} };
  const ok = (extra: object) => siteAdapterSchema.safeParse({ ...base, ...extra }).success;

  it.each<[string, object, boolean]>([
    ['without them', {}, true],
    ['a list publish rule', { listPublish: [{ method: 'GET', urlPattern: 'archives_do\\.php', ids: { from: 'query', name: 'qstr', separator: '`' }, rowCheckbox: 'input[name="arcID"]' }] }, true],
    ['ids pattern with a group', { listPublish: [{ urlPattern: 'mod/', ids: { from: 'query', name: 'p', pattern: '/id/(\\d+)/' } }] }, true],
    ['ids pattern without a group', { listPublish: [{ urlPattern: 'mod/', ids: { from: 'query', name: 'p', pattern: '/id/\\d+/' } }] }, false],
    ['ids pattern with only a non-capturing group', { listPublish: [{ urlPattern: 'mod/', ids: { from: 'query', name: 'p', pattern: '(?:\\d+)' } }] }, false],
    ['ids from elsewhere', { listPublish: [{ urlPattern: 'x', ids: { from: 'header', name: 'id' } }] }, false],
    ['a URL pattern matching everything', { listPublish: [{ urlPattern: '.*', ids: { from: 'query', name: 'id' } }] }, false],
    ['an unknown key', { listPublish: [{ urlPattern: 'x', ids: { from: 'query', name: 'id' }, idz: 1 }] }, false],
    ['itemId', { itemId: { field: '#edtID', urlParam: 'id', responsePath: 'data.id', responsePattern: 'gid:(\\d+)' } }, true],
    ['itemId with a bad response path', { itemId: { responsePath: 'data..id' } }, false],
    ['itemId with a broken regex', { itemId: { responsePattern: '(\\d+' } }, false],
  ])('%s → %s', (_name, extra, want) => expect(ok(extra)).toBe(want));
});
