import { browser } from 'wxt/browser';
import { startController } from '@/lib/content/controller';
import { startTeach } from '@/lib/content/teach';
import { ALLOW_ONCE, sendMessage, TEACH } from '@/lib/messaging/protocol';
import { DEFAULT_CMS_MATCHES } from '@/lib/policy/default-origins';
import { scanOptionsFromPolicy } from '@/lib/policy/scan-options';
import { rules } from '@/rules';

function isTopmostReachable(): boolean {
  if (window === window.top) return true;
  try {
    // A same-origin parent's controller already guards this frame (document.open wipes scripts here).
    return !window.top?.document;
  } catch {
    return true;
  }
}

export default defineContentScript({
  // Registered at run time by lib/policy/registration.ts for exactly the policy's granted origins;
  // these matches only become the install-time host permissions (the local test CMS).
  registration: 'runtime',
  matches: [...DEFAULT_CMS_MATCHES],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main() {
    if (!isTopmostReachable()) return;
    // Guard with the built-in rules at once; the page's policy refines them when it arrives.
    const controller = startController(window, { rules });
    const loadPolicy = () =>
      sendMessage('getPolicyForPage', location.href)
        .then((page) => {
          if (page.covered) controller.configure(scanOptionsFromPolicy(page, rules), page.adapter);
        })
        .catch(() => undefined);
    void loadPolicy();
    browser.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { type?: string; replay?: boolean };
      if (m.type === ALLOW_ONCE) controller.allowOnce(m.replay === true);
      // Teaching happens in the top frame (a cross-origin frame runs its own content script).
      if (m.type === TEACH && window === window.top) {
        startTeach(window, {
          async save(adapter) {
            const result = await sendMessage('saveTaughtAdapter', adapter);
            // The taught adapter applies at once: its publish controls are guarded from now on.
            if (result.accepted) await loadPolicy();
            return result;
          },
        });
      }
    });
  },
});
