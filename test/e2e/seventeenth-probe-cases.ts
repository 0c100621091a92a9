/**
 * The seventeenth probe's cases (test/e2e/gate-seventeenth-probe.e2e.test.ts, Chromium): what page
 * script tries on the strength of a release once a reviewer has signed a clean draft off (send it
 * twice, change it on its way out, name another item), and the real CMS fixtures' own controls
 * pressed with a draft holding an ID. The tables are the cases; the suite decides what each must show.
 *
 * Page script runs inside probe-page.ts' pageScript (`draft`, `ID`, `sink`, `RAW`, `flip`, `inWorker`),
 * after SIGNED_PRE: `T` the form's title, `P()` the signed fields as the routes page sends them
 * (title + content, urlencoded), `post(name, body?, init?)` a fetch POST to the page's own sink.
 */
import { CSRF } from './fifteenth-probe-cases.ts';

export const SIGNED_PRE = String.raw`
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const T = document.getElementById('cms-form').elements.title.value;
  const P = () => new URLSearchParams({ title: T, content: draft });
  const FT = { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' };
  const post = (n, body = P(), init = {}) => fetch(sink(n), { method: 'POST', headers: FT, body, ...init }).then((r) => r.status, (e) => 'refused: ' + e.message);
  const frame = (n) => { const f = document.createElement('iframe'); f.name = n; f.style.display = 'none'; document.body.append(f); return f; };
  const formOf = (action, target, fields) => { const f = document.createElement('form'); f.method = 'post'; f.action = action; if (target) f.target = target; for (const [k, v] of Object.entries(fields)) { const t = document.createElement('textarea'); t.name = k; t.value = v; f.append(t); } document.body.append(f); return f; };
  const xhr = (n, body) => new Promise((r) => { const x = new XMLHttpRequest(); x.open('POST', sink(n)); x.setRequestHeader('content-type', FT['content-type']); x.onloadend = () => r(x.status); x.send(body); });
`;

/**
 * The signed content sent more than once from the same page right after 发布 in the checklist: the
 * control host (no Precheck) receives every copy; the guarded page must let exactly one through.
 */
export const TWICE_CASES: [label: string, code: string][] = [
  ['two fetches in the same task, to two addresses', String.raw`return (await Promise.all([post('tw1a'), post('tw1b')])).join(',');`],
  ['sendBeacon and fetch in the same task', String.raw`const b = navigator.sendBeacon(sink('tw3b'), P()); return b + ',' + (await post('tw3a'));`],
  ['fetch and XHR in the same task', String.raw`return (await Promise.all([post('tw4a'), xhr('tw4b', P().toString())])).join(',');`],
  ['fetch, then the same fetch again once its answer came (a retry)', String.raw`const a = await post('tw5'); const b = await post('tw5'); return a + ',' + b;`],
  ['fetch aborted at once (AbortController), then sent again', String.raw`const c = new AbortController(); const a = post('tw6', P(), { signal: c.signal }); c.abort(); const r1 = await a; await wait(300); return r1 + ',' + (await post('tw6'));`],
  ['XHR aborted at once, then sent again', String.raw`const x = new XMLHttpRequest(); x.open('POST', sink('tw7')); x.setRequestHeader('content-type', FT['content-type']); const first = new Promise((r) => { x.onloadend = () => r('aborted ' + x.status); }); x.send(P().toString()); x.abort(); const r1 = await first; await wait(300); return r1 + ',' + (await xhr('tw7', P().toString()));`],
  ["a fresh frame's fetch and the page's fetch in the same task", String.raw`const w = frame('twf').contentWindow; const a = w.fetch(sink('tw8a'), { method: 'POST', headers: FT, body: P() }).then((r) => r.status, (e) => 'refused'); return (await Promise.all([a, post('tw8b')])).join(',');`],
  ["a Worker's fetch and the page's fetch", String.raw`const wk = inWorker("await fetch(sink('tw10w'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: new URLSearchParams({ title: " + JSON.stringify(T) + ", content: draft }) });"); return (await Promise.all([wk, post('tw10p')])).join(',');`],
  ["a popup's fetch (window.open('')) and the page's fetch", String.raw`const w = window.open('', 'tw11'); const a = w.fetch(sink('tw11a'), { method: 'POST', headers: FT, body: P() }).then((r) => r.status, () => 'refused'); const r = (await Promise.all([a, post('tw11b')])).join(','); w.close(); return r;`],
  ['two forms posted into two fresh frames in the same task (requestSubmit)', String.raw`frame('tw13a'); frame('tw13b'); formOf(sink('tw13a'), 'tw13a', { title: T, content: draft }).requestSubmit(); formOf(sink('tw13b'), 'tw13b', { title: T, content: draft }).requestSubmit(); await wait(1200);`],
  ['multipart FormData and urlencoded of the same fields, at once', String.raw`const fd = new FormData(); fd.append('title', T); fd.append('content', draft); const a = fetch(sink('tw17m'), { method: 'POST', body: fd }).then((r) => r.status, () => 'refused'); return (await Promise.all([a, post('tw17u')])).join(',');`],
];

