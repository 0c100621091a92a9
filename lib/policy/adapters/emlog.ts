import type { ShippedAdapter } from './types';

/**
 * emlog: admin/views/article_write.php (KindEditor in 5.x; 发布文章 form post, 保存草稿/autosave $.post).
 * - Draft save: 保存草稿 and the 30 s timer post `article_save.php?action=autosave` (admin/views/js/
 *   common.js autosave()), which stores the article with `hide` = the posted `ishide`. The script sends
 *   `y` for a new article (an empty #ishide), but an article already published has #ishide `n`, and its
 *   autosave updates the live article: only `ishide=y` is a draft save — every `ishide` sent, and no
 *   `pubPost` beside it (the publish rule, which outweighs a draft save).
 */
export const emlog: ShippedAdapter = {
  cms: 'emlog',
  name: 'emlog',
  source: 'admin/views/article_write.php, admin/views/js/common.js',
  matchPaths: ['/*admin/article.php?action=write*', '/*admin/write_log.php*', '/*admin/article_write*'],
  adapter: {
    editor: { kind: 'kindeditor' },
    fields: { title: '#title', channel: '#sort', currentUser: 'a[href="blogger.php"]' },
    publishButtons: ['#addlog input[type="submit"]'],
    publishRequests: [
      { method: 'POST', urlPattern: '(?:article|save_log|article_save)\\.php\\?action=(?:add|edit)\\b' },
      // article_save.php: isset($_POST['pubPost']) makes any save public, an autosave too — sent blank as well
      { method: 'POST', urlPattern: '(?:save_log|article_save)\\.php\\?action=autosave\\b', field: { name: 'pubPost', pattern: '^' } },
    ],
    draftRequests: [{ method: 'POST', urlPattern: '(?:save_log|article_save)\\.php\\?action=autosave\\b', field: { name: 'ishide', pattern: '^y$' } }],
    itemId: { field: '#as_logid', responsePattern: 'autosave_gid:(\\d+)_' },
  },
};
