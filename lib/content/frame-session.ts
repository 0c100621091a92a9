import type { Outgoing } from '../gate/types';
import { uiLang } from '../i18n';
import { DRAFT_FINDINGS, sendMessage, TAB_STATE, TEACH, type PagePolicy } from '../messaging/protocol';
import { heldRequestOf } from '../policy/list-publish-from-request';
import { scanOptionsFromPolicy } from '../policy/scan-options';
import type { ScanOptions } from '../scan/engine';
import type { Rule } from '../scan/types';
import { startController, type Controller } from './controller';
import type { GateHub } from './gate/hub';
import { gateOnly, policyUrl } from './gate/policy-url';
import type { SignedItemsApi } from './item-id-sync';
import { signoffApi } from './signoff-api';
import { whenParsed } from './start-frame';
import { onPreviousGuard, removePreviousUi, watchOrphaned } from './previous-version';
import { startTeach } from './teach';
import { shownSaveOf } from './teach/save-demonstration';
import { showUpdateNotice } from './update-notice';

/** Editors appear late (UEditor builds its iframe after load): wait before calling a page editor-less. */
const PUBLISHED_CHECK_DELAY_MS = 2500;

/**
 * The draft's findings are read by the editor (the panel, the popup's page scan): their messages in
 * the browser's language, like every other word on screen.
 */
const shown = (options: ScanOptions): ScanOptions => ({ ...options, locale: uiLang() });

/** What the background keeps of the items signed on this origin. */
function signedItemsApi(origin: string): SignedItemsApi {
  const quietly = (p: Promise<unknown>) => void p.catch(() => undefined);
  return {
    revoke: (ids) => quietly(sendMessage('revokeSignedItems', { origin, ids })),
    saved: (id) => quietly(sendMessage('savedItemSigned', { origin, id })),
    navigated: () => quietly(sendMessage('releaseNavigated', { origin })),
    resultPage: (id) => quietly(sendMessage('savedItemSigned', { origin, id, from: 'page' })),
  };
}

/**
 * The frame that owns a page's gate once its document is there: the policy for the page, the
 * controller (panel, checklist, sign-off) while the policy covers the page, and the popup's questions.
 */
/** How this frame's isolated script came to run. */
export interface FrameStartup {
  /** Injected into a page already loaded (an install or update: lib/background/inject-open-tabs.ts), not at document_start. */
  injectedLate: boolean;
  /** Whether the extension that runs this script is still there (not updated, disabled or removed since). */
  extensionAlive: () => boolean;
  /** Calls `changed` whenever the background's list of signed items changes (a sign-off in any tab). */
  onSignedItemsChanged: (changed: () => void) => void;
}

export class FrameSession {
  private controller: Controller | null = null;
  private handedOver = false;

  constructor(
    private readonly win: Window,
    private readonly hub: GateHub,
    private readonly rules: readonly Rule[],
    private readonly startup: FrameStartup,
  ) {}

  start(): void {
    // the gate stays either way: it judges without the extension, and refuses what needs a sign-off
    watchOrphaned(this.win, this.startup.extensionAlive, () => this.leave());
    // only a top window's CMS page: a frame's guard steps aside for its parent's as a matter of course,
    // and so does a window the page opened for its opener's; their first about:blank document is
    // complete already when scripts run there (Firefox runs its own in each)
    if (this.startup.injectedLate && this.win === this.win.top && this.win.location.protocol !== 'about:') onPreviousGuard(this.win.document, () => this.showPreviousVersion());
    this.hub.setNetworkOpener((ids) => sendMessage('openBackstop', { origin: this.win.location.origin, ids }));
    // without it a question through another window's relay spends no release (fail closed)
    void sendMessage('getRelayKey', undefined)
      .then((key) => this.hub.relayKey.set(key))
      .catch(() => this.hub.relayKey.set(null));
    this.loadSignedItems();
    // a list page open while an item is signed off in another tab publishes it without a reload
    this.startup.onSignedItemsChanged(() => this.loadSignedItems());
    const policyLoaded = this.loadPolicy();
    whenParsed(this.win.document, () => {
      if (this.handedOver) return;
      this.controller = startController(this.win, this.hub, shown({ rules: this.rules }), signoffApi, signedItemsApi(this.win.location.origin));
      void policyLoaded.then((page) => this.policyArrived(page));
    });
  }

