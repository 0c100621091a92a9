/** An adapter request rule's optional field condition, case by case (lib/policy/request-rule.ts). */
import { describe, expect, it } from 'vitest';
import { compileRequestRule, fieldValues, type RequestParts, type RequestRuleLike } from '../../lib/policy/request-rule';

const U = 'http://cms.test';
const ECMSINFO = '/e/admin/ecmsinfo\\.php(?:$|\\?)';
const ADD_EDIT: RequestRuleLike = { method: 'POST', urlPattern: ECMSINFO, field: { name: 'enews', pattern: '^(?:AddNews|EditNews)$' } };
const PUBLISH: RequestRuleLike = { method: 'POST', urlPattern: '/wp-admin/post\\.php', field: { name: 'publish' } };
const SAVE_NOT_DRAFT: RequestRuleLike = { method: 'POST', urlPattern: '/cmsContent/save(?:$|\\?)', field: { name: 'draft', absent: true } };
const req = (method: string, path: string, body?: Record<string, unknown>): RequestParts => ({ method, url: U + path, ...(body && { body }) });

describe('a request rule with a field condition', () => {
  it.each<[string, RequestRuleLike, RequestParts, boolean]>([
    ['enews=AddNews in the body', ADD_EDIT, req('POST', '/e/admin/ecmsinfo.php', { enews: 'AddNews', title: 't' }), true],
    ['enews=EditNews in the body', ADD_EDIT, req('POST', '/e/admin/ecmsinfo.php', { enews: 'EditNews' }), true],
    ['enews=DelNews_all (删除 on the list)', ADD_EDIT, req('POST', '/e/admin/ecmsinfo.php', { enews: 'DelNews_all', 'id[]': ['42'] }), false],
    ['enews=AddNewsX (the pattern is anchored)', ADD_EDIT, req('POST', '/e/admin/ecmsinfo.php', { enews: 'AddNewsX' }), false],
    ['no enews at all', ADD_EDIT, req('POST', '/e/admin/ecmsinfo.php', { title: 't' }), false],
    ['no body read (what a network rule sees)', ADD_EDIT, req('POST', '/e/admin/ecmsinfo.php'), false],
    ['enews in the query (EmpireCMS reads $_GET when the body has none)', ADD_EDIT, req('POST', '/e/admin/ecmsinfo.php?enews=AddNews', {}), true],
    ['enews twice, one of them a publish', ADD_EDIT, req('POST', '/e/admin/ecmsinfo.php', { enews: ['DelNews_all', 'EditNews'] }), true],
    ['the right field at another address', ADD_EDIT, req('POST', '/e/admin/other.php', { enews: 'AddNews' }), false],
    ['the right field by another method', ADD_EDIT, req('GET', '/e/admin/ecmsinfo.php?enews=AddNews'), false],
    ['a field without a pattern: sent with a value', PUBLISH, req('POST', '/wp-admin/post.php', { publish: '发布', post_title: 't' }), true],
    ['a field without a pattern: not sent (保存草稿 sends save)', PUBLISH, req('POST', '/wp-admin/post.php', { save: '保存草稿' }), false],
    ['a field without a pattern: sent blank', PUBLISH, req('POST', '/wp-admin/post.php', { publish: ' ' }), false],
    ['`^`: sent at all, a blank value too (emlog: isset($_POST[\'pubPost\']) publishes)', { urlPattern: '/article_save', field: { name: 'pubPost', pattern: '^' } }, req('POST', '/article_save.php', { pubPost: '' }), true],
    ['`^`: not sent at all', { urlPattern: '/article_save', field: { name: 'pubPost', pattern: '^' } }, req('POST', '/article_save.php', { title: 't' }), false],
    ['a JSON number', { urlPattern: '/api/article', field: { name: 'data.status', pattern: '^1$' } }, req('POST', '/api/article', { 'data.status': 1 }), true],
    ['a pattern that does not compile never matches', { urlPattern: ECMSINFO, field: { name: 'enews', pattern: '(' } }, req('POST', '/e/admin/ecmsinfo.php', { enews: 'AddNews' }), false],
    ['absent: a save without draft (PublicCMS publish)', SAVE_NOT_DRAFT, req('POST', '/admin/cmsContent/save', { title: 't', checked: 'on' }), true],
    ['absent: a save with draft=on (PublicCMS 草稿) is not it', SAVE_NOT_DRAFT, req('POST', '/admin/cmsContent/save', { title: 't', draft: 'on' }), false],
    ['absent: draft in the query counts as sent', SAVE_NOT_DRAFT, req('POST', '/admin/cmsContent/save?draft=on', { title: 't' }), false],
    ['absent: a blank draft is not sent', SAVE_NOT_DRAFT, req('POST', '/admin/cmsContent/save', { draft: '' }), true],
    ['a rule without a field condition ignores the body', { method: 'POST', urlPattern: ECMSINFO }, req('POST', '/e/admin/ecmsinfo.php', { enews: 'DelNews_all' }), true],
  ])('%s', (_what, rule, request, want) => {
    expect(compileRequestRule(rule)(request)).toBe(want);
  });
});

describe('a draft rule takes every value, a publish rule any', () => {
  const DRAFT: RequestRuleLike = { method: 'POST', urlPattern: '/article_save\\.php\\?action=autosave', field: { name: 'ishide', pattern: '^y$' } };
  const autosave = (body: Record<string, unknown>) => req('POST', '/admin/article_save.php?action=autosave', body);
  it.each<[string, RequestParts, boolean, boolean]>([
    ['one value, a draft', autosave({ ishide: 'y' }), true, true],
    ['twice, y then n (PHP keeps n: public)', autosave({ ishide: ['y', 'n'] }), true, false],
    ['y in the body, n in the query', req('POST', '/admin/article_save.php?action=autosave&ishide=n', { ishide: 'y' }), true, false],
    ['twice, both y', autosave({ ishide: ['y', 'y'] }), true, true],
    ['not sent', autosave({ title: 't' }), false, false],
    ['y and a blank one (PHP keeps the blank: not hidden)', autosave({ ishide: ['y', ''] }), true, false],
  ])('%s', (_what, request, some, every) => {
    expect(compileRequestRule(DRAFT, { quantifier: 'some' })(request)).toBe(some);
    expect(compileRequestRule(DRAFT, { quantifier: 'every' })(request)).toBe(every);
  });
});

describe('fieldValues', () => {
  it('reads the body first, then the query, blank values too', () => {
    expect(fieldValues({ url: `${U}/x.php?enews=B&enews=`, body: { enews: ['A', ''] } }, 'enews')).toEqual(['A', '', 'B', '']);
    expect(fieldValues({ url: 'not a url', body: {} }, 'enews')).toEqual([]);
  });
});
