/**
 * The adapter's rules as the page gate asks them (lib/gate/adapter-rules.ts): a field condition is read
 * from the request's decoded body however it was sent, and a rule with one is no network block.
 */
import { describe, expect, it } from 'vitest';
import { gatePolicyOf } from '../../lib/gate/adapter-rules';
import { decodeOutgoing } from '../../lib/gate/decode';
import type { Outgoing, RawBody } from '../../lib/gate/types';
import { judge } from '../../lib/gate/verdict';
import { adapterFor, shippedAdapter } from '../../lib/policy/adapters';
import { gateContext } from './gate-context';

const ORIGIN = 'https://cms.example.gov.cn';
const ECMSINFO = `${ORIGIN}/e/admin/ecmsinfo.php`;
const POST_PHP = `${ORIGIN}/wp-admin/post.php`;
const policyOf = (cms: string) => gatePolicyOf({ adapter: adapterFor(shippedAdapter(cms)!, ORIGIN) });
const request = (url: string, body: RawBody, method = 'POST'): Outgoing => ({ route: 'form', method, url, body });
const entries = (fields: [string, string][]): RawBody => ({ kind: 'entries', entries: fields });
const BOUNDARY = '----b';
const multipart = (fields: [string, string][]): RawBody => ({
  kind: 'text',
  contentType: `multipart/form-data; boundary=${BOUNDARY}`,
  text: fields.map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${BOUNDARY}--\r\n`,
});

/** What the page gate's policy says of one request, read from its decoded body. */
function ask(cms: string, o: Outgoing) {
  const gate = policyOf(cms);
  const d = decodeOutgoing(o);
  return { publish: gate.declaredPublish(o.method, o.url, d), draft: gate.declaredDraftSave(o.method, o.url, d), ids: gate.listIds(o.method, o.url, d) };
}
type Said = ReturnType<typeof ask>;
const wpForm = (fields: [string, string][]) => request(POST_PHP, entries([['action', 'editpost'], ['post_title', 't'], ...fields]));
const said = (publish: boolean, ids: string[] | null = null, draft = false): Said => ({ publish, draft, ids });

describe('one address, the action in a field: EmpireCMS (enews to ecmsinfo.php), WordPress (publish / save to post.php)', () => {
  it.each<[string, string, Outgoing, Said]>([
    ['empirecms', '增加信息 (multipart, enews=AddNews)', request(ECMSINFO, multipart([['enews', 'AddNews'], ['title', 't']])), said(true)],
    ['empirecms', '修改信息 (form entries, enews=EditNews)', request(ECMSINFO, entries([['enews', 'EditNews'], ['id', '42']])), said(true)],
    ['empirecms', '审核 on the list (enews=CheckNews_all, id[])', request(ECMSINFO, entries([['enews', 'CheckNews_all'], ['id[]', '42'], ['id[]', '43']])), said(true, ['42', '43'])],
    ['empirecms', '审核 sent urlencoded by a script', request(ECMSINFO, { kind: 'text', contentType: 'application/x-www-form-urlencoded', text: 'enews=CheckNews_all&id%5B%5D=44' }), said(true, ['44'])],
    ['empirecms', '审核栏目全部信息 (GET link, enews in the query)', request(`${ECMSINFO}?bclassid=1&classid=2&enews=SetAllCheckInfo`, { kind: 'none' }, 'GET'), said(true, [])],
    ['empirecms', '删除 on the list (enews=DelNews_all)', request(ECMSINFO, entries([['enews', 'DelNews_all'], ['id[]', '42']])), said(false)],
    ['empirecms', '推荐 on the list (enews=GoodInfo_all)', request(ECMSINFO, entries([['enews', 'GoodInfo_all'], ['id[]', '42'], ['isgood', '1']])), said(false)],
    ['empirecms', 'a JSON body naming the action', request(ECMSINFO, { kind: 'text', contentType: 'application/json', text: '{"enews":"CheckNews_all","id[]":"42"}' }), said(true, ['42'])],
    ['wordpress', '发布 (publish=发布; the draft rule matches too, the publish outweighs it)', wpForm([['original_post_status', 'auto-draft'], ['publish', '发布']]), said(true, null, true)],
    ['wordpress', '保存草稿 of a new post (save, original_post_status=auto-draft)', wpForm([['original_post_status', 'auto-draft'], ['save', '保存草稿']]), said(false, null, true)],
    ['wordpress', '更新 of a live post (save, original_post_status=publish)', wpForm([['original_post_status', 'publish'], ['save', '更新']]), said(false)],
  ])('%s: %s', (cms, _what, o, want) => {
    expect(ask(cms, o)).toEqual(want);
  });

  it('holds none of them in the browser’s network rules: each needs the body', () => {
    expect(policyOf('empirecms').networkBlocked('POST', ECMSINFO)).toBe(false);
    expect(policyOf('wordpress').networkBlocked('POST', POST_PHP)).toBe(false);
  });
});

it('a rule without a field condition is still the network’s to block', () => {
  const gate = policyOf('phpcms');
  expect(gate.networkBlocked('POST', `${ORIGIN}/index.php?m=content&c=content&a=add`)).toBe(true);
});

describe('the verdict with the shipped adapters', () => {
  const DRAFT = '关于2026年第四季度城乡低保资金发放情况的公示。全县共发放低保资金一百二十万元，惠及困难群众三千余人，现予公示，接受社会监督。';
  const verdict = (cms: string, o: Outgoing, draft: string | null, signed: string[] = []) => {
    const v = judge(o, { ...gateContext(draft ?? ''), ...(draft === null && { draft: null }), ...policyOf(cms), signedItems: new Set(signed) });
    return `${v.pass ? 'pass' : 'refuse'}:${v.reason}${!v.pass && v.items ? ` ${v.items.join()}` : ''}`;
  };
  const EMLOG_AUTOSAVE = `${ORIGIN}/admin/article_save.php?action=autosave`;
  const post = (url: string, fields: [string, string][]): Outgoing => ({ ...request(url, { kind: 'text', contentType: 'application/x-www-form-urlencoded; charset=UTF-8', text: new URLSearchParams(fields).toString() }), route: 'xhr' });
  const list = (enews: string, ids: string[], control: string): Outgoing => ({ ...request(ECMSINFO, entries([['enews', enews], ...ids.map((id): [string, string] => ['id[]', id])])), control });

  it.each<[string, string, Outgoing, string | null, string[], string]>([
    ['EmpireCMS 删除 of unsigned items reaches the CMS', 'empirecms', list('DelNews_all', ['42', '43'], '删除'), null, [], 'pass:clean'],
    ['ThinkCMF 取消发布 of unsigned items reaches the CMS (the adapter names it a withdrawal)', 'thinkcmf', { ...post(`${ORIGIN}/portal/admin_article/publish/no/1.html`, [['ids[]', '43']]), control: '取消发布', ticked: ['43'] }, null, [], 'pass:clean'],
    ['ThinkCMF 发布 of an unsigned item is refused', 'thinkcmf', { ...post(`${ORIGIN}/portal/admin_article/publish/yes/1.html`, [['ids[]', '43']]), control: '发布', ticked: ['43'] }, null, [], 'refuse:unsigned-items 43'],
    ['ThinkCMF: a publish address naming the withdrawal in its query is still a publish', 'thinkcmf', { ...post(`${ORIGIN}/portal/admin_article/publish/yes/1.html?x=/portal/admin_article/publish/no/1`, [['ids[]', '43']]), control: '发布', ticked: ['43'] }, null, [], 'refuse:unsigned-items 43'],
    ['ThinkCMF: another publish word address is no withdrawal because the adapter declares one', 'thinkcmf', { ...post(`${ORIGIN}/portal/admin_article/publish_all.html?x=portal/admin_article/publish/no/1`, [['ids[]', '43']]), ticked: ['43'] }, null, [], 'refuse:unsigned-items 43'],
    ['EmpireCMS 推荐 of unsigned items reaches the CMS', 'empirecms', list('GoodInfo_all', ['42'], '推荐'), null, [], 'pass:clean'],
    ['EmpireCMS 审核 of an unsigned item is refused, naming it', 'empirecms', list('CheckNews_all', ['42', '43'], '审核'), null, ['42'], 'refuse:unsigned-items 43'],
    ['EmpireCMS 审核 of signed items passes', 'empirecms', list('CheckNews_all', ['42', '43'], '审核'), null, ['42', '43'], 'pass:signed-items'],
    ['EmpireCMS 审核栏目全部信息 (every item of the 栏目, named by none) is refused', 'empirecms', { route: 'link', method: 'GET', url: `${ECMSINFO}?bclassid=1&classid=2&ecmscheck=1&enews=SetAllCheckInfo`, body: { kind: 'none' } }, null, ['42'], 'refuse:no-item-ids'],
    ['WordPress 保存草稿 of a clean draft (label unknown: Enter in the title)', 'wordpress', { ...request(POST_PHP, entries([['original_post_status', 'draft'], ['save', '保存草稿'], ['content', DRAFT]])), control: '' }, DRAFT, [], 'pass:draft-save'],
    ['WordPress 发布 of the draft needs a sign-off', 'wordpress', { ...request(POST_PHP, entries([['original_post_status', 'draft'], ['publish', '发布'], ['content', DRAFT]])), control: '发布' }, DRAFT, [], 'refuse:needs-signoff'],
    ['WordPress: publish sent beside save still publishes (a declared publish outweighs a draft save)', 'wordpress', { ...request(POST_PHP, entries([['original_post_status', 'draft'], ['save', '保存草稿'], ['publish', '发布'], ['content', DRAFT]])), control: '保存草稿' }, DRAFT, [], 'refuse:needs-signoff'],
    ['emlog 保存草稿 of a new article (ishide=y) is a draft save', 'emlog', { ...post(EMLOG_AUTOSAVE, [['ishide', 'y'], ['content', DRAFT]]), control: '保存草稿' }, DRAFT, [], 'pass:draft-save'],
    ['emlog timed autosave of a new article (ishide=y) is a draft save', 'emlog', post(EMLOG_AUTOSAVE, [['ishide', 'y'], ['content', DRAFT]]), DRAFT, [], 'pass:draft-save'],
    ['emlog autosave of a published article (ishide=n) updates it live: held, quietly (no control)', 'emlog', post(EMLOG_AUTOSAVE, [['ishide', 'n'], ['content', DRAFT]]), DRAFT, [], 'refuse:draft-save-unsigned'],
    ['emlog autosave without ishide is no declared draft save', 'emlog', post(EMLOG_AUTOSAVE, [['content', DRAFT]]), DRAFT, [], 'refuse:draft-save-unsigned'],
    ['emlog autosave sending ishide twice (y, then n: PHP keeps n) is no draft save', 'emlog', post(EMLOG_AUTOSAVE, [['ishide', 'y'], ['ishide', 'n'], ['content', DRAFT]]), DRAFT, [], 'refuse:draft-save-unsigned'],
    ['emlog autosave with pubPost (public whatever ishide says) is a publish', 'emlog', post(EMLOG_AUTOSAVE, [['ishide', 'y'], ['pubPost', '1'], ['content', DRAFT]]), DRAFT, [], 'refuse:needs-signoff'],
    ['emlog autosave with pubPost sent blank (isset() takes it) is a publish', 'emlog', post(EMLOG_AUTOSAVE, [['ishide', 'y'], ['pubPost', ''], ['content', DRAFT]]), DRAFT, [], 'refuse:needs-signoff'],
    ['emlog autosave sending ishide y and blank (PHP keeps the blank) is no draft save', 'emlog', post(EMLOG_AUTOSAVE, [['ishide', 'y'], ['ishide', ''], ['content', DRAFT]]), DRAFT, [], 'refuse:draft-save-unsigned'],
    ['WordPress heartbeat autosave (wp_autosave: the draft, or a revision of a live post)', 'wordpress', post(`${ORIGIN}/wp-admin/admin-ajax.php`, [['data[wp_autosave][post_id]', '42'], ['data[wp_autosave][post_title]', '公示'], ['data[wp_autosave][content]', DRAFT], ['interval', '60'], ['action', 'heartbeat'], ['screen_id', 'post']]), DRAFT, [], 'pass:draft-save'],
    ['WordPress heartbeat autosave holding an ID is refused', 'wordpress', post(`${ORIGIN}/wp-admin/admin-ajax.php`, [['data[wp_autosave][post_id]', '42'], ['data[wp_autosave][content]', `${DRAFT}身份证号11010519491231002X`], ['action', 'heartbeat']]), DRAFT, [], 'refuse:draft-save-block'],
    ['WordPress heartbeat autosave with publish in it (edit_post publishes the draft) is a publish', 'wordpress', post(`${ORIGIN}/wp-admin/admin-ajax.php`, [['data[wp_autosave][post_id]', '42'], ['data[wp_autosave][content]', DRAFT], ['data[wp_autosave][publish]', '发布'], ['action', 'heartbeat']]), DRAFT, [], 'refuse:needs-signoff'],
    ['WordPress heartbeat autosave with post_status=publish is a publish', 'wordpress', post(`${ORIGIN}/wp-admin/admin-ajax.php`, [['data[wp_autosave][post_id]', '42'], ['data[wp_autosave][content]', DRAFT], ['data[wp_autosave][post_status]', 'publish'], ['action', 'heartbeat']]), DRAFT, [], 'refuse:needs-signoff'],
    ['WordPress 保存草稿 of a draft with post_status=publish publishes: held', 'wordpress', { ...request(POST_PHP, entries([['original_post_status', 'draft'], ['save', '保存草稿'], ['post_status', 'publish'], ['content', DRAFT]])), control: '保存草稿' }, DRAFT, [], 'refuse:needs-signoff'],
    ['WordPress 保存草稿 with post_status=pending stays a draft save', 'wordpress', { ...request(POST_PHP, entries([['original_post_status', 'draft'], ['save', '保存草稿'], ['post_status', 'pending'], ['content', DRAFT]])), control: '保存草稿' }, DRAFT, [], 'pass:draft-save'],
    ['WordPress: original_post_status sent twice (draft, publish) is no draft save', 'wordpress', { ...request(POST_PHP, entries([['original_post_status', 'draft'], ['original_post_status', 'publish'], ['save', '更新'], ['content', DRAFT]])), control: '更新' }, DRAFT, [], 'refuse:needs-signoff'],
    ['WordPress: another admin-ajax call carrying the draft is no autosave', 'wordpress', post(`${ORIGIN}/wp-admin/admin-ajax.php`, [['action', 'sample-permalink'], ['new_title', DRAFT]]), DRAFT, [], 'refuse:needs-signoff'],
    ['WordPress 更新 of a live post is no draft save', 'wordpress', { ...request(POST_PHP, entries([['original_post_status', 'publish'], ['save', '更新'], ['content', DRAFT]])), control: '更新' }, DRAFT, [], 'refuse:needs-signoff'],
  ])('%s', (_what, cms, o, draft, signed, want) => {
    expect(verdict(cms, o, draft, signed)).toBe(want);
  });
});

describe('list publishes spelled otherwise than the CMS spells them, which its router reads alike (the seventeenth probe)', () => {
  const form = (fields: [string, string][]): RawBody => ({ kind: 'text', contentType: 'application/x-www-form-urlencoded', text: new URLSearchParams(fields).toString() });
  const PHPCMS = `${ORIGIN}/index.php`;
  const DEDE = `${ORIGIN}/dede/archives_do.php`;
  const PBOOT = `${ORIGIN}/admin.php`;
  const CHECK = `${ORIGIN}/admin/cmsContent/check`;
  it.each<[string, string, Outgoing, Said]>([
    ['phpcms', '审核通过 as the list sends it', request(`${PHPCMS}?m=content&c=content&a=pass&catid=6&steps=1`, form([['ids[]', '43']])), said(true, ['43'])],
    ['phpcms', 'a= before c=', request(`${PHPCMS}?m=content&a=pass&c=content&catid=6`, form([['ids[]', '43']])), said(true, ['43'])],
    ['phpcms', 'a=pass in the body', request(`${PHPCMS}?m=content&c=content&catid=6&steps=1`, form([['a', 'pass'], ['ids[]', '43']])), said(true, ['43'])],
    ['phpcms', 'another module passing (a=pass, c=member_verify) is not the content list', request(`${PHPCMS}?m=member&c=member_verify&a=pass`, form([['userid[]', '7']])), said(false, null)],
    ['dedecms', '审核 as the list sends it', request(`${DEDE}?aid=43&dopost=checkArchives&qstr=43`, { kind: 'none' }, 'GET'), said(true, ['43'])],
    ['dedecms', 'dopost and qstr in a POST body', request(DEDE, form([['dopost', 'checkArchives'], ['aid', '43'], ['qstr', '43']])), said(true, ['43'])],
    ['dedecms', 'dopost percent-encoded', request(`${DEDE}?aid=43&dopost=checkArchive%73&qstr=43`, { kind: 'none' }, 'GET'), said(true, ['43'])],
    ['pbootcms', '点击开启 as the list sends it', request(`${PBOOT}?p=/Content/mod/id/43/field/status/value/1`, { kind: 'none' }, 'GET'), said(true, ['43'])],
    ['pbootcms', 'the address percent-encoded', request(`${PBOOT}?p=%2FContent%2Fmod%2Fid%2F43%2Ffield%2Fstatus%2Fvalue%2F1`, { kind: 'none' }, 'GET'), said(true, ['43'])],
    ['pbootcms', 'the pairs in another order', request(`${PBOOT}?p=/Content/mod/id/43/value/1/field/status`, { kind: 'none' }, 'GET'), said(true, ['43'])],
    ['pbootcms', 'id last, without a slash after it', request(`${PBOOT}?p=/Content/mod/value/1/field/status/id/43`, { kind: 'none' }, 'GET'), said(true, ['43'])],
    ['pbootcms', 'a letter of mod percent-encoded', request(`${PBOOT}?p=/Content/m%6Fd/id/43/field/status/value/1`, { kind: 'none' }, 'GET'), said(true, ['43'])],
    // held as a publish naming no id the rule can read: refused as 'no-item-ids' (fail closed)
    ['pbootcms', 'id, field and value as query parameters', request(`${PBOOT}?p=/Content/mod&id=43&field=status&value=1`, { kind: 'none' }, 'GET'), said(true, [])],
    ['pbootcms', '点击关闭 (value 0) is no publish', request(`${PBOOT}?p=/Content/mod/id/43/value/0/field/status`, { kind: 'none' }, 'GET'), said(false, null)],
    ['publiccms', '审核 as the list sends it', request(`${CHECK}?ids=43`, { kind: 'none' }), said(true, ['43'])],
    ['publiccms', 'a ;jsessionid path parameter', request(`${CHECK};jsessionid=p17?ids=43`, { kind: 'none' }), said(true, ['43'])],
  ])('%s: %s', (cms, _label, o, expected) => {
    expect(ask(cms, o)).toEqual(expected);
  });
});