  private loadSignedItems(): void {
    void sendMessage('getSignedItems', this.win.location.origin)
      .then((ids) => this.hub.signedItems.read(new Set(ids)))
      .catch(() => undefined);
  }

  /** The gate judges with the built-in rules at once; the page's policy refines them when it arrives. */
  private loadPolicy(): Promise<PagePolicy | undefined> {
    return sendMessage('getPolicyForPage', policyUrl(this.win.location))
      .then((page) => {
        const options = page.covered ? scanOptionsFromPolicy(page, this.rules) : { rules: this.rules };
        this.hub.configure(options, page);
        if (this.controllerCovered(page)) this.controller?.configure(shown(options), page);
        // Another port of a granted host (Firefox grants hosts, not ports): not this policy's page.
        else this.leave();
        return page;
      })
      .catch(() => {
        this.hub.policySettled();
        return undefined;
      });
  }

  /** The gate of an about:blank, srcdoc or blob: document is its origin's; its controller stands down as before (policy-url.ts). */
  private controllerCovered(page: PagePolicy): boolean {
    return page.covered && !gateOnly(this.win.location);
  }

  private policyArrived(page: PagePolicy | undefined): void {
    if (page && !this.controllerCovered(page)) return this.leave();
    if (page) this.controller?.configure(shown(scanOptionsFromPolicy(page, this.rules)), page);
    this.win.setTimeout(() => this.checkPublishedPage(), PUBLISHED_CHECK_DELAY_MS);
  }

  /** A covered page without an editor may be a published item: the background checks it against what was signed off when its title names one. */
  private checkPublishedPage(): void {
    if (this.controller?.hasEditors()) return;
    const doc = this.win.document;
    const titles = [doc.title, ...[...doc.querySelectorAll('h1')].map((h) => h.textContent ?? '')].map((t) => t.trim()).filter(Boolean);
    if (titles.length > 0) sendMessage('publishedPageOpened', { titles }).catch(() => undefined);
  }

  private leave(): void {
    this.controller?.dispose();
    this.controller = null;
  }

  /** The page is still guarded by the version before an update: its screens and ours give way to the notice to reload. */
  private showPreviousVersion(): void {
    if (this.handedOver) return;
    this.handedOver = true;
    this.leave();
    removePreviousUi(this.win.document);
    whenParsed(this.win.document, () => showUpdateNotice(this.win.document));
  }

  /** A runtime message for this frame; true when the answer comes later (sendResponse kept open). */
  readonly onMessage = (message: unknown, _sender: unknown, sendResponse: (state: unknown) => void): true | undefined => {
    const type = (message as { type?: string }).type;
    const top = this.win === this.win.top;
    // The popup's state at a glance: answered (sendResponse) only by the top frame's controller.
    if (type === TAB_STATE && top && this.controller) {
      sendResponse(this.controller.tabState());
      return undefined;
    }
    // The popup's 扫描此页面 on an edit page reads the draft as the checklist does; a page without
    // editors stays silent, and the popup scans its main content instead.
    if (type === DRAFT_FINDINGS && top && this.controller?.hasEditors()) {
      void this.controller.draftFindings().then(sendResponse);
      return true;
    }
    // Teaching happens in the top frame (a cross-origin frame runs its own content script).
    if (type === TEACH && top) this.teach();
    return undefined;
  };

  private teach(): void {
    startTeach(this.win, {
      save: async (adapter) => {
        const result = await sendMessage('saveTaughtAdapter', adapter);
        // The taught adapter applies at once: its publish controls are guarded from now on.
        if (result.accepted) await this.loadPolicy();
        return result;
      },
      holdRequests: (seen) => this.holdForTeaching((o) => seen(heldRequestOf(o))),
      holdSaves: (seen) => this.holdForTeaching((o) => seen(shownSaveOf(o))),
    });
  }

  /** Every request held and shown to teach mode; the CMS's own controls take real clicks meanwhile. */
  private holdForTeaching(seen: (o: Outgoing) => void): () => void {
    const resume = this.controller?.pauseEarlyStop();
    const stop = this.hub.gate.holdForTeaching(seen);
    return () => {
      stop();
      resume?.();
    };
  }
}
