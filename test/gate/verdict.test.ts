import { createCipheriv, randomBytes } from 'node:crypto';
import { seededBytes } from './seeded-bytes';
import { describe, expect, it } from 'vitest';
import { fingerprintDraft } from '../../lib/gate/draft-match';
import { gateContext } from './gate-context';
import { issueTicket } from '../../lib/gate/ticket';
import type { Outgoing, RawBody } from '../../lib/gate/types';
import { judge, type FileState, type GateContext } from '../../lib/gate/verdict';
import { scan } from '../../lib/scan/engine';
import { rules } from '../../rules';

const ID = '11010519491231002X';
const DRAFT = '关于2026年第四季度城乡低保资金发放情况的公示。全县共发放低保资金一百二十万元，惠及困难群众三千余人，现予公示，接受社会监督。';

function ctx(over: Partial<GateContext> = {}): GateContext {
  return gateContext(DRAFT, over);
}
const form = (fields: Record<string, string>, url = 'http://cms.test/admin/save.do', control?: string): Outgoing => ({
  route: 'form',
  method: 'POST',
  url,
  control,
  body: { kind: 'entries', entries: Object.entries(fields) },
});
const get = (url: string, control?: string): Outgoing => ({ route: 'fetch', method: 'GET', url, control, body: { kind: 'none' } });
const post = (url: string, body: RawBody, control?: string): Outgoing => ({ route: 'xhr', method: 'POST', url, body, control });
const pieces = (s: string, n: number) => Array.from({ length: Math.ceil(s.length / n) }, (_, i) => s.slice(i * n, (i + 1) * n));

