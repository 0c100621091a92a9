import type { ShippedAdapter } from './types';

/** DedeCMS 5.7: article_add.htm (CKEditor, <input type=image> submit), content_list.htm 审核 (qstr=42`43). */
export const dedecms: ShippedAdapter = {
  cms: 'dedecms',
  name: 'DedeCMS 5.7（织梦）',
  source: 'dede/templets/article_add.htm, article_edit.htm, content_list.htm, dede/js/list.js',
  matchPaths: ['/*article_add.php*', '/*article_edit.php*', '/*content_list.php*'],
  adapter: {
    editor: { kind: 'ckeditor4' },
    fields: { title: '#title', channel: 'select[name="typeid"]', currentUser: '.username' },
    publishButtons: ['input[type="image"][name="imageField"]'],
    publishRequests: [{ method: 'POST', urlPattern: 'article_(?:add|edit)\\.php(?:$|\\?)' }],
    listPublish: [
      {
        // any method, qstr from the body too: DedeCMS registers POST fields as it does GET's
        urlPattern: 'archives_do\\.php\\?.*\\bdopost=checkArchives\\b',
        ids: { from: 'either', name: 'qstr', separator: '`' },
        rowCheckbox: 'input[name="arcID"]',
      },
    ],
    // A new article's id: article_add.php answers with a 更改文章 link to archives_do.php?aid=N.
    itemId: { field: 'input[name="id"]', urlParam: 'aid', resultPattern: 'archives_do\\.php\\?aid=(\\d+)&dopost=editArchives' },
  },
};
