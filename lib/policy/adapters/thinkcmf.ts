import type { ShippedAdapter } from './types';

/** ThinkCMF 5: portal/admin_article add.html (UEditor, js-ajax-submit), index.html 发布 (ids[]). */
export const thinkcmf: ShippedAdapter = {
  cms: 'thinkcmf',
  name: 'ThinkCMF 5',
  source: 'public/themes/admin_simpleboot3/portal/admin_article/add.html, edit.html, index.html',
  matchPaths: ['/*portal/admin_article/add*', '/*portal/admin_article/edit*', '/*portal/admin_article/index*'],
  adapter: {
    editor: { kind: 'ueditor' },
    fields: { title: '#title', channel: '#js-categories-name-input', currentUser: '.user-name' },
    publishButtons: ['button.js-ajax-submit'],
    publishRequests: [{ method: 'POST', urlPattern: 'portal/admin_article/(?:addPost|editPost)' }],
    listPublish: [
      {
        method: 'POST',
        urlPattern: 'portal/admin_article/publish/yes/1',
        ids: { from: 'body', name: 'ids[]' },
        rowCheckbox: 'input[name="ids[]"]',
      },
    ],
    // 取消发布 posts the ticked ids to publish/no/1: it takes them offline. In the path only, so that a
    // publish address never gets out of being one by naming it in its query.
    withdrawRequests: [{ method: 'POST', urlPattern: '^[^?#]*/portal/admin_article/publish/no/1(?:\\.html)?(?:$|[?#])' }],
    itemId: { field: '#post-id', responsePattern: '/edit/id/(\\d+)' },
  },
};
