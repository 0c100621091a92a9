import type { ShippedAdapter } from './types';

/**
 * WordPress (classic editor): wp-admin/edit-form-advanced.php (TinyMCE; 发布 / 保存草稿 post the same
 * form to post.php, told apart by the `publish` / `save` field). So post.php is not named as a publish
 * endpoint: the browser's network backstop sees no body and would block 保存草稿 too. The page gate
 * still judges both posts by their content (the draft needs a sign-off unless 保存草稿 saves it clean).
 */
export const wordpress: ShippedAdapter = {
  cms: 'wordpress',
  name: 'WordPress（经典编辑器）',
  source: 'wp-admin/edit-form-advanced.php, wp-admin/includes/meta-boxes.php',
  matchPaths: ['/*wp-admin/post-new.php*', '/*wp-admin/post.php*'],
  adapter: {
    editor: { kind: 'tinymce' },
    fields: { title: '#title', channel: 'input[type="checkbox"][name="post_category[]"]', currentUser: '#wp-admin-bar-my-account .display-name' },
    publishButtons: ['#publish'],
    publishRequests: [],
    itemId: { field: '#post_ID', urlParam: 'post' },
  },
};
