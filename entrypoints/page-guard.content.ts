import { serveEditorApis } from '@/lib/editors/api-bridge';
import { serveEditorEdits } from '@/lib/editors/edit-serve';
import { watchWangEditors } from '@/lib/editors/wangeditor-registry';
import { installPageGuard } from '@/lib/intercept/main/install';
import { DEFAULT_CMS_MATCHES } from '@/lib/policy/default-origins';

// MAIN world, before the page's own scripts: every way the page can send data goes through the
// private channel to the isolated world's gate; and the editors' own APIs are read for it (and, for
// 全部打码 only, written through; wangEditor's editors are collected as the page creates them).
export default defineContentScript({
  // Registered at run time by lib/policy/registration.ts for exactly the policy's granted origins;
  // these matches only become the install-time host permissions (the local test CMS).
  registration: 'runtime',
  matches: [...DEFAULT_CMS_MATCHES],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    installPageGuard(window);
    serveEditorApis(window);
    serveEditorEdits(window);
    watchWangEditors(window);
  },
});