/**
 * The signed content with the ID added on its way out: the control host receives the ID; the
 * guarded page must let nothing carrying it through.
 */
export const CHANGED_CASES: [label: string, code: string][] = [
  ['the signed fields plus a note field holding the ID', String.raw`const b = P(); b.append('note', '身份证号 ' + ID); return post('ch1', b);`],
  ['the signed fields, the ID in the address (query)', String.raw`return fetch(sink('ch3') + '?note=' + ID, { method: 'POST', headers: FT, body: P() }).then((r) => r.status, () => 'refused');`],
  ['a Request of the signed fields given to fetch with an init body holding the ID', String.raw`const rq = new Request(sink('ch12'), { method: 'POST', headers: FT, body: P() }); return fetch(rq, { body: P().toString() + '&note=' + ID }).then((r) => r.status, () => 'refused');`],
  ['a form of the signed fields into a fresh frame, a formdata listener the page added appends the ID', String.raw`frame('ch14'); const f = formOf(sink('ch14'), 'ch14', { title: T, content: draft }); f.addEventListener('formdata', (e) => e.formData.append('note', ID)); f.requestSubmit(); await wait(1200);`],
  ['a form of the signed fields into a fresh frame, a submit listener of the page appends a textarea holding the ID', String.raw`frame('ch19'); const f = formOf(sink('ch19'), 'ch19', { title: T, content: draft }); f.addEventListener('submit', () => { const t = document.createElement('textarea'); t.name = 'note'; t.value = ID; f.append(t); }); f.requestSubmit(); await wait(1200);`],
  ['the signed content with an HTML comment holding the ID appended', String.raw`return post('ch21', new URLSearchParams({ title: T, content: draft + '<!-- 身份证号 ' + ID + ' -->' }));`],
  ['the signed content with a link whose address names the ID appended', String.raw`return post('ch23', new URLSearchParams({ title: T, content: draft + '<a href="/u?sfz=' + ID + '"></a>' }));`],
  ['the signed content with a data- attribute holding the ID on a span around it', String.raw`return post('ch24', new URLSearchParams({ title: T, content: '<span data-sfz="' + ID + '">' + draft + '</span>' }));`],
  ['the signed content with a hidden input holding the ID appended', String.raw`return post('ch25', new URLSearchParams({ title: T, content: draft + '<input type="hidden" value="' + ID + '">' }));`],
  ['the signed fetch, then in its then() a second request with the ID', String.raw`return post('ch17a').then(() => post('ch17b', new URLSearchParams({ title: T, content: draft + '身份证号 ' + ID })));`],
  ["the editor's own form posted (its own formdata listener), a content textarea added to it holding the ID", String.raw`frame('ch18'); const f = document.getElementById('cms-form'); const t = document.createElement('textarea'); t.name = 'content2'; t.value = ID; f.append(t); f.target = 'ch18'; f.action = sink('ch18'); f.method = 'post'; f.requestSubmit(); await wait(1200);`],
];

/** Words no one signed, riding along with the signed fields (no ID: the scan finds nothing in them). */
export const UNSIGNED_WORDS = '未经审核签发的补充说明第二段落内容';

/**
 * The signed content with words no reviewer saw: the control receives them; with Precheck nothing
 * carrying them may arrive (the release covers exactly the signed content).
 */
