import type { ShippedAdapter } from './types';

const ECMSINFO = '/e/admin/ecmsinfo\\.php(?:$|\\?)';

/**
 * EmpireCMS 7.5 (帝国CMS): e/admin/AddNews.php with the model form e/data/html/<modid>.php (CKEditor,
 * two submit inputs 提交), e/admin/ListNews.php 待审核 → 审核 (form post of id[]). Every action posts to
 * e/admin/ecmsinfo.php and names itself in `enews` (read as `$_POST['enews']`, else `$_GET['enews']`;
 * e/admin/ecmsinfo.php, and the buttons of e/data/html/list/listinfo.php, which set
 * `document.listform.enews.value` before the form posts), so the rules ask for it:
 * - publish: AddNews / EditNews, the add and edit form's hidden `enews` (AddNews.php);
 * - list publish: CheckNews_all (审核 on the 待审核 list: the ticked id[] go live), and SetAllCheckInfo
 *   (the list header's 审核栏目全部信息 link: every item of the 栏目 goes live, so it names no id and is
 *   held unless a release is current).
 * Everything else passes as before: DelNews_all 删除, GoodInfo_all 推荐 / 头条, TopNews_all 置顶,
 * InfoToDoc 归档, MoveNews_all / CopyNews_all, NoCheckNews_all 取消审核, and 刷新 (enews=ReSingleInfo to
 * ecmschtml.php, which rebuilds the pages of items already published: no new content). The rules read
 * the body, so the browser's network backstop holds none of them: the page gate does.
 */
export const empirecms: ShippedAdapter = {
  cms: 'empirecms',
  name: '帝国CMS 7.5（EmpireCMS）',
  source: 'e/admin/AddNews.php, e/data/html/1.php, e/admin/ListNews.php, e/data/html/list/listinfo.php, e/admin/ecmsinfo.php',
  matchPaths: ['/*e/admin/AddNews.php*', '/*e/admin/ListNews.php*', '/*e/admin/ecmsinfo.php*'],
  adapter: {
    editor: { kind: 'ckeditor4' },
    fields: { title: 'input[name="title"]', channel: 'input[name="classid"]', currentUser: 'a[href^="user/EditPassword.php"] b' },
    publishButtons: ['input[type="submit"][name="addnews"]', 'input[type="submit"][name="addnews2"]'],
    publishRequests: [{ method: 'POST', urlPattern: ECMSINFO, field: { name: 'enews', pattern: '^(?:AddNews|EditNews)$' } }],
    listPublish: [
      {
        method: 'POST',
        urlPattern: ECMSINFO,
        field: { name: 'enews', pattern: '^CheckNews_all$' },
        ids: { from: 'body', name: 'id[]' },
        rowCheckbox: 'input[name="id[]"]',
      },
      { method: 'GET', urlPattern: ECMSINFO, field: { name: 'enews', pattern: '^SetAllCheckInfo$' }, ids: { from: 'query', name: 'id' } },
    ],
    itemId: { field: 'input[name="id"]', urlParam: 'id' },
  },
};
