/**
 * The real-CMS fixture pages (lib/demo/pages/cms/<cms>/, sources in its README) as data: where each
 * page is, which editor it runs, how a person fills it in, which controls publish and what request
 * each one sends. The control e2e (test/e2e/cms-control.e2e.test.ts) proves every entry against
 * Chromium and the recording server; the gate's e2e tests reuse the same entries.
 */
import { itemIdsOf } from '../policy/list-publish.ts';
import type { ItemIdsRule } from '../policy/schema.ts';
import type { HEADERS_OF_INTEREST, RequestFilter } from './recorder.ts';

export type FixtureEditor = 'ueditor' | 'ckeditor4' | 'kindeditor' | 'tinymce';

export interface EditorDriver {
  /** JS expression (page's main world): true once the editor can be typed into */
  ready: string;
  /** JS expression: the editor's content through its own API */
  content: string;
  /** JS expression that replaces the content with `html` through the editor's own API */
  set(html: string): string;
  /** iframe that holds the editing surface, and the surface in it */
  frame: string;
  surface: string;
}

export const EDITOR_DRIVERS: Readonly<Record<FixtureEditor, EditorDriver>> = {
  ueditor: {
    ready: "typeof UE !== 'undefined' && Object.values(UE.instants || {}).some(function (e) { return e.isReady; })",
    content: 'Object.values(UE.instants)[0].getContent()',
    set: (html) => `Object.values(UE.instants)[0].setContent(${JSON.stringify(html)})`,
    frame: 'iframe[id^="ueditor_"]',
    surface: 'body',
  },
  ckeditor4: {
    ready: "typeof CKEDITOR !== 'undefined' && Object.values(CKEDITOR.instances).some(function (e) { return e.status === 'ready'; })",
    content: 'Object.values(CKEDITOR.instances)[0].getData()',
    set: (html) => `Object.values(CKEDITOR.instances)[0].setData(${JSON.stringify(html)})`,
    frame: 'iframe.cke_wysiwyg_frame',
    surface: 'body',
  },
  kindeditor: {
    ready: "typeof KindEditor !== 'undefined' && KindEditor.instances.length > 0 && !!document.querySelector('iframe.ke-edit-iframe')",
    content: 'KindEditor.instances[0].html()',
    set: (html) => `KindEditor.instances[0].html(${JSON.stringify(html)})`,
    frame: 'iframe.ke-edit-iframe',
    surface: 'body',
  },
  tinymce: {
    ready: "typeof tinymce !== 'undefined' && !!tinymce.activeEditor && tinymce.activeEditor.initialized === true",
    content: 'tinymce.activeEditor.getContent()',
    set: (html) => `tinymce.activeEditor.setContent(${JSON.stringify(html)})`,
    frame: 'iframe#content_ifr',
    surface: 'body#tinymce',
  },
};

/** One thing a person does on the page, in order. */
export type Step =
  | { fill: string; value: string }
  | { select: string; value: string }
  | { check: string }
  | { uncheck: string }
  /** `frame`: the control is in this iframe of the page (a layer the list opened: SSCMS's 审核内容) */
  | { click: string; frame?: string }
  /** keys pressed with the focus in `on` (a CMS's keyboard shortcut) */
  | { press: string; on: string };

export interface ExpectedRequest extends RequestFilter {
  method: string;
  path: string;
  /** body fields that must hold the title and the typed body text */
  titleField?: string;
  contentField?: string;
  /** how the page sends it: a navigation (form post / location) or a script request */
  sends: 'navigate' | 'xhr';
  /**
   * A script request's headers, where they are not jQuery's X-Requested-With (SSCMS's axios sends
   * none): the content type and `sec-fetch-dest: empty` the browser gives a script's request.
   */
  headers?: Partial<Record<(typeof HEADERS_OF_INTEREST)[number], string>>;
}

