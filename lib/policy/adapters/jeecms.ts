import type { ShippedAdapter } from './types';

/**
 * JEECMS (v9 and the versions before it that load CKEditor): WEB-INF/jeecms_sys/content/add.html
 * (#jvForm → o_save.do, edit.html → o_update.do), content/list.html 审核 (optCheck(): #tableForm
 * posted to o_check.do with the ticked `ids`).
 */
export const jeecms: ShippedAdapter = {
  cms: 'jeecms',
  name: 'JEECMS',
  source: 'WEB-INF/jeecms_sys/content/add.html, edit.html, list.html',
  matchPaths: ['/*/content/v_add.do*', '/*/content/v_edit.do*', '/*/content/v_list.do*', '/*/content/o_*.do*'],
  adapter: {
    editor: { kind: 'ckeditor4' },
    fields: { title: 'input[name="title"]', channel: '#channelId', currentUser: '#welcome-user' },
    publishButtons: ['#jvForm input[type="submit"]#submit'],
    publishRequests: [{ method: 'POST', urlPattern: '/content/o_(?:save|update)\\.do(?:$|[?;])' }],
    listPublish: [
      {
        method: 'POST',
        urlPattern: '/content/o_check\\.do(?:$|[?;])',
        ids: { from: 'body', name: 'ids' },
        rowCheckbox: 'input[name="ids"]',
      },
    ],
    itemId: { field: 'input[name="id"]', urlParam: 'id' },
  },
};
