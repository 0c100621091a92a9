import type { ShippedAdapter } from './types';

const SAVE = '/cmsContent/save(?:$|\\?)';

/**
 * PublicCMS: templates/admin/cmsContent/add.html (a DWZ form loaded into the admin's navTab; 保存 →
 * `validateCallback(this, navTabAjaxDone)`, i.e. $.ajax of the form to cmsContent/save). The same save
 * stores a draft when the 草稿 checkbox is ticked (`draft=on`; unticked, the field is not sent):
 * - publish: the save without `draft` (with 审核通过 ticked it goes live, else to the review queue);
 * - draft save: the save with `draft`.
 * Both read the body, so the browser's network backstop holds neither: the page gate does.
 */
export const publiccms: ShippedAdapter = {
  cms: 'publiccms',
  name: 'PublicCMS',
  source: 'publiccms-parent/publiccms/src/main/resources/templates/admin/cmsContent/add.html, uncheck_list.html',
  matchPaths: ['/*admin/*', '/*admin/cmsContent/*'],
  adapter: {
    editor: { kind: 'ckeditor4' },
    fields: { title: 'input[name="title"]', channel: 'input[name="categoryId"]', currentUser: '#header .nickname' },
    // 保存 publishes or saves a draft as the 草稿 box says: no publish button, the request rule tells.
    publishButtons: [],
    publishRequests: [{ method: 'POST', urlPattern: SAVE, field: { name: 'draft', absent: true } }],
    draftRequests: [{ method: 'POST', urlPattern: SAVE, field: { name: 'draft' } }],
    // 待审核 → 批量审核 posts the ticked ids joined by commas (DWZ selectedTodo); a row's own 审核 link
    // (ajaxTodo) posts nothing but its address, the id in its query. Spring MVC reads `ids` from the
    // query and the body alike, so both are read.
    listPublish: [{ method: 'POST', urlPattern: '/cmsContent/check(?:$|\\?)', ids: { from: 'either', name: 'ids', separator: ',' }, rowCheckbox: 'input[name="ids"]' }],
    itemId: { field: 'input[name="id"]', urlParam: 'id' },
  },
};
