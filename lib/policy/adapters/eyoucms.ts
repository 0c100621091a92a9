import type { ShippedAdapter } from './types';

/** EyouCMS: article/add.htm (UEditor, <a> 确认提交 → form post). */
export const eyoucms: ShippedAdapter = {
  cms: 'eyoucms',
  name: 'EyouCMS（易优）',
  source: 'application/admin/template/article/add.htm, edit.htm',
  matchPaths: ['/*c=Article&a=add*', '/*c=Article&a=edit*'],
  adapter: {
    editor: { kind: 'ueditor' },
    fields: { title: '#title', channel: '#typeid', currentUser: '#admin_name' },
    publishButtons: ['#submitBtn'],
    publishRequests: [{ method: 'POST', urlPattern: '[?&]c=Article&a=(?:add|edit)\\b' }],
    itemId: { field: 'input[name="aid"]', urlParam: 'id' },
  },
};
