import type { ShippedAdapter } from './types';

/**
 * WordPress (classic editor): wp-admin/edit-form-advanced.php (TinyMCE; 发布 / 保存草稿 post the same
 * form to post.php, told apart by the submit button's name, wp-admin/includes/meta-boxes.php).
 * - Publish: WordPress publishes when `publish` is sent non-empty (_wp_translate_postdata in
 *   wp-admin/includes/post.php), whatever its label (发布, 计划 for a scheduled post).
 * - Draft save: not `save` itself — on a post already live the primary button 更新 is `name="save"`
 *   too, and changes the published post. What tells a draft is the hidden `original_post_status`
 *   (edit-form-advanced.php): auto-draft, draft or pending. A `publish` sent beside it still publishes
 *   (a declared publish outweighs a declared draft save, lib/gate/verdict.ts).
 * - Autosave: every minute autosave.js sends the post through the heartbeat (admin-ajax.php,
 *   `data[wp_autosave][…]`); wp_autosave() stores it in the draft itself or, for a post already
 *   published, in an autosave revision — never in the live post. Undeclared, it was held every minute
 *   as an unsigned publish and the checklist opened each time.
 * All read the body: the browser's network backstop, which sees none, holds none; the page gate does.
 */
export const wordpress: ShippedAdapter = {
  cms: 'wordpress',
  name: 'WordPress（经典编辑器）',
  source: 'wp-admin/edit-form-advanced.php, wp-admin/includes/meta-boxes.php, wp-admin/includes/post.php',
  matchPaths: ['/*wp-admin/post-new.php*', '/*wp-admin/post.php*'],
  adapter: {
    editor: { kind: 'tinymce' },
    fields: { title: '#title', channel: 'input[type="checkbox"][name="post_category[]"]', currentUser: '#wp-admin-bar-my-account .display-name' },
    publishButtons: ['#publish'],
    publishRequests: [
      { method: 'POST', urlPattern: '/wp-admin/post\\.php(?:$|\\?)', field: { name: 'publish' } },
      // _wp_translate_postdata() publishes a save whose post_status says so, whatever button sent it
      { method: 'POST', urlPattern: '/wp-admin/post\\.php(?:$|\\?)', field: { name: 'post_status', pattern: '^(?:publish|future)$' } },
      // wp_autosave() hands a draft's autosave to edit_post(): the same reading of publish / post_status
      { method: 'POST', urlPattern: '/wp-admin/admin-ajax\\.php(?:$|\\?)', field: { name: 'data[wp_autosave][publish]' } },
      { method: 'POST', urlPattern: '/wp-admin/admin-ajax\\.php(?:$|\\?)', field: { name: 'data[wp_autosave][post_status]', pattern: '^(?:publish|future)$' } },
    ],
    draftRequests: [
      { method: 'POST', urlPattern: '/wp-admin/post\\.php(?:$|\\?)', field: { name: 'original_post_status', pattern: '^(?:auto-draft|draft|pending)$' } },
      { method: 'POST', urlPattern: '/wp-admin/admin-ajax\\.php(?:$|\\?)', field: { name: 'data[wp_autosave][post_id]', pattern: '^\\d+$' } },
    ],
    itemId: { field: '#post_ID', urlParam: 'post' },
  },
};
