import { browser } from 'wxt/browser';
import { startController } from '@/lib/content/controller';
import { startTeach } from '@/lib/content/teach';
import type { SignoffApi } from '@/lib/content/signoff-flow';
import { startFrame, whenParsed } from '@/lib/content/start-frame';
import { policyUrl } from '@/lib/content/gate/policy-url';
import { DRAFT_FINDINGS, sendMessage, TAB_STATE, TEACH } from '@/lib/messaging/protocol';
import { DEFAULT_CMS_MATCHES } from '@/lib/policy/default-origins';
import { scanOptionsFromPolicy } from '@/lib/policy/scan-options';
import { heldRequestOf } from '@/lib/policy/list-publish-from-request';
import { uiLang } from '@/lib/i18n';
import type { ScanOptions } from '@/lib/scan/engine';
import { rules } from '@/rules';

/**
 * The draft's findings are read by the editor (the panel, the popup's page scan): their messages in
 * the browser's language, like every other word on screen.
 */
const shown = (options: ScanOptions): ScanOptions => ({ ...options, locale: uiLang() });

/** Editors appear late (UEditor builds its iframe after load): wait before calling a page editor-less. */
const PUBLISHED_CHECK_DELAY_MS = 2500;

// The checklist asks the background, which alone holds the PIN records, the sign-offs and the log.
const signoffApi: SignoffApi = {
  pinChallenge: (req) => sendMessage('pinChallenge', req),
  signOff: (req) => sendMessage('signOff', req),
  overrideFinding: (req) => sendMessage('overrideFinding', req),
  signOffFile: (req) => sendMessage('signOffFile', req),
  getSignoffs: (digest) => sendMessage('getSignoffs', digest),
  voidSignoffs: (req) => sendMessage('voidSignoffs', req),
  releasePublish: (req) => sendMessage('releasePublish', req),
  recordAudit: (entry) => sendMessage('recordAudit', entry),
  getEditorIdentity: () => sendMessage('getEditorIdentity', undefined),
};

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
    // The gate judges with the built-in rules at once; the page's policy refines them when it arrives.
    const started = startFrame(window, { rules });
    if (!started?.owner) return;
    const { hub } = started;
    const loadPolicy = () =>
      sendMessage('getPolicyForPage', policyUrl(location))
        .then((page) => {
          const options = page.covered ? scanOptionsFromPolicy(page, rules) : { rules };
          hub.configure(options, page);
          if (page.covered) controller?.configure(shown(options), page);
          else {
            // Another port of a granted host (Firefox grants hosts, not ports): not this policy's page.
            controller?.dispose();
            controller = null;
          }
          return page;
        })
        .catch(() => undefined);
    const loadSignedItems = () =>
      sendMessage('getSignedItems', location.origin)
        .then((ids) => hub.setSignedItems(new Set(ids)))
        .catch(() => undefined);
    let controller: ReturnType<typeof startController> | null = null;
    hub.setNetworkOpener((ids) => sendMessage('openBackstop', { origin: location.origin, ids }));
    void loadSignedItems();
    const policyLoaded = loadPolicy();
    whenParsed(document, () => {
      controller = startController(window, hub, shown({ rules }), signoffApi, {
        revoke: (ids) => void sendMessage('revokeSignedItems', { origin: location.origin, ids }).catch(() => undefined),
        saved: (id) => void sendMessage('savedItemSigned', { origin: location.origin, id }).catch(() => undefined),
        navigated: () => void sendMessage('releaseNavigated', { origin: location.origin }).catch(() => undefined),
        resultPage: (id) => void sendMessage('savedItemSigned', { origin: location.origin, id, from: 'page' }).catch(() => undefined),
      });
      void policyLoaded.then((page) => {
        if (page && !page.covered) {
          controller?.dispose();
          controller = null;
          return;
        }
        if (page?.covered) controller?.configure(shown(scanOptionsFromPolicy(page, rules)), page);
        // A covered page without an editor may be a published item: the background checks it against
        // what was signed off when its title names one.
        setTimeout(() => {
          if (controller?.hasEditors()) return;
          const titles = [document.title, ...[...document.querySelectorAll('h1')].map((h) => h.textContent ?? '')].map((t) => t.trim()).filter(Boolean);
          if (titles.length > 0) sendMessage('publishedPageOpened', { titles }).catch(() => undefined);
        }, PUBLISHED_CHECK_DELAY_MS);
      });
    });
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (state: unknown) => void) => {
      const type = (message as { type?: string }).type;
      // The popup's state at a glance: answered (sendResponse) only by the top frame's controller.
      if (type === TAB_STATE && window === window.top && controller) {
        sendResponse(controller.tabState());
        return;
      }
      // The popup's 扫描此页面 on an edit page reads the draft as the checklist does; a page without
      // editors stays silent, and the popup scans its main content instead.
      if (type === DRAFT_FINDINGS && window === window.top && controller?.hasEditors()) {
        void controller.draftFindings().then(sendResponse);
        return true;
      }
      // Teaching happens in the top frame (a cross-origin frame runs its own content script).
      if (type === TEACH && window === window.top) {
        startTeach(window, {
          async save(adapter) {
            const result = await sendMessage('saveTaughtAdapter', adapter);
            // The taught adapter applies at once: its publish controls are guarded from now on.
            if (result.accepted) await loadPolicy();
            return result;
          },
          holdRequests: (seen) => hub.gate.holdForTeaching((o) => seen(heldRequestOf(o))),
        });
      }
    });
  },
});
