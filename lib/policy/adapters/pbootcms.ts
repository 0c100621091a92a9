import type { ShippedAdapter } from './types';

/** PbootCMS: content/content.html (UEditor, 立即提交; list status switch /Content/mod/id/42/field/status/value/1). */
export const pbootcms: ShippedAdapter = {
  cms: 'pbootcms',
  name: 'PbootCMS',
  source: 'apps/admin/view/default/content/content.html',
  matchPaths: ['/*admin.php?p=/Content/index*', '/*admin.php?p=/Content/mod/mcode/*', '/*admin.php/Content/*'],
  adapter: {
    editor: { kind: 'ueditor' },
    fields: { title: 'input[name="title"]', channel: 'select[name="scode"]', currentUser: '#user-realname' },
    publishButtons: ['button[lay-submit][name="submit"]'],
    publishRequests: [{ method: 'POST', urlPattern: 'admin\\.php(?:\\?p=|/)/?Content/(?:add|mod)/' }],
    listPublish: [
      {
        method: 'GET',
        // the CMS's own spelling, or the pairs folded and sorted (url-spellings.ts): any order, or as query parameters
        urlPattern: 'admin\\.php(?:\\?p=|/)/?Content/mod(?:/id/\\d+/field/status/value/1|[?&](?:[^&]*&)*field=status&(?:[^&]*&)*id=\\d+&(?:[^&]*&)*value=1(?:&|$))',
        ids: { from: 'query', name: 'p', pattern: '/id/(\\d+)(?:/|$)' },
      },
    ],
  },
};