export interface PublishPath {
  /** e.g. 'image-input submit', '<a> onclick → form.submit()', '$.ajax' */
  via: string;
  steps: Step[];
  expect: ExpectedRequest;
  /** text the page shows when the CMS's own success path ran */
  success: string;
  /**
   * true for 保存草稿 / autosave: without the site adapter a clean one is held for a sign-off like a
   * publish (a 草稿 label or URL word declares nothing); with the shipped adapter, which declares it
   * (SSCMS: the same actions/insert with content.checkedLevel -99; PublicCMS: cmsContent/save with
   * draft=on; emlog: autosave with ishide=y; WordPress: original_post_status), it goes through.
   */
  draft?: boolean;
  /** the success shows in a window the page opens (SiteServer's 预 览), not in the page */
  opens?: 'window';
}

export interface CmsFixture {
  id: string;
  cms: string;
  /** shown in the demo index and the README */
  name: string;
  path: string;
  editor: FixtureEditor;
  /** what fills the form's title and 栏目, before the body is typed */
  fill: Step[];
  /** for field recognition: the controls that are title / 栏目 / author, and the user in the top bar */
  fields: { title: string; channel?: string; author?: string };
  currentUser: string;
  publish: PublishPath[];
}

/** How a list page's publish request names the items: the adapter schema's `listPublish[].ids`. */
export type IdsIn = ItemIdsRule;

export interface CmsListFixture {
  id: string;
  cms: string;
  name: string;
  path: string;
  currentUser: string;
  /** ticks rows 42 and 43 (where the page has checkboxes) and presses 发布 / 审核通过 */
  steps: Step[];
  expect: ExpectedRequest & { ids: IdsIn; wantIds: string[] };
  /** the ids' field as the page sends it, where it is not the ids themselves (SSCMS `2_42,2_43`) */
  sentIds?: string;
  /** the rows are written by the page's script (SSCMS's Vue table): the static file holds none */
  rowsByScript?: true;
  success: string;
}

export const TITLE = '关于2024年度城乡低保资金发放情况的公示';

/** SSCMS's Element UI inputs have no name or id: the 标题 label's `for` names the form prop. */
const SSCMS_TITLE = 'label[for="title"] + .el-form-item__content input';
const SSCMS_HEADERS: ExpectedRequest['headers'] = { 'content-type': 'application/json;charset=UTF-8', 'sec-fetch-dest': 'empty' };