export const EXTRA_CASES: [label: string, code: string][] = [
  ['a summary field with unsigned words beside the signed fields', String.raw`const b = P(); b.append('summary', '@W@'); return post('ex1', b);`],
  ['unsigned words in an HTML comment appended to the signed content', String.raw`return post('ex2', new URLSearchParams({ title: T, content: draft + '<!-- @W@ -->' }));`],
  ['unsigned words in an attribute (title) of a span around the signed content', String.raw`return post('ex3', new URLSearchParams({ title: T, content: '<span title="@W@">' + draft + '</span>' }));`],
  ['unsigned words in the query of the signed POST', String.raw`return fetch(sink('ex4') + '?memo=' + encodeURIComponent('@W@'), { method: 'POST', headers: FT, body: P() }).then((r) => r.status, () => 'refused');`],
  ['unsigned words as a second title field', String.raw`const b = P(); b.append('title', '@W@'); return post('ex5', b);`],
  ['unsigned words in a script element appended to the signed content', String.raw`return post('ex6', new URLSearchParams({ title: T, content: draft + '<script>document.write("@W@")</script>' }));`],
].map(([l, c]) => [l, c!.replaceAll('@W@', UNSIGNED_WORDS)]) as [string, string][];

/**
 * No sign-off at all: a request that is not the draft, its only ID in markup attributes (the routes
 * page's editor holds the draft with its ID; these send other text). Page script (probe-page.ts).
 */
export const ATTR_UNSIGNED_CASES: [label: string, code: string][] = [
  ['fetch POST of a fragment whose link address names the ID', String.raw`return fetch(sink('at1'), { method: 'POST', body: new URLSearchParams({ note: '<p>附件</p><a href="/u?sfz=' + ID + '">下载</a>' }) }).then((r) => r.status, () => 'refused');`],
  ['fetch POST of a fragment with a data- attribute holding the ID', String.raw`return fetch(sink('at2'), { method: 'POST', body: new URLSearchParams({ note: '<span data-sfz="' + ID + '">备注</span>' }) }).then((r) => r.status, () => 'refused');`],
  ['fetch POST of a fragment with a hidden input holding the ID', String.raw`return fetch(sink('at3'), { method: 'POST', body: new URLSearchParams({ note: '<p>备注</p><input type="hidden" value="' + ID + '">' }) }).then((r) => r.status, () => 'refused');`],
  ['fetch POST JSON of a fragment whose link address names the ID', String.raw`return fetch(sink('at4'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ html: '<a href="/u?sfz=' + ID + '">下载</a>' }) }).then((r) => r.status, () => 'refused');`],
];

/** PublicCMS 待审核 with 42 signed: 43 named beside it (page script after PRE, JQUERY_FORM, FACE). */
export const ITEM_PAIR_CASES: [label: string, code: string][] = [
  ['fetch POST check?ids=42,43', String.raw`await fetch('cmsContent/check?ids=42,43&${CSRF}', { method: 'POST' });`],
  ['fetch POST check?ids=42&ids=43', String.raw`await fetch('cmsContent/check?ids=42&ids=43&${CSRF}', { method: 'POST' });`],
  ['fetch POST, ids=42 in the query, ids=43 in the body', String.raw`await fetch('cmsContent/check?ids=42&${CSRF}', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ids=43' });`],
  ['fetch POST multipart, ids=42 and ids=43 as two parts', String.raw`const fd = new FormData(); fd.append('ids', '42'); fd.append('ids', '43'); await fetch('cmsContent/check?${CSRF}', { method: 'POST', body: fd });`],
  ['fetch POST urlencoded ids=42%2C43', String.raw`await fetch('cmsContent/check?${CSRF}', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ids=42%2C43' });`],
  ['fetch POST urlencoded ids=42&ids=43', String.raw`await fetch('cmsContent/check?${CSRF}', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ids=42&ids=43' });`],
  ['the signed 42 and then 43, two fetches in the same task', String.raw`await Promise.all([fetch('cmsContent/check?ids=42&${CSRF}', { method: 'POST' }), fetch('cmsContent/check?ids=43&${CSRF}', { method: 'POST' })]);`],
  ['XHR POST ids=42,43 in the body', String.raw`await new Promise((r) => { const x = new XMLHttpRequest(); x.open('POST', 'cmsContent/check?${CSRF}'); x.setRequestHeader('content-type', 'application/x-www-form-urlencoded'); x.onloadend = r; x.send('ids=42,43'); });`],
  ['a form (DWZ into callbackframe) with ids 42 and 43 as two hidden inputs', String.raw`frame('callbackframe'); const f = form('cmsContent/check?${CSRF}', 'callbackframe'); field(f, 'ids', '42', 'input'); field(f, 'ids', '43', 'input'); f.submit(); await wait(1200);`],
  ['a form into callbackframe, its ids input 42 changed to 43 by a formdata listener', String.raw`frame('callbackframe'); const f = form('cmsContent/check?${CSRF}', 'callbackframe'); field(f, 'ids', '42', 'input'); f.addEventListener('formdata', (e) => e.formData.set('ids', '43')); f.requestSubmit(); await wait(1200);`],
];