describe('judge', () => {
  const cases: [string, Outgoing, Partial<GateContext>, string][] = [
    // Content decides.
    ['a page load', get('http://cms.test/admin/list.do'), {}, 'pass:no-text'],
    ['a list load', get('http://cms.test/admin/list.do?page=2&catid=6'), {}, 'pass:clean'],
    ['a search', get('http://cms.test/admin/search?kw=低保'), {}, 'pass:clean'],
    ['an ID in any request', get(`http://cms.test/x?q=${ID}`), {}, 'refuse:block-finding'],
    ['the draft to 保存 (no publish word)', form({ title: '公示', content: `<p>${DRAFT}</p>` }, 'http://cms.test/admin/save.do', '保存'), {}, 'refuse:needs-signoff'],
    ['the draft by PUT to /api/articles/42', { ...post('http://cms.test/api/articles/42', { kind: 'text', text: JSON.stringify({ body: DRAFT }) }), method: 'PUT' }, {}, 'refuse:needs-signoff'],
    ['the draft with an unlabelled image submit', form({ content: DRAFT, x: '3', y: '4' }, 'http://cms.test/dede/article_add.php', ''), {}, 'refuse:needs-signoff'],
    // Draft saves: only the site adapter declares one; a 草稿 label or an autosave URL lets nothing through.
    ['a clean draft by 保存草稿 (undeclared)', form({ content: DRAFT }, 'http://cms.test/admin/save.do', '保存草稿'), {}, 'refuse:draft-save-unsigned'],
    ['a clean autosave (undeclared)', post('http://cms.test/article/autosave', { kind: 'text', text: `content=${encodeURIComponent(DRAFT)}` }), {}, 'refuse:draft-save-unsigned'],
    ['a clean draft to a /drafts/ URL (undeclared)', { ...post('http://cms.test/api/drafts/42', { kind: 'text', text: JSON.stringify({ body: DRAFT }) }), method: 'PUT' }, {}, 'refuse:draft-save-unsigned'],
    ['an adapter-declared draft save', form({ content: DRAFT }, 'http://cms.test/wcm/doc_save.do'), { declaredDraftSave: () => true }, 'pass:draft-save'],
    ['an adapter-declared draft save under a 保存草稿 label', form({ content: DRAFT }, 'http://cms.test/wcm/doc_save.do', '保存草稿'), { declaredDraftSave: () => true }, 'pass:draft-save'],
    ['a draft save with an ID', form({ content: `${DRAFT}${ID}` }, 'http://cms.test/admin/save.do', '保存草稿'), {}, 'refuse:draft-save-block'],
    ['a draft save with an ID, drafts allowed, undeclared', form({ content: `${DRAFT}${ID}` }, 'http://cms.test/admin/save.do', '保存草稿'), { draftSaves: 'allow' }, 'refuse:draft-save-block'],
    ['a declared draft save with an ID, drafts allowed', form({ content: `${DRAFT}${ID}` }, 'http://cms.test/admin/save.do'), { draftSaves: 'allow', declaredDraftSave: () => true }, 'pass:draft-save'],
    ['a declared draft save with an ID, drafts scanned', form({ content: `${DRAFT}${ID}` }, 'http://cms.test/admin/save.do'), { declaredDraftSave: () => true }, 'refuse:draft-save-block'],
    // A publish word in the URL outweighs a draft word: /api/drafts/42/publish publishes the draft.
    ['the draft to /api/drafts/42/publish', post('http://cms.test/api/drafts/42/publish', { kind: 'text', text: JSON.stringify({ content: DRAFT }) }), {}, 'refuse:needs-signoff'],
    ['保存草稿 whose request goes to a publish URL', form({ content: DRAFT }, 'http://cms.test/article/publish.do', '保存草稿'), {}, 'refuse:needs-signoff'],
    ['an ID to /api/drafts/42/publish, drafts allowed', post('http://cms.test/api/drafts/42/publish', { kind: 'text', text: JSON.stringify({ content: `${DRAFT}${ID}` }) }), { draftSaves: 'allow' }, 'refuse:block-finding'],
    // The release ticket.
    [
      'the signed draft',
      form({ content: `<p>${DRAFT}</p>` }),
      { ticket: issueTicket({ digest: 'd', body: DRAFT, fields: [] }, 1000, 5000) },
      'pass:ticket',
    ],
    [
      'an edited draft after sign-off',
      form({ content: `<p>${DRAFT}补充说明。</p>` }),
      { ticket: issueTicket({ digest: 'd', body: DRAFT, fields: [] }, 1000, 5000) },
      'refuse:needs-signoff',
    ],
    [
      'the signed draft with an ID added in source mode',
      form({ content: `<p>${DRAFT}</p><!-- ${ID} -->` }),
      { ticket: issueTicket({ digest: 'd', body: DRAFT, fields: [] }, 1000, 5000) },
      'refuse:block-finding',
    ],
    // A CMS behind a firewall sends the article as base64: read as the text it is.
    ['the draft in base64 (btoa of the percent-encoded HTML)', form({ content: btoa(encodeURIComponent(`<p>${DRAFT}</p>`)) }, 'http://cms.test/admin/save.do', '保存'), {}, 'refuse:needs-signoff'],
    ['an ID in base64', post('http://cms.test/api/x', { kind: 'text', text: JSON.stringify({ c: Buffer.from(`身份证 ${ID}`).toString('base64') }) }), {}, 'refuse:block-finding'],
    [
      'the signed draft in base64',
      form({ content: btoa(encodeURIComponent(`<p>${DRAFT}</p>`)) }),
      { ticket: issueTicket({ digest: 'd', body: DRAFT, fields: [] }, 1000, 5000) },
      'pass:ticket',
    ],
    [
      'the signed draft in base64, edited',
      form({ content: btoa(encodeURIComponent(`<p>${DRAFT}补充说明。</p>`)) }),
      { ticket: issueTicket({ digest: 'd', body: DRAFT, fields: [] }, 1000, 5000) },
      'refuse:needs-signoff',
    ],
    // An older CMS script writes its body with escape(): Chinese as %uXXXX.
    ['the draft written with escape()', post('http://cms.test/admin/save.asp', { kind: 'text', text: `content=${escape(`<p>${DRAFT}</p>`)}` }), {}, 'refuse:needs-signoff'],
    ['an ID right after Chinese, written with escape()', post('http://cms.test/admin/save.asp', { kind: 'text', text: `content=${escape(`身份证${ID}`)}` }), {}, 'refuse:block-finding'],
    [
      'the signed draft written with escape()',
      post('http://cms.test/admin/save.asp', { kind: 'text', text: `content=${escape(`<p>${DRAFT}</p>`)}` }),
      { ticket: issueTicket({ digest: 'd', body: DRAFT, fields: [] }, 1000, 5000) },
      'pass:ticket',
    ],
    [
      'the signed draft and its signed title, both written with escape()',
      post('http://cms.test/admin/save.asp', { kind: 'text', text: `title=${escape('低保公示')}&content=${escape(`<p>${DRAFT}</p>`)}` }),
      { ticket: issueTicket({ digest: 'd', body: DRAFT, fields: [{ name: 'title', value: '低保公示' }] }, 1000, 5000) },
      'pass:ticket',
    ],
    [
      'the signed draft with its title changed, in base64',
      form({ title: btoa(encodeURIComponent('另一个标题')), content: btoa(encodeURIComponent(`<p>${DRAFT}</p>`)) }),
      { ticket: issueTicket({ digest: 'd', body: DRAFT, fields: [{ name: 'title', value: '低保公示' }] }, 1000, 5000) },
      'refuse:needs-signoff',
    ],
    // An editor set to write every non-ASCII character as a numeric reference (CKEditor's entities_processNumerical).
    ['the draft as numeric character references, no tag around it', post('http://cms.test/api/save', { kind: 'text', text: `content=${encodeURIComponent(DRAFT.replace(/[\u4e00-\u9fa5]/g, (c) => `&#${c.charCodeAt(0)};`))}` }), {}, 'refuse:needs-signoff'],
    // ASP CMSes split long content over fields of one form (分段提交: content1, content2, …; ASP's form limit).
    ['the draft in 分段提交 fields of 100 characters', form(Object.fromEntries(pieces(DRAFT.repeat(3), 100).map((p, i) => [`content${i + 1}`, p]))), {}, 'refuse:needs-signoff'],
    [
      'an ID split between two 分段提交 fields, after the clean draft was signed',
      form(Object.fromEntries(pieces(`${DRAFT.slice(0, 90)}身份证号${ID}${DRAFT.slice(90)}`, 100).map((p, i) => [`content${i + 1}`, p]))),
      { ticket: issueTicket({ digest: 'd', body: DRAFT, fields: [] }, 1000, 5000) },
      // The fields are read one per line, and a number a line break splits is joined (lib/scan/wraps.ts).
      'refuse:block-finding',
    ],
    // Java CMSes encode a field twice (encodeURI(encodeURI(…))) for servlet containers.
    ['the draft encoded twice in the query', get(`http://cms.test/cms/save.do?content=${encodeURIComponent(encodeURIComponent(`<p>${DRAFT}</p>`))}`), {}, 'refuse:needs-signoff'],
    ['an ID right after Chinese, encoded twice', get(`http://cms.test/cms/save.do?c=${encodeURIComponent(encodeURIComponent(`身份证${ID}`))}`), {}, 'refuse:block-finding'],
    [
      'the signed draft and title, encoded twice',
      post('http://cms.test/cms/save.do', { kind: 'text', text: `title=${encodeURIComponent(encodeURIComponent('低保公示'))}&content=${encodeURIComponent(encodeURIComponent(`<p>${DRAFT}</p>`))}` }),
      { ticket: issueTicket({ digest: 'd', body: DRAFT, fields: [{ name: 'title', value: '低保公示' }] }, 1000, 5000) },
      'pass:ticket',
    ],
    // List-page publish: names hold, content and sign-offs release.
    ['publish.do?id=42, unsigned', get('http://cms.test/publish.do?id=42'), {}, 'refuse:unsigned-items'],
    ['publish.do?id=42, signed', get('http://cms.test/publish.do?id=42'), { signedItems: new Set(['42']) }, 'pass:signed-items'],
    ['审核通过 of ticked rows', post('http://cms.test/admin/batch.do', { kind: 'text', text: 'ids=3,5' }, '审核通过'), { signedItems: new Set(['3']) }, 'refuse:unsigned-items'],
    // Ticked rows: a request that changes something acts on them all, a GET only on those it names.
    ['a stylesheet GET while 发布 is pressed on a page with a ticked box', get('http://cms.test/ckeditor/contents.css?t=H7', '发布'), { ticked: () => ['1'] }, 'pass:clean'],
    ['a GET to a publish URL naming ticked rows under its own name', get('http://cms.test/admin/do.php?act=publish&sel=3,5'), { ticked: () => ['3', '5'], signedItems: new Set(['3']) }, 'refuse:unsigned-items'],
    ['a GET to a publish URL naming signed ticked rows', get('http://cms.test/admin/do.php?act=publish&sel=3,5'), { ticked: () => ['3', '5'], signedItems: new Set(['3', '5']) }, 'pass:signed-items'],
    ['a 发布 POST naming none of the ticked rows', post('http://cms.test/admin/batch.do', { kind: 'text', text: 'act=1' }, '发布'), { draft: null, ticked: () => ['3'] }, 'refuse:unsigned-items'],
    ['a declared publish GET naming none of the ticked rows', get('http://cms.test/admin/batch.do?act=pub'), { draft: null, ticked: () => ['3'], declaredPublish: () => true }, 'refuse:unsigned-items'],
    ['a publish POST naming no item', post('http://cms.test/admin/publish', { kind: 'text', text: 'status=1' }), { draft: null }, 'refuse:no-item-ids'],
    ['a GET page whose URL says audit', get('http://cms.test/admin/audit_log?page=2'), {}, 'pass:clean'],
    // Files and bodies the hooks could not read.
    ['a file with IDs', { ...form({}, 'http://cms.test/upload'), body: { kind: 'entries', entries: [['f', { name: 'f', filename: '名单.xlsx', type: '', size: 9 }]] } }, { file: (): FileState => ({ state: 'findings', findings: scan(ID, { rules }) }) }, 'refuse:file-block'],
    ['a stream body', post('http://cms.test/api/x', { kind: 'opaque', what: 'ReadableStream' }), {}, 'refuse:opaque-body'],
    // A file's name and type leave in its part's header: read for findings, but no copy of the draft
    // (a file dropped into an empty editor leaves a link whose text is its name).
    ['an ID in a file’s name', { ...form({}, 'http://cms.test/upload'), body: { kind: 'entries', entries: [['f', { name: 'f', filename: `王丽${ID}.txt`, type: '', size: 9 }]] } }, { file: (): FileState => ({ state: 'clean' }) }, 'refuse:block-finding'],
    ['an ID in a Blob’s type', { ...form({}, 'http://cms.test/upload'), body: { kind: 'entries', entries: [['(blob)', { name: '(blob)', filename: '', type: `text/plain;x=${ID}`, size: 9 }]] } }, { file: (): FileState => ({ state: 'clean' }) }, 'refuse:block-finding'],
    ['a clean file named as the whole draft', { ...form({}, 'http://cms.test/upload'), body: { kind: 'entries', entries: [['f', { name: 'f', filename: DRAFT, type: '', size: 9 }]] } }, { file: (): FileState => ({ state: 'clean' }) }, 'pass:clean'],
  ];
  it.each(cases.map(([name, o, over, want]) => ({ name, o, over, want })))('$name → $want', ({ o, over, want }) => {
    const v = judge(o, ctx(over));
    expect(`${v.pass ? 'pass' : 'refuse'}:${v.reason}`).toBe(want);
  });

  describe('bytes that are no UTF-8 text (compressed, UTF-16) are judged by the text they hold', () => {
    const gz = async (format: CompressionFormat, text: string) =>
      Buffer.from(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream(format))).arrayBuffer());
    /** As the page world sends a byte body (lib/intercept/main/serialize.ts): a lossy reading and the bytes. */
    const bytesBody = (bytes: Buffer): RawBody => ({ kind: 'text', text: bytes.toString('utf8'), bytes: bytes.toString('base64') });
    const ticket = issueTicket({ digest: 'd', body: DRAFT, fields: [] }, 1000, 5000);
    const cases: [string, () => Promise<Buffer>, Partial<GateContext>, string][] = [
      ['an ID, gzipped', () => gz('gzip', `身份证号 ${ID}`), {}, 'refuse:block-finding'],
      ['an ID in JSON, raw deflate', () => gz('deflate-raw', JSON.stringify({ content: `<p>申请人 ${ID}</p>` })), {}, 'refuse:block-finding'],
      ['an ID as UTF-16LE', () => Promise.resolve(Buffer.from(`身份证号 ${ID}`, 'utf16le')), {}, 'refuse:block-finding'],
      ['the draft, zlib', () => gz('deflate', JSON.stringify({ content: `<p>${DRAFT}</p>` })), {}, 'refuse:needs-signoff'],
      ['the signed draft, gzipped', () => gz('gzip', JSON.stringify({ content: `<p>${DRAFT}</p>` })), { ticket }, 'pass:ticket'],
      ['the signed draft edited, gzipped', () => gz('gzip', JSON.stringify({ content: `<p>${DRAFT}补充说明。</p>` })), { ticket }, 'refuse:needs-signoff'],
      ['a clean compressed report', () => gz('gzip', JSON.stringify({ event: 'view', page: 3 })), {}, 'pass:clean'],
      ['a compression bomb', async () => gz('gzip', '0'.repeat(33 * 1024 * 1024)), {}, 'refuse:opaque-body'],
    ];
    it.each(cases.map(([name, make, over, want]) => ({ name, make, over, want })))('$name → $want', async ({ make, over, want }) => {
      const v = judge(post('http://cms.test/api/x', bytesBody(await make())), ctx(over));
      expect(`${v.pass ? 'pass' : 'refuse'}:${v.reason}`).toBe(want);
    });

    // As a field's value (pako.gzip then btoa or hex): before, judged as the base64 text it is, so let out.
    it.each<[string, (b: Buffer) => RawBody]>([
      ['base64 in JSON', (b: Buffer) => ({ kind: 'text', text: JSON.stringify({ content: b.toString('base64') }), contentType: 'application/json' })],
      ['hex in a form field', (b: Buffer) => ({ kind: 'entries', entries: [['content', b.toString('hex')]] })],
    ])('a compression bomb as a value, %s → refuse:opaque-body', async (_, body) => {
      const v = judge(post('http://cms.test/api/x', body(await gz('gzip', '0'.repeat(33 * 1024 * 1024)))), ctx({}));
      expect(`${v.pass ? 'pass' : 'refuse'}:${v.reason}`).toBe('refuse:opaque-body');
    });
  });

  describe('ciphertext the page made (crypto-js, SM4) is held as the draft would be', () => {
    const aes = (text: string) => {
      const c = createCipheriv('aes-128-cbc', seededBytes('key', 16), seededBytes('iv', 16));
      return Buffer.concat([c.update(text, 'utf8'), c.final()]).toString('base64');
    };
    const sealedPost = (text: string, url = 'http://cms.test/api/article/save') => post(url, { kind: 'text', text: JSON.stringify({ data: aes(text) }), contentType: 'application/json' });
    const ticket = issueTicket({ digest: 'd', body: DRAFT, fields: [] }, 1000, 5000);
    const cases: [string, Outgoing, Partial<GateContext>, string][] = [
      ['the draft encrypted', sealedPost(DRAFT), {}, 'refuse:sealed-body'],
      ['the draft encrypted, after the sign-off', sealedPost(DRAFT), { ticket }, 'pass:ticket'],
      ['the draft encrypted, the sign-off lapsed', sealedPost(DRAFT), { ticket, now: 9000 }, 'refuse:sealed-body'],
      ['encrypted after the draft was edited since the sign-off (an ID put back)', sealedPost(DRAFT), { ticket, draft: fingerprintDraft(`${DRAFT}申请人身份证号 ${ID}`) }, 'refuse:sealed-body'],
      // A URL word says nothing of what ciphertext holds: an autosave is held too (without the checklist).
      ['an encrypted autosave of a clean draft', sealedPost(DRAFT, 'http://cms.test/api/article/autosave'), {}, 'refuse:sealed-body'],
      ['an encrypted autosave after the sign-off', sealedPost(DRAFT, 'http://cms.test/api/article/autosave'), { ticket }, 'pass:ticket'],
      ['an encrypted request on a page without a draft', sealedPost(DRAFT), { draft: null }, 'pass:clean'],
      ['a small encrypted request beside a long draft', sealedPost('{"page":2,"size":20,"order":"desc","category":"notice"}'.repeat(2)), { draft: fingerprintDraft(DRAFT.repeat(20)) }, 'pass:clean'],
      ['a view state of the same size', form({ __VIEWSTATE: randomBytes(2000).toString('base64'), page: '2' }), {}, 'pass:clean'],
    ];
    it.each(cases.map(([name, o, over, want]) => ({ name, o, over, want })))('$name → $want', ({ o, over, want }) => {
      const v = judge(o, ctx(over));
      expect(`${v.pass ? 'pass' : 'refuse'}:${v.reason}`).toBe(want);
    });
    it('the refusal opens the checklist and names no finding it could not read; an autosave\'s does not open it', () => {
      const v = judge(sealedPost(DRAFT), ctx());
      expect(!v.pass && [v.publish, v.findings.length]).toEqual([true, 0]);
      const autosave = judge(sealedPost(DRAFT, 'http://cms.test/api/article/autosave'), ctx());
      expect(!autosave.pass && autosave.publish).toBe(false);
    });
  });

  it('a file part is judged by the attachment scanner', () => {
    const o: Outgoing = { route: 'xhr', method: 'POST', url: 'http://cms.test/ueditor/upload', body: { kind: 'entries', entries: [['upfile', { name: 'upfile', filename: '名单.xlsx', type: '', size: 10 }]] } };
    expect(judge(o, ctx({ file: () => ({ state: 'pending' }) })).reason).toBe('file-pending');
    expect(judge(o, ctx({ file: () => ({ state: 'unreadable', reason: 'encrypted' }) })).reason).toBe('file-unreadable');
    expect(judge(o, ctx({ file: () => ({ state: 'clean' }) })).pass).toBe(true);
  });

  it('refusals carry masked findings only', () => {
    const v = judge(get(`http://cms.test/x?q=${ID}`), ctx());
    expect(v.pass).toBe(false);
    expect(JSON.stringify(v)).not.toContain(ID);
  });

  it('a publish refusal says so (the checklist opens), a search refusal does not', () => {
    const publish = judge(form({ content: `${DRAFT}${ID}` }), ctx());
    const search = judge(get(`http://cms.test/search?q=${ID}`), ctx());
    expect(!publish.pass && publish.publish).toBe(true);
    expect(!search.pass && search.publish).toBe(false);
  });

  it('an undeclared 保存草稿 clicked opens the checklist early; a timer\'s autosave does not', () => {
    const clicked = judge(form({ content: DRAFT }, 'http://cms.test/admin/save.do', '保存草稿'), ctx());
    const timed = judge(post('http://cms.test/article/autosave', { kind: 'text', text: `content=${encodeURIComponent(DRAFT)}` }), ctx());
    expect(clicked).toMatchObject({ pass: false, reason: 'draft-save-unsigned', publish: true });
    expect(timed).toMatchObject({ pass: false, reason: 'draft-save-unsigned', publish: false });
  });

  it('the signed draft leaves by an undeclared 保存草稿, once', () => {
    const ticket = issueTicket({ digest: 'd', body: DRAFT, fields: [] }, 1000, 5000);
    expect(judge(form({ content: DRAFT }, 'http://cms.test/admin/save.do', '保存草稿'), ctx({ ticket }))).toMatchObject({ pass: true, reason: 'ticket', usedTicket: true });
  });
});
