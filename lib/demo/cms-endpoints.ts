/**
 * The server side of the real-CMS fixtures (lib/demo/pages/cms/<cms>/): for each save / publish /
 * audit endpoint the fixture pages call, the answer that CMS really gives (its JSON, its redirect or
 * its message page), so that the page's own success path runs. Pure data + small functions; the
 * server records every request before it gets here.
 *
 * Saved items get ids from 42 up (the list pages show rows 42, 43 and 44).
 */
import type { RecordedRequest } from './recorder.ts';

export type EndpointAnswer =
  | { kind: 'json'; status?: number; value: unknown }
  | { kind: 'html'; status?: number; html: string }
  | { kind: 'text'; status?: number; text: string }
  | { kind: 'redirect'; location: string };

export interface EndpointContext {
  /** a new item id (42, 43, …) */
  newId(): number;
  /** the id of the item this request saves: its own id field when it has one, else a new one */
  idOf(field: string): number;
}

export interface CmsEndpoint {
  cms: string;
  /** what the endpoint does, for the README and test names */
  does: string;
  method: string;
  /** pathname under /cms/<cms>/ */
  path: string;
  /** query values that select this endpoint (PHP routers put the action in the query) */
  query?: Record<string, string>;
  answer(req: RecordedRequest, ctx: EndpointContext): EndpointAnswer;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** PHPCMS v9 showmessage(): a box with the message, then a jump. */
function phpcmsMessage(msg: string, back: string): EndpointAnswer {
  return {
    kind: 'html',
    html: page(
      '提示信息',
      `<div class="showMsg" style="text-align:center"><h5>提示信息</h5><div class="content guery" id="status">${msg}</div>` +
        `<div class="bottom"><a href="${back}">如果您的浏览器没有自动跳转，请点击这里</a></div></div>`,
    ),
  };
}

/** DedeCMS ShowMsg(). */
function dedeMessage(msg: string, back: string): EndpointAnswer {
  return { kind: 'html', html: page('DedeCMS提示信息', `<div class="msg"><div id="status">${msg}</div><a href="${back}">如果你的浏览器没反应，请点击这里...</a></div>`) };
}

/**
 * DedeCMS article_add.php after a new article is saved: an OxWindow titled 成功发布文章： whose links
 * are the follow-ups — among them 更改文章, the new article's edit address (archives_do.php?aid=N&
 * dopost=editArchives). The only place a plain form post's answer names the new id.
 */
function dedeArticleSaved(id: number, typeid: string): EndpointAnswer {
  const links = [
    [`article_add.php?cid=${typeid}`, '继续发布文章'],
    [`../plus/view.php?aid=${id}`, '查看文章'],
    [`archives_do.php?aid=${id}&dopost=editArchives`, '更改文章'],
    [`catalog_do.php?cid=${typeid}&dopost=listArchives`, '已发布文章管理'],
    ['catalog_main.php', '网站栏目管理'],
  ];
  return {
    kind: 'html',
    html: page(
      '成功发布文章！',
      `<table width="450" align="center" class="tbtitle"><tr><td><b>成功发布文章：</b></td></tr>` +
        `<tr><td id="status">成功发布文章！请选择你的后续操作：${links.map(([href, text]) => `<a href="${href}"${text === '查看文章' ? ' target="_blank"' : ''}><u>${text}</u></a>`).join('&nbsp;&nbsp;')}</td></tr></table>`,
    ),
  };
}

/** ThinkPHP's dispatch_jump page, as EyouCMS shows it after a plain form post. */
function thinkJump(msg: string, url: string): EndpointAnswer {
  return { kind: 'html', html: page('跳转提示', `<div class="system-message"><h1>:)</h1><p class="success" id="status">${msg}</p><p class="jump">页面自动 <a id="href" href="${url}">跳转</a></p></div>`) };
}

/**
 * PbootCMS alert_location(): the message, then back to the list. The real one alerts first; the
 * message stays on the page for 3 s here instead, so that a test can read it.
 */
function pbootAlert(msg: string, url: string): EndpointAnswer {
  return { kind: 'html', html: page('提示', `<p id="status">${msg}</p><script>setTimeout(function () { location.href=${JSON.stringify(url)}; }, 3000);</script>`) };
}

/**
 * EmpireCMS printerror() in the admin: the 信息提示 box with the message and a link on. The message
 * names follow its language file (AddNewsSuccess, EditNewsSuccess, CheckNewsSuccess); the wording is ours.
 */
function empireMessage(msg: string, back: string): EndpointAnswer {
  return {
    kind: 'html',
    html: page('信息提示', `<table class="tableborder" align="center"><tr class="header"><td>信息提示</td></tr><tr><td id="status">${msg}</td></tr><tr><td><a href="${back}">如果您的浏览器没有自动跳转，请点击这里</a></td></tr></table>`),
  };
}

/** EmpireCMS e/admin/ecmsinfo.php: one address for every action; the body's `enews` says which. */
function empireInfo(r: RecordedRequest, ctx: EndpointContext): EndpointAnswer {
  const enews = typeof r.body.enews === 'string' ? r.body.enews : '';
  if (enews === 'AddNews') return empireMessage('增加信息成功', `AddNews.html?enews=EditNews&id=${ctx.newId()}&classid=2`);
  if (enews === 'EditNews') return empireMessage('修改信息成功', 'ListNews.html?classid=2');
  if (enews === 'CheckNews_all') return empireMessage('审核信息成功', 'ListNews.html?classid=2&ecmscheck=1');
  return empireMessage('操作成功', 'ListNews.html?classid=2');
}

/**
 * JEECMS after o_save.do / o_update.do / o_check.do: the admin's list again with the 操作成功 prompt
 * (global.success) — the real one renders v_list.do with a message; here a small page stands in.
 */
function jeecmsDone(msg: string): EndpointAnswer {
  return { kind: 'html', html: page('JEECMS 内容管理 - 列表', `<div class="msg" id="status">${msg}</div><a href="list.html">返回列表</a>`) };
}

/**
 * SSCMS EditorController Insert / Update (src/SSCMS.Web/Controllers/Admin/Cms/Editor/): the content is
 * saved (checked when its checkedLevel reaches the site's CheckContentLevel, a draft at -99) and the
 * answer is BoolResult `{"value": true}`; the page's script shows its own message.
 */
const sscmsSaved: CmsEndpoint['answer'] = () => ({ kind: 'json', value: { value: true } });

/** PublicCMS common/ajaxDone: DWZ's JSON answer (statusCode 200, message.operate_success). */
function publicCmsDone(callbackType: string): EndpointAnswer {
  return { kind: 'json', value: { statusCode: '200', message: '操作成功', navTabId: 'cmsContent/list', callbackType, forwardUrl: '' } };
}

/**
 * SiteServer CMS 6 after a new item is saved: Submit_OnClick redirects to pageContentAddAfter.aspx,
 * which says so and offers the next steps (its RblOperation); the redirect is followed here.
 */
function siteserverAddAfter(id: number): EndpointAnswer {
  return {
    kind: 'html',
    html: page(
      'SiteServer CMS - 后续操作',
      `<div class="alert alert-success" id="status">内容添加成功，请选择后续操作</div><div class="card-box"><div class="header-title">后续操作</div>` +
        `<label>请选择后续操作</label><ul><li><a href="pageContentAdd.aspx?siteId=1&amp;channelId=2&amp;id=${id}">编辑内容</a></li><li><a href="pageContentAdd.aspx?siteId=1&amp;channelId=2">继续添加内容</a></li><li><a href="pageContent.aspx?siteId=1&amp;channelId=2">返回列表</a></li></ul></div>`,
    ),
  };
}

export const CMS_ENDPOINTS: readonly CmsEndpoint[] = [
  {
    cms: 'phpcms',
    does: '添加内容（保存后自动关闭 / 保存并继续发表）',
    method: 'POST',
    path: 'index.php',
    query: { m: 'content', c: 'content', a: 'add' },
    answer: () => phpcmsMessage('操作成功！', 'content_list.html'),
  },
  {
    cms: 'phpcms',
    does: '列表：审核通过（ids[]）',
    method: 'POST',
    path: 'index.php',
    query: { m: 'content', c: 'content', a: 'pass' },
    answer: () => phpcmsMessage('操作成功！', 'content_list.html'),
  },
  {
    cms: 'phpcms',
    does: '列表：搜索（GET keyword）',
    method: 'GET',
    path: 'index.php',
    query: { m: 'content', c: 'content', a: 'init' },
    answer: (r) => ({ kind: 'html', html: page('内容管理 - PHPCMS V9', `<p id="status">搜索结果：共 1 条（${String(r.query.keyword ?? '').replace(/[<>&"]/g, '')}）</p>`) }),
  },
  {
    cms: 'phpcms',
    does: '列表：排序（listorders[id]）',
    method: 'POST',
    path: 'index.php',
    query: { m: 'content', c: 'content', a: 'listorder' },
    answer: () => phpcmsMessage('排序成功！', 'content_list.html'),
  },
  {
    cms: 'thinkcmf',
    does: '列表：排序（$.ajax）',
    method: 'POST',
    path: 'portal/admin_article/listOrder.html',
    answer: () => ({ kind: 'json', value: { code: 1, msg: '排序更新成功！', data: '', url: '', wait: 3 } }),
  },
  {
    cms: 'dedecms',
    does: '发布文章（image 按钮提交）',
    method: 'POST',
    path: 'dede/article_add.php',
    answer: (r, ctx) => dedeArticleSaved(ctx.newId(), typeof r.body.typeid === 'string' ? r.body.typeid : '0'),
  },
  {
    cms: 'dedecms',
    does: '列表：审核文档（qstr=42`43）',
    method: 'GET',
    path: 'dede/archives_do.php',
    query: { dopost: 'checkArchives' },
    answer: () => dedeMessage('成功审核指定的文档！', 'content_list.html'),
  },
  {
    cms: 'eyoucms',
    does: '发布文档（<a> 确认提交 → 表单提交）',
    method: 'POST',
    path: 'login.php',
    query: { m: 'admin', c: 'Article', a: 'add' },
    answer: () => thinkJump('操作成功', 'article_add.html'),
  },
  {
    cms: 'pbootcms',
    does: '内容新增（立即提交）',
    method: 'POST',
    path: 'admin.php',
    query: { p: '/Content/add/mcode/2' },
    answer: () => pbootAlert('新增成功！', 'content_list.html'),
  },
  {
    cms: 'pbootcms',
    does: '列表：状态开关（/Content/mod/id/42/field/status/value/1）',
    method: 'GET',
    path: 'admin.php',
    answer: (r) => pbootAlert(/\/field\/status\/value\/1/.test(String(r.query.p ?? '')) ? '修改成功！' : '操作成功！', 'content_list.html'),
  },
  {
    cms: 'thinkcmf',
    does: '添加文章（js-ajax-submit → $.ajax）',
    method: 'POST',
    path: 'portal/admin_article/addPost.html',
    answer: (_r, ctx) => ({ kind: 'json', value: { code: 1, msg: '添加成功!', data: '', url: `/cms/thinkcmf/portal/admin_article/edit/id/${ctx.newId()}.html`, wait: 3 } }),
  },
  {
    cms: 'thinkcmf',
    does: '列表：发布（ids[] → $.ajax）',
    method: 'POST',
    path: 'portal/admin_article/publish/yes/1.html',
    answer: () => ({ kind: 'json', value: { code: 1, msg: '发布成功！', data: '', url: '', wait: 3 } }),
  },
  {
    cms: 'zblog',
    does: '提交文章（cmd.php?act=ArticlePst）',
    method: 'POST',
    path: 'zb_system/cmd.php',
    query: { act: 'ArticlePst' },
    answer: (_r, ctx) => ({ kind: 'redirect', location: `/cms/zblog/zb_system/admin/index.php?act=ArticleMng&id=${ctx.idOf('ID')}` }),
  },
  {
    cms: 'zblog',
    does: '文章管理（提交后的跳转）',
    method: 'GET',
    path: 'zb_system/admin/index.php',
    answer: () => ({ kind: 'html', html: page('文章管理', '<div id="status" class="hint good">操作成功</div>') }),
  },
  {
    cms: 'emlog',
    does: '发布文章（article_save.php?action=add）',
    method: 'POST',
    path: 'admin/article_save.php',
    query: { action: 'add' },
    answer: () => ({ kind: 'redirect', location: '/cms/emlog/admin/article.php?active_post=1' }),
  },
  {
    cms: 'emlog',
    does: '保存草稿 / 自动保存（$.post action=autosave）',
    method: 'POST',
    path: 'admin/article_save.php',
    query: { action: 'autosave' },
    answer: (_r, ctx) => ({ kind: 'text', text: `autosave_gid:${ctx.idOf("as_logid")}_df:1_` }),
  },
  {
    cms: 'emlog',
    does: '文章列表（发布后的跳转）',
    method: 'GET',
    path: 'admin/article.php',
    answer: () => ({ kind: 'html', html: page('文章', '<div id="status" class="alert alert-success">发布文章成功</div>') }),
  },
  {
    cms: 'wordpress',
    does: '发布 / 保存草稿（post.php，隐藏字段 action=editpost）',
    method: 'POST',
    path: 'wp-admin/post.php',
    answer: (r, ctx) => ({ kind: 'redirect', location: `/cms/wordpress/wp-admin/post.php?post=${ctx.idOf('post_ID')}&action=edit&message=${'publish' in r.body ? 6 : 10}` }),
  },
  {
    cms: 'wordpress',
    does: '自动保存（heartbeat：admin-ajax.php，data[wp_autosave][…]）',
    method: 'POST',
    path: 'wp-admin/admin-ajax.php',
    answer: () => ({ kind: 'json', value: { wp_autosave: { success: true, message: '草稿已保存。' }, server_time: 1764892800 } }),
  },
  {
    cms: 'wordpress',
    does: '编辑文章（提交后的跳转，message=6 已发布 / 10 草稿已更新）',
    method: 'GET',
    path: 'wp-admin/post.php',
    answer: (r) => ({ kind: 'html', html: page('编辑文章', `<div id="message" class="updated notice"><p id="status">${r.query.message === '6' ? '文章已发布。' : '文章草稿已更新。'}</p></div>`) }),
  },
  {
    cms: 'empirecms',
    does: '增加/修改信息（enews=AddNews/EditNews）与列表 审核（enews=CheckNews_all, id[]）：同一地址 ecmsinfo.php',
    method: 'POST',
    path: 'e/admin/ecmsinfo.php',
    answer: empireInfo,
  },
  {
    cms: 'siteserver',
    does: '预 览（jquery.form ajaxSubmit 到本页 &isPreview=True：存为预览，答 previewId）',
    method: 'POST',
    path: 'SiteServer/Cms/pageContentAdd.aspx',
    query: { isPreview: 'True' },
    answer: (_r, ctx) => ({ kind: 'text', text: JSON.stringify({ previewId: ctx.newId() }) }),
  },
  {
    cms: 'siteserver',
    does: '预览页（previewUrl + previewId，在新窗口打开）',
    method: 'GET',
    path: 'api/preview/1/2/0',
    answer: (r) => ({ kind: 'html', html: page('内容预览', `<div id="status">内容预览（预览编号 ${String(r.query.previewId)}）</div>`) }),
  },
  {
    cms: 'siteserver',
    does: '添加内容（WebForms 回发：BtnSubmit 确 定 → 本页 pageContentAdd.aspx）',
    method: 'POST',
    path: 'SiteServer/Cms/pageContentAdd.aspx',
    answer: (_r, ctx) => siteserverAddAfter(ctx.newId()),
  },
  {
    cms: 'jeecms',
    does: '内容添加（#jvForm 提交 → o_save.do）',
    method: 'POST',
    path: 'jeeadmin/jeecms/content/o_save.do',
    answer: (_r, ctx) => {
      ctx.newId();
      return jeecmsDone('操作成功');
    },
  },
  {
    cms: 'jeecms',
    does: '内容修改（o_update.do）',
    method: 'POST',
    path: 'jeeadmin/jeecms/content/o_update.do',
    answer: () => jeecmsDone('操作成功'),
  },
  {
    cms: 'jeecms',
    does: '列表：审核（ids → o_check.do）',
    method: 'POST',
    path: 'jeeadmin/jeecms/content/o_check.do',
    answer: () => jeecmsDone('审核成功'),
  },
  {
    cms: 'sscms',
    does: '添加内容（保 存 → axios JSON，content.checkedLevel：草稿 -99 / 待审核 0 / 已审核）',
    method: 'POST',
    path: 'api/admin/cms/editor/actions/insert',
    answer: (_r, ctx) => {
      ctx.newId();
      return sscmsSaved(_r, ctx);
    },
  },
  {
    cms: 'sscms',
    does: '内容管理：审核（contentsLayerCheck 弹层 → axios JSON，channelContentIds=栏目_内容,…）',
    method: 'POST',
    path: 'api/admin/cms/contents/contentsLayerCheck',
    answer: sscmsSaved,
  },
  {
    cms: 'sscms',
    does: '修改内容（actions/update）',
    method: 'POST',
    path: 'api/admin/cms/editor/actions/update',
    answer: sscmsSaved,
  },
  {
    cms: 'publiccms',
    does: '内容增加/修改（保存 → validateCallback $.ajax；草稿勾选时 draft=on，同一地址）',
    method: 'POST',
    path: 'admin/cmsContent/save',
    answer: (_r, ctx) => {
      ctx.newId();
      return publicCmsDone('closeCurrent');
    },
  },
  {
    cms: 'publiccms',
    does: '待审核列表：批量审核（selectedTodo，ids=42,43）/ 每行 审核（ajaxTodo，?ids=42）',
    method: 'POST',
    path: 'admin/cmsContent/check',
    answer: () => publicCmsDone(''),
  },
];

/** The endpoint for a request under /cms/<cms>/, or undefined (then the server answers 404, still recorded). */
export function findEndpoint(r: RecordedRequest): CmsEndpoint | undefined {
  const m = /^\/cms\/([\w-]+)\/(.*)$/.exec(r.path);
  if (!m) return undefined;
  const [, cms, rest] = m;
  return CMS_ENDPOINTS.find(
    (e) =>
      e.cms === cms &&
      e.path === rest &&
      e.method === r.method &&
      Object.entries(e.query ?? {}).every(([k, v]) => r.query[k] === v),
  );
}