/**
 * A real CMS edit page's own control, found by a sweep over every visible control of every fixture
 * (its editor's toolbar aside) and every text input: `click` names the control by its text or value
 * as the CMS ships it, `enter` the text input by its name. Only those that deliver the draft with its
 * ID on the control host are kept.
 */
export type FixtureAct = { click: string; css?: string } | { enter: string };
export const FIXTURE_CASES: [fixture: string, act: FixtureAct][] = [
  ['phpcms-content-add', { click: '保存后自动关闭' }],
  ['phpcms-content-add', { click: '保存并继续发表' }],
  ['phpcms-content-add', { enter: 'info[title]' }],
  ['dedecms-article-add', { click: 'img/button_save.gif' }],
  ['dedecms-article-add', { click: 'img/button_ok.gif' }],
  ['dedecms-article-add', { enter: 'title' }],
  ['eyoucms-article-add', { click: '确认提交' }],
  ['pbootcms-content-add', { click: '立即提交' }],
  ['pbootcms-content-add', { enter: 'title' }],
  ['thinkcmf-article-add', { click: '添加' }],
  ['thinkcmf-article-add', { enter: 'post[post_title]' }],
  ['zblog-edit', { click: '提交' }],
  ['zblog-edit', { enter: 'Title' }],
  ['emlog-article-write', { click: '发布文章' }],
  ['emlog-article-write', { click: '保存草稿' }],
  ['emlog-article-write', { enter: 'title' }],
  ['wordpress-post-new', { click: '发布' }],
  ['wordpress-post-new', { click: '保存草稿' }],
  ['wordpress-post-new', { enter: 'post_title' }],
  ['empirecms-addnews', { click: '提交', css: 'input[name="addnews2"]' }],
  ['empirecms-addnews', { click: '提 交', css: 'input[name="addnews"]' }],
  ['empirecms-addnews', { enter: 'title' }],
  ['jeecms-content-add', { click: '提交' }],
  ['jeecms-content-add', { enter: 'tagStr' }],
  ['sscms-editor', { click: '保 存' }],
  ['publiccms-content-add', { click: '保存' }],
  ['publiccms-content-add', { enter: 'title' }],
  ['siteserver-content-add', { click: '确 定' }],
  ['siteserver-content-add', { click: '预 览' }],
  ['siteserver-content-add', { enter: 'TbTitle' }],
];

/** Page script: marks the control (`data-p17`) the case names; its editor's toolbar and Precheck's panel aside. */
export function markControl(act: FixtureAct): string {
  const find = 'click' in act && act.css
    ? `document.querySelector(${JSON.stringify(act.css)})`
    : 'click' in act
    ? `[...document.querySelectorAll('button, input[type=submit], input[type=button], input[type=image], a[onclick], a[href^="javascript" i]')].filter((e) => !e.closest('precheck-panel, .cke, [class*=edui-], .ke-container, .tox') && e.getClientRects().length > 0).find((e) => [(e.textContent || '').trim(), e.value, e.getAttribute('src')].includes(${JSON.stringify(act.click)}))`
    : `[...document.querySelectorAll('input[type=text], input:not([type])')].find((e) => (e.name || e.id) === ${JSON.stringify(act.enter)} && e.getClientRects().length > 0)`;
  return `(() => { const e = ${find}; if (!e) return false; e.setAttribute('data-p17', ''); return true; })()`;
}

