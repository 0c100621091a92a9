import { browser } from 'wxt/browser';
import { FrameSession } from '@/lib/content/frame-session';
import { watchSignedItems } from '@/lib/content/signed-items-watch';
import { startFrame } from '@/lib/content/start-frame';
import { DEFAULT_CMS_MATCHES } from '@/lib/policy/default-origins';
import { rules } from '@/rules';

export default defineContentScript({
  // Registered at run time by lib/policy/registration.ts for exactly the policy's granted origins;
  // these matches only become the install-time host permissions (the local test CMS).
  registration: 'runtime',
  matches: [...DEFAULT_CMS_MATCHES],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  // document_start: the gate must answer the MAIN-world guard before the page's first script runs.
  runAt: 'document_start',
  main() {
    // at document_start the document is always still loading; later means injected into an open tab
    const injectedLate = document.readyState !== 'loading';
    // The gate judges with the built-in rules at once, before the page's first script.
    const started = startFrame(window, { rules });
    if (!started?.owner) return;
    const session = new FrameSession(window, started.hub, rules, {
      injectedLate,
      extensionAlive: () => browser.runtime?.id !== undefined,
      onSignedItemsChanged: (changed) => watchSignedItems(browser.storage, changed),
    });
    session.start();
    browser.runtime.onMessage.addListener(session.onMessage);
  },
});