export const CMS_FIXTURES: readonly CmsFixture[] = [
  {
    id: 'phpcms-content-add',
    cms: 'phpcms',
    name: 'PHPCMS v9 添加内容',
    path: '/cms/phpcms/content_add.html',
    editor: 'ckeditor4',
    fill: [{ fill: '#title', value: TITLE }],
    fields: { title: '#title', channel: 'input[name="info[catid]"]', author: 'input[name="info[author]"]' },
    currentUser: 'zhangsan',
    publish: [
      {
        via: 'submit input 保存后自动关闭 (multipart form post)',
        steps: [{ click: 'input[name="dosubmit"]' }],
        expect: { method: 'POST', path: '/cms/phpcms/index.php', query: { m: 'content', c: 'content', a: 'add' }, titleField: 'info[title]', contentField: 'info[content]', sends: 'navigate' },
        success: '操作成功',
      },
      {
        via: 'submit input 保存并继续发表',
        steps: [{ click: 'input[name="dosubmit_continue"]' }],
        expect: { method: 'POST', path: '/cms/phpcms/index.php', query: { m: 'content', c: 'content', a: 'add' }, titleField: 'info[title]', contentField: 'info[content]', sends: 'navigate' },
        success: '操作成功',
      },
    ],
  },
  {
    id: 'dedecms-article-add',
    cms: 'dedecms',
    name: 'DedeCMS 5.7 发布文章',
    path: '/cms/dedecms/dede/article_add.html',
    editor: 'ckeditor4',
    fill: [{ fill: '#title', value: TITLE }, { select: 'select[name="typeid"]', value: '2' }, { fill: '#writer', value: '赵六' }],
    fields: { title: '#title', channel: 'select[name="typeid"]', author: '#writer' },
    currentUser: 'zhaoliu',
    publish: [
      {
        via: '<input type=image> (no text) in the 文章内容 bar',
        steps: [{ click: 'td.bline2 input[type="image"]' }],
        expect: { method: 'POST', path: '/cms/dedecms/dede/article_add.php', titleField: 'title', contentField: 'body', sends: 'navigate' },
        success: '成功发布文章',
      },
      {
        via: '<input type=image> at the bottom (button_ok.gif)',
        steps: [{ click: 'input[type="image"][src$="button_ok.gif"]' }],
        expect: { method: 'POST', path: '/cms/dedecms/dede/article_add.php', titleField: 'title', contentField: 'body', sends: 'navigate' },
        success: '成功发布文章',
      },
    ],
  },
  {
    id: 'eyoucms-article-add',
    cms: 'eyoucms',
    name: 'EyouCMS 发布文档',
    path: '/cms/eyoucms/article_add.html',
    editor: 'ueditor',
    fill: [{ fill: '#title', value: TITLE }, { select: '#typeid', value: '10' }],
    fields: { title: '#title', channel: '#typeid', author: '#author' },
    currentUser: 'chenba',
    publish: [
      {
        via: '<a href="JavaScript:void(0)" onclick="check_submit()"> 确认提交 → $(form).submit()',
        steps: [{ click: '#submitBtn' }],
        expect: { method: 'POST', path: '/cms/eyoucms/login.php', query: { m: 'admin', c: 'Article', a: 'add' }, titleField: 'title', contentField: 'addonFieldExt[content]', sends: 'navigate' },
        success: '操作成功',
      },
    ],
  },
  {
    id: 'pbootcms-content-add',
    cms: 'pbootcms',
    name: 'PbootCMS 文章新增',
    path: '/cms/pbootcms/content_add.html',
    editor: 'ueditor',
    fill: [{ select: 'select[name="scode"]', value: '4' }, { fill: 'input[name="title"]', value: TITLE }, { fill: 'input[name="author"]', value: '周九' }],
    fields: { title: 'input[name="title"]', channel: 'select[name="scode"]', author: 'input[name="author"]' },
    currentUser: '周九',
    publish: [
      {
        via: '<button lay-submit name="submit"> 立即提交 (form post)',
        steps: [{ click: 'button[lay-submit]' }],
        expect: { method: 'POST', path: '/cms/pbootcms/admin.php', query: { p: '/Content/add/mcode/2' }, titleField: 'title', contentField: 'content', sends: 'navigate' },
        success: '新增成功',
      },
    ],
  },
  {
    id: 'thinkcmf-article-add',
    cms: 'thinkcmf',
    name: 'ThinkCMF 5 添加文章',
    path: '/cms/thinkcmf/article_add.html',
    editor: 'ueditor',
    fill: [{ click: '#js-categories-name-input' }, { click: '#category-picker a[data-id="1"]' }, { fill: '#title', value: TITLE }],
    fields: { title: '#title', channel: '#js-categories-name-input' },
    currentUser: '郑十一',
    publish: [
      {
        via: 'js-ajax-submit → $.ajax (urlencoded, X-Requested-With)',
        steps: [{ click: 'button.js-ajax-submit' }],
        expect: { method: 'POST', path: '/cms/thinkcmf/portal/admin_article/addPost.html', titleField: 'post[post_title]', contentField: 'post[post_content]', sends: 'xhr' },
        success: '添加成功',
      },
    ],
  },
  {
    id: 'zblog-edit',
    cms: 'zblog',
    name: 'Z-BlogPHP 文章编辑',
    path: '/cms/zblog/zb_system/admin/edit.html',
    editor: 'ueditor',
    fill: [{ fill: '#edtTitle', value: TITLE }, { select: '#cmbCateID', value: '2' }],
    fields: { title: '#edtTitle', channel: '#cmbCateID', author: '#cmbUser' },
    currentUser: '冯十三',
    publish: [
      {
        via: 'submit input 提交 (onclick sets form.action to cmd.php?act=ArticlePst)',
        steps: [{ click: '#btnPost' }],
        expect: { method: 'POST', path: '/cms/zblog/zb_system/cmd.php', query: { act: 'ArticlePst' }, titleField: 'Title', contentField: 'Content', sends: 'navigate' },
        success: '操作成功',
      },
    ],
  },
  {
    id: 'emlog-article-write',
    cms: 'emlog',
    name: 'emlog 写文章',
    path: '/cms/emlog/admin/article_write.html',
    editor: 'kindeditor',
    fill: [{ fill: '#title', value: TITLE }, { select: '#sort', value: '1' }],
    fields: { title: '#title', channel: '#sort' },
    currentUser: '褚十四',
    publish: [
      {
        via: 'submit input 发布文章 (multipart form post to ?action=add)',
        steps: [{ click: '#btn-publish' }],
        expect: { method: 'POST', path: '/cms/emlog/admin/article_save.php', query: { action: 'add' }, titleField: 'title', contentField: 'content', sends: 'navigate' },
        success: '发布文章成功',
      },
      {
        via: '保存草稿 → $.post(action=autosave)',
        draft: true,
        steps: [{ click: '#savedf' }],
        expect: { method: 'POST', path: '/cms/emlog/admin/article_save.php', query: { action: 'autosave' }, body: { ishide: 'y' }, titleField: 'title', contentField: 'content', sends: 'xhr' },
        success: '成功保存于',
      },
    ],
  },
  {
    id: 'wordpress-post-new',
    cms: 'wordpress',
    name: 'WordPress 撰写新文章（经典编辑器）',
    path: '/cms/wordpress/wp-admin/post-new.html',
    editor: 'tinymce',
    fill: [{ fill: '#title', value: TITLE }, { check: '#in-category-3' }],
    fields: { title: '#title', channel: 'input[type="checkbox"][name="post_category[]"]' },
    currentUser: '卫十五',
    publish: [
      {
        via: 'submit input 发布 (form with hidden <input name="action"> shadowing form.action)',
        steps: [{ click: '#publish' }],
        expect: { method: 'POST', path: '/cms/wordpress/wp-admin/post.php', body: { publish: '发布' }, titleField: 'post_title', contentField: 'content', sends: 'navigate' },
        success: '文章已发布',
      },
      {
        via: 'submit input 保存草稿 (same form, name="save")',
        draft: true,
        steps: [{ click: '#save-post' }],
        expect: { method: 'POST', path: '/cms/wordpress/wp-admin/post.php', body: { save: '保存草稿' }, titleField: 'post_title', contentField: 'content', sends: 'navigate' },
        success: '草稿已更新',
      },
    ],
  },
  {
    id: 'empirecms-addnews',
    cms: 'empirecms',
    name: '帝国CMS 7.5 增加信息',
    path: '/cms/empirecms/e/admin/AddNews.html',
    editor: 'ckeditor4',
    fill: [{ fill: 'input[name="title"]', value: TITLE }, { fill: 'input[name="writer"]', value: '钱六' }],
    fields: { title: 'input[name="title"]', channel: 'input[name="classid"]', author: 'input[name="writer"]' },
    currentUser: 'qianliu',
    publish: [
      {
        via: 'submit input 提交 in the form\'s header row (name=addnews2; multipart post, enews=AddNews in the body)',
        steps: [{ click: 'input[name="addnews2"]' }],
        expect: { method: 'POST', path: '/cms/empirecms/e/admin/ecmsinfo.php', titleField: 'title', contentField: 'newstext', sends: 'navigate' },
        success: '增加信息成功',
      },
      {
        via: 'submit input " 提 交 " at the bottom (name=addnews)',
        steps: [{ click: 'input[name="addnews"]' }],
        expect: { method: 'POST', path: '/cms/empirecms/e/admin/ecmsinfo.php', titleField: 'title', contentField: 'newstext', sends: 'navigate' },
        success: '增加信息成功',
      },
    ],
  },
  {
    id: 'jeecms-content-add',
    cms: 'jeecms',
    name: 'JEECMS 内容添加',
    path: '/cms/jeecms/jeeadmin/jeecms/content/add.html',
    editor: 'ckeditor4',
    fill: [{ select: '#channelId', value: '12' }, { fill: 'input[name="title"]', value: TITLE }, { fill: 'input[name="author"]', value: '周九' }],
    fields: { title: 'input[name="title"]', channel: '#channelId', author: 'input[name="author"]' },
    currentUser: 'zhoujiu',
    publish: [
      {
        via: 'submit input 提交 (#submit, onclick submitContent(); form post to o_save.do after the channel check)',
        steps: [{ click: '#submit' }],
        expect: { method: 'POST', path: '/cms/jeecms/jeeadmin/jeecms/content/o_save.do', titleField: 'title', contentField: 'txt', sends: 'navigate' },
        success: '操作成功',
      },
    ],
  },
  {
    id: 'sscms-editor',
    cms: 'sscms',
    name: 'SSCMS 添加内容',
    path: '/cms/sscms/ss-admin/cms/editor.html?siteId=1&channelId=2',
    editor: 'ueditor',
    fill: [{ fill: SSCMS_TITLE, value: TITLE }],
    fields: { title: SSCMS_TITLE, channel: '.el-breadcrumb__item[aria-current="page"] .el-breadcrumb__inner', author: 'label[for="author"] + .el-form-item__content input' },
    currentUser: '韩十六',
    publish: [
      {
        via: '审核状态 已审核 (the default for an admin who may check), then 保 存 → axios JSON post to actions/insert',
        steps: [{ click: '#checked-level input' }, { click: '#checked-level li[data-value="1"]' }, { click: '#btn-save' }],
        expect: { method: 'POST', path: '/cms/sscms/api/admin/cms/editor/actions/insert', body: { 'content.checkedLevel': '1' }, titleField: 'content.title', contentField: 'content.body', sends: 'xhr', headers: SSCMS_HEADERS },
        success: '内容新增成功',
      },
      {
        via: '审核状态 草稿 (-99), then 保 存: the same actions/insert',
        draft: true,
        steps: [{ click: '#checked-level input' }, { click: '#checked-level li[data-value="-99"]' }, { click: '#btn-save' }],
        expect: { method: 'POST', path: '/cms/sscms/api/admin/cms/editor/actions/insert', body: { 'content.checkedLevel': '-99' }, titleField: 'content.title', contentField: 'content.body', sends: 'xhr', headers: SSCMS_HEADERS },
        success: '内容新增成功',
      },
    ],
  },
  {
    id: 'publiccms-content-add',
    cms: 'publiccms',
    name: 'PublicCMS 内容增加',
    path: '/cms/publiccms/admin/content_add.html',
    editor: 'ckeditor4',
    fill: [{ fill: 'input[name="title"]', value: TITLE }, { fill: 'input[name="author"]', value: '陈十七' }],
    fields: { title: 'input[name="title"]', channel: 'input[name="categoryId"]', author: 'input[name="author"]' },
    currentUser: '陈十七',
    publish: [
      {
        via: 'submit button 保存 (草稿 unticked): onsubmit validateCallback → $.ajax of the form to cmsContent/save',
        steps: [{ uncheck: 'input[name="draft"]' }, { click: 'button[type="submit"].buttonActive' }],
        expect: { method: 'POST', path: '/cms/publiccms/admin/cmsContent/save', query: { callbackType: 'closeCurrent' }, titleField: 'title', contentField: 'text', sends: 'xhr' },
        success: '操作成功',
      },
      {
        via: '草稿 ticked, then 保存: the same cmsContent/save with draft=on',
        draft: true,
        steps: [{ check: 'input[name="draft"]' }, { click: 'button[type="submit"].buttonActive' }],
        expect: { method: 'POST', path: '/cms/publiccms/admin/cmsContent/save', body: { draft: 'on' }, titleField: 'title', contentField: 'text', sends: 'xhr' },
        success: '操作成功',
      },
    ],
  },
  {
    id: 'siteserver-content-add',
    cms: 'siteserver',
    name: 'SiteServer CMS 6 添加内容（ASP.NET WebForms）',
    path: '/cms/siteserver/SiteServer/Cms/pageContentAdd.aspx?siteId=1&channelId=2',
    editor: 'ueditor',
    fill: [{ fill: '#TbTitle', value: TITLE }, { fill: '#Author', value: '林十八' }],
    // no 栏目 on the form: the page is opened for the 栏目 picked in the channel tree beside it
    fields: { title: '#TbTitle', author: '#Author' },
    currentUser: '林十八',
    publish: [
      {
        via: 'asp:Button 确 定 (onclick validation, WebForm_OnSubmit): postback of the whole form, __VIEWSTATE and all',
        steps: [{ click: '#BtnSubmit' }],
        expect: { method: 'POST', path: '/cms/siteserver/SiteServer/Cms/pageContentAdd.aspx', query: { channelId: '2' }, body: { BtnSubmit: '确 定' }, titleField: 'TbTitle', contentField: 'Content', sends: 'navigate' },
        success: '内容添加成功',
      },
      {
        // (its Ctrl+回车 fires no keypress in today's Chromium: the shortcut works with Shift only)
        via: 'Shift+回车 in the title (contentAdd.js: a keypress handler clicks 确 定)',
        steps: [{ press: 'Shift+Enter', on: '#TbTitle' }],
        expect: { method: 'POST', path: '/cms/siteserver/SiteServer/Cms/pageContentAdd.aspx', query: { channelId: '2' }, body: { BtnSubmit: '确 定' }, titleField: 'TbTitle', contentField: 'Content', sends: 'navigate' },
        success: '内容添加成功',
      },
      {
        via: '预 览: jquery.form ajaxSubmit of the form to its own address &isPreview=True (saved as a preview), then the preview in a new window',
        draft: true,
        steps: [{ click: 'input[value="预 览"]' }],
        expect: { method: 'POST', path: '/cms/siteserver/SiteServer/Cms/pageContentAdd.aspx', query: { isPreview: 'True' }, titleField: 'TbTitle', contentField: 'Content', sends: 'xhr' },
        success: '内容预览',
        opens: 'window',
      },
    ],
  },
];