/**
 * An unsigned item (43) published from a list page by a request the CMS reads as its 审核/发布 but the
 * adapter's rule does not name (the same parameters reordered, encoded, sent in the body instead of
 * the address, another array spelling). Page script on the list page (after the fifteenth probe's PRE).
 * `cms` says how the CMS itself reads the request (see `publishesUnsigned` in the suite).
 */
export const ADAPTER_CASES: [label: string, cms: 'phpcms' | 'dedecms' | 'pbootcms' | 'thinkcmf' | 'publiccms', code: string][] = [
  ['PHPCMS 审核通过, the address with a= before c= (index.php?m=content&a=pass&c=content)', 'phpcms', String.raw`await fetch('index.php?m=content&a=pass&c=content&catid=6&steps=1', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ids%5B%5D=43' });`],
  ['PHPCMS 审核通过, a=pass in the body (PHPCMS reads a from GET, then POST)', 'phpcms', String.raw`await fetch('index.php?m=content&c=content&catid=6&steps=1', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=pass&ids%5B%5D=43' });`],
  ['PHPCMS 审核通过, the ids as ids[0]', 'phpcms', String.raw`await fetch('index.php?m=content&c=content&a=pass&catid=6&steps=1', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ids%5B0%5D=43' });`],
  ['DedeCMS 审核, dopost and qstr in a POST body (DedeCMS registers POST like GET)', 'dedecms', String.raw`await fetch('archives_do.php', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'dopost=checkArchives&aid=43&qstr=43' });`],
  ['DedeCMS 审核, dopost percent-encoded (checkArchive%73)', 'dedecms', String.raw`await fetch('archives_do.php?aid=43&dopost=checkArchive%73&qstr=43');`],
  ['DedeCMS 审核, aid only, no qstr (checkArchives takes aid when qstr is empty)', 'dedecms', String.raw`await fetch('archives_do.php?aid=43&dopost=checkArchives');`],
  ['PbootCMS 点击开启, the address percent-encoded (p=%2FContent%2Fmod…)', 'pbootcms', String.raw`await fetch('admin.php?p=%2FContent%2Fmod%2Fid%2F43%2Ffield%2Fstatus%2Fvalue%2F1');`],
  ['PbootCMS 点击开启, the pairs in another order (…/value/1/field/status)', 'pbootcms', String.raw`await fetch('admin.php?p=/Content/mod/id/43/value/1/field/status');`],
  ['PbootCMS 点击开启, id, field and value as query parameters', 'pbootcms', String.raw`await fetch('admin.php?p=/Content/mod&id=43&field=status&value=1');`],
  ['PbootCMS 点击开启, a letter of mod percent-encoded (m%6Fd)', 'pbootcms', String.raw`await fetch('admin.php?p=/Content/m%6Fd/id/43/field/status/value/1');`],
  ['ThinkCMF 发布, yes=1 as a query parameter (publish.html?yes=1)', 'thinkcmf', String.raw`await fetch('portal/admin_article/publish.html?yes=1', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ids%5B%5D=43' });`],
  ['ThinkCMF 发布, the ids as ids[0]', 'thinkcmf', String.raw`await fetch('portal/admin_article/publish/yes/1.html', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ids%5B0%5D=43' });`],
  ['ThinkCMF 发布, the ids as a scalar ids=43 (param("ids/a") makes it an array)', 'thinkcmf', String.raw`await fetch('portal/admin_article/publish/yes/1.html', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ids=43' });`],
  ['ThinkCMF 发布, the action in capitals (PUBLISH)', 'thinkcmf', String.raw`await fetch('portal/admin_article/PUBLISH/yes/1.html', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ids%5B%5D=43' });`],
  ['PublicCMS 审核, a ;jsessionid path parameter (Spring strips it)', 'publiccms', String.raw`await fetch('cmsContent/check;jsessionid=p17?ids=43&${CSRF}', { method: 'POST' });`],
];

/** The list page each CMS's ADAPTER_CASES run on. */
export const ADAPTER_LIST: Record<(typeof ADAPTER_CASES)[number][1], string> = {
  phpcms: '/cms/phpcms/content_list.html',
  dedecms: '/cms/dedecms/dede/content_list.html',
  pbootcms: '/cms/pbootcms/content_list.html',
  thinkcmf: '/cms/thinkcmf/article_list.html',
  publiccms: '/cms/publiccms/admin/content_uncheck_list.html',
};
