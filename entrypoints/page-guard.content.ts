import { serveEditorApis } from '@/lib/editors/api-bridge';
import { installPageGuard } from '@/lib/intercept/page-guard';
import { DEFAULT_CMS_MATCHES } from '@/lib/policy/default-origins';

// MAIN world, before the page's own scripts: wraps the ways a page can publish without a click, and
// reads the editors' own APIs for the isolated world.
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
  },
});
