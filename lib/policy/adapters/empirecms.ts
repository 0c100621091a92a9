import type { ShippedAdapter } from './types';

/**
 * EmpireCMS 7.5 (帝国CMS): e/admin/AddNews.php with the model form e/data/html/<modid>.php (CKEditor,
 * two submit inputs 提交), e/admin/ListNews.php 待审核 → 审核 (form post of id[]). Every action posts to
 * e/admin/ecmsinfo.php and names itself in the body (enews=AddNews / EditNews / CheckNews_all /
 * DelNews_all …), which a URL pattern cannot see: every POST there is held as a publish, and on the
 * list page every button of the form (删除, 推荐 too) needs the ticked items signed.
 */
export const empirecms: ShippedAdapter = {
  cms: 'empirecms',
  name: '帝国CMS 7.5（EmpireCMS）',
  source: 'e/admin/AddNews.php, e/data/html/1.php, e/admin/ListNews.php, e/data/html/list/listinfo.php',
  matchPaths: ['/*e/admin/AddNews.php*', '/*e/admin/ListNews.php*', '/*e/admin/ecmsinfo.php*'],
  adapter: {
    editor: { kind: 'ckeditor4' },
    fields: { title: 'input[name="title"]', channel: 'input[name="classid"]', currentUser: 'a[href^="user/EditPassword.php"] b' },
    publishButtons: ['input[type="submit"][name="addnews"]', 'input[type="submit"][name="addnews2"]'],
    publishRequests: [{ method: 'POST', urlPattern: '/e/admin/ecmsinfo\\.php(?:$|\\?)' }],
    listPublish: [
      {
        method: 'POST',
        urlPattern: '/e/admin/ecmsinfo\\.php(?:$|\\?)',
        ids: { from: 'body', name: 'id[]' },
        rowCheckbox: 'input[name="id[]"]',
      },
    ],
    itemId: { field: 'input[name="id"]', urlParam: 'id' },
  },
};
