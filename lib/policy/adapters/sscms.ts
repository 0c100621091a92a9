import type { ShippedAdapter } from './types';

const EDITOR_SAVE = '/api/admin/cms/editor(?:/editor)?/actions/(?:insert|update)(?:$|\\?)';

/**
 * SSCMS (SiteServer CMS 7, .NET): ss-admin/cms/editor.cshtml with wwwroot/sitefiles/assets/js/admin/
 * cms/editor.js (UEditor; 保 存 posts the whole form as JSON by axios to /api/admin/cms/editor/actions/
 * insert, or update for an item already saved; older 7.x builds route it cms/editor/editor/actions/…).
 * Publish and draft go to the same address; the body's `content.checkedLevel` tells them apart
 * (CheckManager.LevelInt: -99 草稿, 0 待审核, 1… the review steps; EditorController.Insert checks the
 * item when the level reaches the site's CheckContentLevel):
 * - publish: any level but -99 (a 待审核 item leaves the editor for the review queue, and an admin
 *   who may check publishes at once);
 * - draft save: -99.
 * Both read the body, so the browser's network backstop holds neither: the page gate does.
 */
export const sscms: ShippedAdapter = {
  cms: 'sscms',
  name: 'SSCMS（SiteServer CMS）',
  source: 'src/SSCMS.Web/Pages/ss-admin/cms/editor.cshtml, wwwroot/sitefiles/assets/js/admin/cms/editor.js, Controllers/Admin/Cms/Editor/EditorController.Insert.cs, contents.js, contentsLayerCheck.js, Controllers/Admin/Cms/Contents/ContentsLayerCheckController.Submit.cs',
  matchPaths: ['/*ss-admin/cms/editor*', '/*api/admin/cms/editor*', '/*ss-admin/cms/contents*', '/*api/admin/cms/contents*'],
  adapter: {
    editor: { kind: 'ueditor' },
    fields: {
      title: 'label[for="title"] + .el-form-item__content input',
      channel: '.el-breadcrumb__item[aria-current="page"] .el-breadcrumb__inner',
      currentUser: '.admin-name',
    },
    // 保 存 publishes or saves a draft as the 审核状态 says: no publish button, the request rule tells.
    publishButtons: [],
    publishRequests: [{ method: 'POST', urlPattern: EDITOR_SAVE, field: { name: 'content.checkedLevel', pattern: '^(?!-99$)-?\\d+$' } }],
    draftRequests: [{ method: 'POST', urlPattern: EDITOR_SAVE, field: { name: 'content.checkedLevel', pattern: '^-99$' } }],
    // 内容管理 → 审核 opens contentsLayerCheck, whose 确 定 posts the ticked items as
    // channelContentIds "2_42,2_43" (channel_content); ContentsLayerCheckController.Submit checks them
    // (and builds their pages) when checkedLevel reaches the site's review level: a level of 1 or more
    // is the publish, 0 (待审核) and the negative 退稿 levels are not.
    listPublish: [
      {
        method: 'POST',
        urlPattern: '/api/admin/cms/contents/contentsLayerCheck(?:$|\\?)',
        field: { name: 'checkedLevel', pattern: '^[1-9]\\d*$' },
        ids: { from: 'body', name: 'channelContentIds', separator: ',', pattern: '^-?\\d+_(\\d+)$' },
      },
    ],
    itemId: { urlParam: 'contentId' },
  },
};
