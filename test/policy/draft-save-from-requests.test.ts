import { describe, expect, it } from 'vitest';
import { gatePolicyOf } from '../../lib/gate/adapter-rules';
import type { Decoded } from '../../lib/gate/types';
import { draftSaveFromRequests, type ShownRequest } from '../../lib/policy/draft-save-from-requests';
import { siteAdapterSchema } from '../../lib/policy/schema';

const U = 'http://cms.test';
const req = (method: string, path: string, body: Record<string, unknown> = {}): ShownRequest => ({ method, url: U + path, body });

const WP = { action: 'editpost', post_ID: '42', _wpnonce: 'a1b2c3d4e5', original_post_status: 'auto-draft', post_title: '关于低保资金发放情况的公示', content: '正文……' };

/** The body as the gate decodes it: what its draft and publish tests read. */
const decoded = (body: Record<string, unknown>): Decoded =>
  ({
    parts: Object.entries(body).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((text) => ({ name, text: String(text) }))),
  }) as unknown as Decoded;

describe('the draft save and the publish read from the two requests teach mode held', () => {
  it.each<[string, ShownRequest, ShownRequest, object | null]>([
    [
      'WordPress: one address, save=保存草稿 against publish=发布',
      req('POST', '/wp-admin/post.php', { ...WP, save: '保存草稿' }),
      req('POST', '/wp-admin/post.php', { ...WP, publish: '发布' }),
      { draft: { method: 'POST', urlPattern: '^http:\\/\\/cms\\.test\\/wp-admin\\/post\\.php(?:[?#]|$)', field: { name: 'save', pattern: '^保存草稿$' } }, publish: { method: 'POST', field: { name: 'publish', pattern: '^发布$' } } },
    ],
    [
      'two addresses (JSON): the address is the rule',
      req('POST', '/api/draft', { title: 'T', body: '正文' }),
      req('POST', '/api/publish', { title: 'T', body: '正文' }),
      { draft: { urlPattern: '^http:\\/\\/cms\\.test\\/api\\/draft(?:[?#]|$)' }, publish: { urlPattern: 'api\\/publish' } },
    ],
    [
      'emlog: the address differs and the draft says ishide=y, which the rule asks for too',
      req('POST', '/admin/article_save.php?action=autosave', { title: 'T', content: '正文', ishide: 'y', sort: '1' }),
      req('POST', '/admin/article_save.php?action=add', { title: 'T', content: '正文', ishide: '', sort: '1' }),
      {
        draft: { urlPattern: '^http:\\/\\/cms\\.test\\/admin\\/article_save\\.php\\?(?=.*\\baction=autosave\\b)', field: { name: 'ishide', pattern: '^y$' } },
        publish: { urlPattern: 'admin\\/article_save\\.php\\?(?=.*\\baction=add\\b)' },
      },
    ],
    [
      'PublicCMS: draft=on only in the draft save, so the publish is the save without it',
      req('POST', '/admin/cmsContent/save', { title: 'T', text: '正文', categoryId: '3', draft: 'on' }),
      req('POST', '/admin/cmsContent/save', { title: 'T', text: '正文', categoryId: '3' }),
      { draft: { field: { name: 'draft', pattern: '^on$' } }, publish: { field: { name: 'draft', absent: true } } },
    ],
    [
      'a status code: 0 saves, 1 publishes',
      req('POST', '/admin/news/save', { title: 'T', status: '0' }),
      req('POST', '/admin/news/save', { title: 'T', status: '1' }),
      { draft: { field: { name: 'status', pattern: '^0$' } }, publish: { field: { name: 'status', pattern: '^1$' } } },
    ],
    [
      'SSCMS-like JSON: a nested level -99 for a draft',
      req('POST', '/api/admin/cms/editor/actions/insert', { 'content.title': 'T', 'content.checkedLevel': '-99' }),
      req('POST', '/api/admin/cms/editor/actions/insert', { 'content.title': 'T', 'content.checkedLevel': '0' }),
      { draft: { field: { name: 'content.checkedLevel', pattern: '^-99$' } }, publish: { field: { name: 'content.checkedLevel', pattern: '^0$' } } },
    ],
    [
      'GET saves: the state is in the query, and the rule names no method (rules name POST, PUT or PATCH)',
      req('GET', '/index.php?m=content&a=save&status=99&id=42'),
      req('GET', '/index.php?m=content&a=save&status=1&id=42'),
      { draft: { urlPattern: '^http:\\/\\/cms\\.test\\/index\\.php\\?(?=.*\\bm=content\\b)(?=.*\\ba=save\\b)', field: { name: 'status', pattern: '^99$' } }, publish: { field: { name: 'status', pattern: '^1$' } } },
    ],
    ['the same request twice: nothing tells them apart', req('POST', '/admin/save.php', { title: 'T', body: '正文' }), req('POST', '/admin/save.php', { title: 'T', body: '正文' }), null],
    [
      'only a token and a time differ: no rule',
      req('POST', '/admin/save.php', { title: 'T', _token: 'x8Gk2', t: '1733380000000', formhash: 'ab' }),
      req('POST', '/admin/save.php', { title: 'T', _token: 'Qp91z', t: '1733380004000', formhash: 'cd' }),
      null,
    ],
    [
      'only the content differs (typed between the two presses): no rule',
      req('POST', '/admin/save.php', { title: 'T', content: '第一稿' }),
      req('POST', '/admin/save.php', { title: 'T', content: '第一稿，又写了一句' }),
      null,
    ],
    [
      'a long id that differs is no state',
      req('POST', '/admin/save.php', { title: 'T', draftKey: 'k3j4h5g6f7' }),
      req('POST', '/admin/save.php', { title: 'T', draftKey: 'z9y8x7w6v5' }),
      null,
    ],
    [
      'EmpireCMS-like: one address, the action field says which',
      req('POST', '/e/admin/ecmsinfo.php', { enews: 'AddNewsDraft', title: 'T' }),
      req('POST', '/e/admin/ecmsinfo.php', { enews: 'AddNews', title: 'T' }),
      { draft: { field: { name: 'enews', pattern: '^AddNewsDraft$' } }, publish: { field: { name: 'enews', pattern: '^AddNews$' } } },
    ],
  ])('%s', (_what, draft, publish, want) => {
    const saves = draftSaveFromRequests(draft, publish);
    if (want === null) return expect(saves).toBeNull();
    expect(saves).toMatchObject(want);
    // valid rules, which the gate then reads as they were taught: the draft save a draft save, the publish a publish
    const adapter = { id: 'a', name: 'A', match: [`${U}/*`], editor: { kind: 'textarea' }, fields: {}, draftRequests: [saves!.draft], publishRequests: [saves!.publish, ...saves!.otherStates] };
    expect(siteAdapterSchema.safeParse(adapter).success).toBe(true);
    const gate = gatePolicyOf({ adapter });
    expect(gate.declaredDraftSave(draft.method, draft.url, decoded(draft.body))).toBe(true);
    expect(gate.declaredPublish(draft.method, draft.url, decoded(draft.body))).toBe(false);
    expect(gate.declaredPublish(publish.method, publish.url, decoded(publish.body))).toBe(true);
    expect(gate.declaredDraftSave(publish.method, publish.url, decoded(publish.body))).toBe(false);
  });

  it('a publish sent with the draft’s field as well is still a publish (the publish rule is read first)', () => {
    const saves = draftSaveFromRequests(req('POST', '/wp-admin/post.php', { ...WP, save: '保存草稿' }), req('POST', '/wp-admin/post.php', { ...WP, publish: '发布' }))!;
    const gate = gatePolicyOf({ adapter: { draftRequests: [saves.draft], publishRequests: [saves.publish] } });
    expect(gate.declaredPublish('POST', `${U}/wp-admin/post.php`, decoded({ ...WP, save: '保存草稿', publish: '发布' }))).toBe(true);
  });

  it('WordPress: a save=保存草稿 whose post_status says publish is a publish; the next draft save (original_post_status=draft) is still a draft save', () => {
    const wp = { ...WP, post_status: 'draft', hidden_post_status: 'draft', visibility: 'public' };
    const saves = draftSaveFromRequests(req('POST', '/wp-admin/post.php', { ...wp, save: '保存草稿' }), req('POST', '/wp-admin/post.php', { ...wp, publish: '发布' }))!;
    expect(saves.otherStates.map((r) => r.field?.name).sort()).toEqual(['hidden_post_status', 'original_post_status', 'post_status', 'visibility']);
    const gate = gatePolicyOf({ adapter: { draftRequests: [saves.draft], publishRequests: [saves.publish, ...saves.otherStates] } });
    const at = `${U}/wp-admin/post.php`;
    for (const live of ['publish', 'future', 'Publish', 'PUBLISHED', '发布', '已发布']) expect(gate.declaredPublish('POST', at, decoded({ ...wp, save: '保存草稿', post_status: live })), live).toBe(true);
    const next = decoded({ ...wp, save: '保存草稿', original_post_status: 'draft' });
    expect(gate.declaredPublish('POST', at, next)).toBe(false);
    expect(gate.declaredDraftSave('POST', at, next)).toBe(true);
    // the shown visibility is no state that says live: a private draft is still a draft save
    expect(gate.declaredPublish('POST', at, decoded({ ...wp, save: '保存草稿', visibility: 'private' }))).toBe(false);
  });

  it('emlog: the draft address with the publish’s blank ishide is a publish', () => {
    const saves = draftSaveFromRequests(
      req('POST', '/admin/article_save.php?action=autosave', { title: 'T', ishide: 'y' }),
      req('POST', '/admin/article_save.php?action=add', { title: 'T', ishide: '' }),
    )!;
    const gate = gatePolicyOf({ adapter: { draftRequests: [saves.draft], publishRequests: [saves.publish, ...saves.otherStates] } });
    const autosave = `${U}/admin/article_save.php?action=autosave`;
    expect(gate.declaredPublish('POST', autosave, decoded({ title: 'T', ishide: '' }))).toBe(true);
    expect(gate.declaredPublish('POST', autosave, decoded({ title: 'T', ishide: 'y' }))).toBe(false);
  });

  it('emlog: the autosave of a published article (ishide=n) is no declared draft save', () => {
    const saves = draftSaveFromRequests(
      req('POST', '/admin/article_save.php?action=autosave', { title: 'T', ishide: 'y' }),
      req('POST', '/admin/article_save.php?action=add', { title: 'T', ishide: '' }),
    )!;
    const gate = gatePolicyOf({ adapter: { draftRequests: [saves.draft], publishRequests: [saves.publish] } });
    expect(gate.declaredDraftSave('POST', `${U}/admin/article_save.php?action=autosave`, decoded({ title: 'T', ishide: 'n' }))).toBe(false);
  });

  it('the draft save is this origin and exactly this path: not another host, not a longer path', () => {
    const saves = draftSaveFromRequests(req('POST', '/api/article', { title: 'T', status: 'draft' }), req('POST', '/api/article/publish', { title: 'T' }))!;
    const gate = gatePolicyOf({ adapter: { draftRequests: [saves.draft], publishRequests: [saves.publish] } });
    const clean = decoded({ title: 'T', status: 'draft' });
    expect(gate.declaredDraftSave('POST', `${U}/api/article`, clean)).toBe(true);
    expect(gate.declaredDraftSave('POST', `${U}/api/article?x=1`, clean)).toBe(true);
    expect(gate.declaredDraftSave('POST', 'http://elsewhere.test/api/article', clean)).toBe(false);
    expect(gate.declaredDraftSave('POST', `${U}/api/article/audit`, clean)).toBe(false);
    expect(gate.declaredDraftSave('POST', `${U}/v2/api/article`, clean)).toBe(false);
  });

  it('an address that cannot be read gives no rule', () => {
    expect(draftSaveFromRequests({ method: 'POST', url: 'not a url', body: {} }, req('POST', '/x'))).toBeNull();
  });
});
