import type { ShippedAdapter } from './types';

/** PHPCMS v9: content_add.tpl.php / content_list.tpl.php (CKEditor, form post; 审核通过 posts ids[]). */
export const phpcms: ShippedAdapter = {
  cms: 'phpcms',
  name: 'PHPCMS v9',
  source: 'phpcms/modules/content/templates/content_add.tpl.php, content_list.tpl.php',
  matchPaths: ['/*index.php?m=content&c=content&a=add*', '/*index.php?m=content&c=content&a=edit*', '/*index.php?m=content&c=content&a=init*'],
  adapter: {
    editor: { kind: 'ckeditor4' },
    fields: { title: '#title', channel: 'input[name="info[catid]"]', currentUser: '#admin_username' },
    publishButtons: ['input[name="dosubmit"]', 'input[name="dosubmit_continue"]'],
    // No look-ahead: the browser's network rules (RE2) would skip the pattern. PHPCMS writes m, c, a in this order.
    publishRequests: [{ method: 'POST', urlPattern: 'index\\.php\\?.*\\bc=content&a=(?:add|edit)\\b' }],
    listPublish: [
      {
        method: 'POST',
        // c and a in either order: page code may send them so, or post a (url-spellings.ts puts the body after the query)
        urlPattern: 'index\\.php\\?(?:.*&)?(?:c=content&(?:.*&)?a=pass|a=pass&(?:.*&)?c=content)(?:&|$)',
        ids: { from: 'body', name: 'ids[]' },
        rowCheckbox: 'input[name="ids[]"]',
      },
    ],
    itemId: { urlParam: 'id' },
  },
};