export const CMS_LIST_FIXTURES: readonly CmsListFixture[] = [
  {
    id: 'phpcms-content-list',
    cms: 'phpcms',
    name: 'PHPCMS v9 内容列表 → 审核通过',
    path: '/cms/phpcms/content_list.html',
    currentUser: 'wangwu',
    steps: [{ check: 'input[name="ids[]"][value="42"]' }, { check: 'input[name="ids[]"][value="43"]' }, { click: '#btn-pass' }],
    expect: { method: 'POST', path: '/cms/phpcms/index.php', query: { m: 'content', c: 'content', a: 'pass' }, sends: 'navigate', ids: { from: 'body', name: 'ids[]' }, wantIds: ['42', '43'] },
    success: '操作成功',
  },
  {
    id: 'dedecms-content-list',
    cms: 'dedecms',
    name: 'DedeCMS 文档列表 → 审核',
    path: '/cms/dedecms/dede/content_list.html',
    currentUser: 'sunqi',
    steps: [{ check: 'input[name="arcID"][value="42"]' }, { check: 'input[name="arcID"][value="43"]' }, { click: '#btn-check' }],
    expect: { method: 'GET', path: '/cms/dedecms/dede/archives_do.php', query: { dopost: 'checkArchives' }, sends: 'navigate', ids: { from: 'query', name: 'qstr', separator: '`' }, wantIds: ['42', '43'] },
    success: '成功审核',
  },
  {
    id: 'pbootcms-content-list',
    cms: 'pbootcms',
    name: 'PbootCMS 内容列表 → 状态开关（每行链接）',
    path: '/cms/pbootcms/content_list.html',
    currentUser: '吴十',
    steps: [{ click: '#status-42' }],
    expect: { method: 'GET', path: '/cms/pbootcms/admin.php', sends: 'navigate', ids: { from: 'query', name: 'p', pattern: '/id/(\\d+)/field/status/value/1' }, wantIds: ['42'] },
    success: '修改成功',
  },
  {
    id: 'thinkcmf-article-list',
    cms: 'thinkcmf',
    name: 'ThinkCMF 5 文章管理 → 发布',
    path: '/cms/thinkcmf/article_list.html',
    currentUser: '王十二',
    steps: [{ check: 'input[name="ids[]"][value="42"]' }, { check: 'input[name="ids[]"][value="43"]' }, { click: '#btn-publish' }],
    expect: { method: 'POST', path: '/cms/thinkcmf/portal/admin_article/publish/yes/1.html', sends: 'xhr', ids: { from: 'body', name: 'ids[]' }, wantIds: ['42', '43'] },
    success: '发布成功',
  },
  {
    id: 'empirecms-listnews',
    cms: 'empirecms',
    name: '帝国CMS 7.5 管理信息（待审核）→ 审核',
    path: '/cms/empirecms/e/admin/ListNews.html',
    currentUser: 'sunba',
    steps: [{ check: 'input[name="id[]"][value="42"]' }, { check: 'input[name="id[]"][value="43"]' }, { click: '#btn-check' }],
    expect: { method: 'POST', path: '/cms/empirecms/e/admin/ecmsinfo.php', body: { enews: 'CheckNews_all' }, sends: 'navigate', ids: { from: 'body', name: 'id[]' }, wantIds: ['42', '43'] },
    success: '审核信息成功',
  },
  {
    id: 'jeecms-content-list',
    cms: 'jeecms',
    name: 'JEECMS 内容列表 → 审核',
    path: '/cms/jeecms/jeeadmin/jeecms/content/list.html',
    currentUser: 'wushi',
    steps: [{ check: 'input[name="ids"][value="42"]' }, { check: 'input[name="ids"][value="43"]' }, { click: '#btn-check' }],
    expect: { method: 'POST', path: '/cms/jeecms/jeeadmin/jeecms/content/o_check.do', sends: 'navigate', ids: { from: 'body', name: 'ids' }, wantIds: ['42', '43'] },
    success: '审核成功',
  },
  {
    id: 'publiccms-uncheck-list',
    cms: 'publiccms',
    name: 'PublicCMS 待审核 → 批量审核',
    path: '/cms/publiccms/admin/content_uncheck_list.html',
    currentUser: '陈十七',
    steps: [{ check: 'input[name="ids"][value="42"]' }, { check: 'input[name="ids"][value="43"]' }, { click: '#btn-check' }],
    expect: { method: 'POST', path: '/cms/publiccms/admin/cmsContent/check', sends: 'xhr', ids: { from: 'body', name: 'ids', separator: ',' }, wantIds: ['42', '43'] },
    success: '操作成功',
  },
  {
    id: 'sscms-contents',
    cms: 'sscms',
    name: 'SSCMS 内容管理 → 审核（contentsLayerCheck 弹层 → 确 定）',
    path: '/cms/sscms/ss-admin/cms/contents.html?siteId=1&channelId=2',
    currentUser: '韩十六',
    steps: [{ check: '#contents tbody tr:nth-child(1) input' }, { check: '#contents tbody tr:nth-child(2) input' }, { click: '#btn-check' }, { click: '#btn-submit', frame: '#layui-layer-iframe1' }],
    expect: { method: 'POST', path: '/cms/sscms/api/admin/cms/contents/contentsLayerCheck', body: { checkedLevel: '1' }, sends: 'xhr', headers: SSCMS_HEADERS, ids: { from: 'body', name: 'channelContentIds', separator: ',', pattern: '^-?\\d+_(\\d+)$' }, wantIds: ['42', '43'] },
    sentIds: '2_42,2_43',
    rowsByScript: true,
    success: '内容审核成功!',
  },
  {
    id: 'publiccms-uncheck-row',
    cms: 'publiccms',
    name: 'PublicCMS 待审核 → 每行 审核（ajaxTodo）',
    path: '/cms/publiccms/admin/content_uncheck_list.html',
    currentUser: '陈十七',
    steps: [{ click: 'a[target="ajaxTodo"][href^="cmsContent/check?ids=42&"]' }],
    expect: { method: 'POST', path: '/cms/publiccms/admin/cmsContent/check', sends: 'xhr', ids: { from: 'query', name: 'ids', separator: ',' }, wantIds: ['42'] },
    success: '操作成功',
  },
];

/** The item ids a recorded request names, read with the adapters' own rule (lib/policy/list-publish.ts). */
export function readIds(r: { path: string; query: Record<string, string | string[]>; body: Record<string, unknown> }, ids: IdsIn): string[] {
  const url = new URL(r.path, 'http://fixture.invalid');
  for (const [k, v] of Object.entries(r.query)) for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, one);
  return itemIdsOf(ids, { url: url.href, body: r.body });
}
