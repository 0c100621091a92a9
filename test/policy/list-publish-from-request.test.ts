import { describe, expect, it } from 'vitest';
import { itemIdsOf, listPublishRule } from '../../lib/policy/list-publish';
import { listPublishFromRequest, type HeldRequest } from '../../lib/policy/list-publish-from-request';
import { siteAdapterSchema } from '../../lib/policy/schema';

const U = 'http://cms.test';
const req = (method: string, path: string, entries: [string, string][] = []): HeldRequest => ({ method, url: U + path, entries });

describe('a list publish rule read from the request the control sent', () => {
  it.each<[string, HeldRequest, string[], object | null]>([
    ['DedeCMS checkArc(): two ids joined by ` in qstr', req('GET', '/dede/archives_do.php?aid=0&dopost=checkArchives&qstr=42`43'), ['42', '43'], { method: 'GET', ids: { from: 'query', name: 'qstr', separator: '`' } }],
    ['DedeCMS with one row ticked: qstr is the id', req('GET', '/dede/archives_do.php?aid=0&dopost=checkArchives&qstr=42'), ['42'], { method: 'GET', ids: { from: 'query', name: 'qstr' } }],
    ['ids[] repeated in a POST body', req('POST', '/index.php?m=content&c=content&a=pass', [['ids[]', '42'], ['ids[]', '43'], ['dosubmit', '1']]), ['42', '43'], { method: 'POST', ids: { from: 'body', name: 'ids[]' } }],
    ['ids joined by commas in a body', req('POST', '/admin/article/publish', [['ids', '42,43']]), ['42', '43'], { method: 'POST', ids: { from: 'body', name: 'ids', separator: ',' } }],
    ['the ticked ids are nowhere in it', req('GET', '/dede/archives_do.php?dopost=checkArchives&qstr=7'), ['42'], null],
    ['nothing ticked', req('GET', '/dede/archives_do.php?dopost=checkArchives&qstr=42'), [], null],
  ])('%s', (_what, request, ticked, want) => {
    const rule = listPublishFromRequest(request, ticked, 'input[name="arcID"]');
    if (want === null) return expect(rule).toBeNull();
    expect(rule).toMatchObject(want);
  });

  it('EmpireCMS 审核: the body names the action (enews), so the rule asks for it and the list’s 删除 is not held', () => {
    const held = req('POST', '/e/admin/ecmsinfo.php', [['classid', '2'], ['enews', 'CheckNews_all'], ['doing', '0'], ['id[]', '42'], ['id[]', '43'], ['isgood', '0']]);
    const rule = listPublishFromRequest(held, ['42', '43'], 'input[name="id[]"]')!;
    expect(rule).toMatchObject({ method: 'POST', field: { name: 'enews', pattern: '^CheckNews_all$' }, ids: { from: 'body', name: 'id[]' } });
    const adapter = { id: 'a', name: 'A', match: [`${U}/*`], editor: { kind: 'contenteditable' }, fields: {}, listPublish: [rule] };
    expect(siteAdapterSchema.safeParse(adapter).success).toBe(true);
    const sent = (enews: string) => ({ method: 'POST', url: `${U}/e/admin/ecmsinfo.php`, body: { enews, 'id[]': ['44'] } });
    expect(listPublishRule({ listPublish: [rule] }, sent('CheckNews_all'))).toBe(rule);
    expect(listPublishRule({ listPublish: [rule] }, sent('DelNews_all'))).toBeUndefined();
  });

  it('no action field in the body: no field condition', () => {
    expect(listPublishFromRequest(req('POST', '/index.php?m=content&c=content&a=pass', [['ids[]', '42'], ['dosubmit', '1']]), ['42'])!.field).toBeUndefined();
  });

  it('the rule it makes is a valid adapter rule that matches the request again and reads its ids', () => {
    const held = req('GET', '/dede/archives_do.php?aid=0&dopost=checkArchives&qstr=42`43');
    const rule = listPublishFromRequest(held, ['42', '43'], 'input[name="arcID"]')!;
    const adapter = { id: 'a', name: 'A', match: [`${U}/*`], editor: { kind: 'contenteditable' }, fields: {}, listPublish: [rule] };
    expect(siteAdapterSchema.safeParse(adapter).success).toBe(true);
    // another selection, another aid: the same rule, the new ids
    const later = req('GET', '/dede/archives_do.php?aid=44&dopost=checkArchives&qstr=43`44`45');
    const matched = listPublishRule({ listPublish: [rule] }, { method: later.method, url: later.url })!;
    expect(matched).toBe(rule);
    expect(itemIdsOf(matched.ids, { url: later.url })).toEqual(['43', '44', '45']);
    // not another action of the same script
    expect(listPublishRule({ listPublish: [rule] }, { method: 'GET', url: `${U}/dede/archives_do.php?aid=0&dopost=delArchives&qstr=42` })).toBeUndefined();
  });
});
