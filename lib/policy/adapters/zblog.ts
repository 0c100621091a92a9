import type { ShippedAdapter } from './types';

/** Z-BlogPHP: zb_system/admin/edit.php (UEditor plugin; 提交 sets form.action to cmd.php?act=ArticlePst). */
export const zblog: ShippedAdapter = {
  cms: 'zblog',
  name: 'Z-BlogPHP',
  source: 'zb_system/admin/edit.php, admin_top.php',
  matchPaths: ['/*zb_system/admin/edit.php*'],
  adapter: {
    editor: { kind: 'ueditor' },
    fields: { title: '#edtTitle', channel: '#cmbCateID', currentUser: '.username' },
    publishButtons: ['#btnPost'],
    publishRequests: [{ method: 'POST', urlPattern: 'cmd\\.php\\?act=(?:ArticlePst|PagePst)' }],
    itemId: { field: '#edtID', urlParam: 'id' },
  },
};
