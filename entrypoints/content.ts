import { browser } from 'wxt/browser';
import { startController } from '@/lib/content/controller';
import { DEFAULT_CMS_MATCHES } from '@/lib/policy/default-origins';
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
  matches: [...DEFAULT_CMS_MATCHES],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main() {
    if (!isTopmostReachable()) return;
    const controller = startController(window, { rules });
    browser.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { type?: string; replay?: boolean };
      if (m.type === 'precheck:allow-once') controller.allowOnce(m.replay === true);
    });
  },
});
