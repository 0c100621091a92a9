import { browser } from 'wxt/browser';
import { listenForAttachmentScanner } from '@/lib/attachments/service/open-scanner';
import { listenForAuditMessages } from '@/lib/audit/listen';
import { createBackstop, type DnrApi } from '@/lib/background/backstop';
import { injectOpenTabs } from '@/lib/background/inject-open-tabs';
import { relayKeySource } from '@/lib/background/relay-key';
import { createStartupGuard } from '@/lib/background/startup-guard';
import { policyVersion } from '@/lib/audit/policy-version';
import { createAuditService } from '@/lib/audit/service';
import { openAuditDb } from '@/lib/audit/store';
import { deferred } from '@/lib/messaging/deferred';
import { listenForPolicyMessages } from '@/lib/messaging/handlers';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { listenForPublishedPages } from '@/lib/audit/published-page';
import { createAdminService } from '@/lib/policy/admin-password';
import { browserKind } from '@/lib/policy/host-access';
import { createRegistrationSync, manifestScriptFiles } from '@/lib/policy/registration';
import { createPolicyStore } from '@/lib/policy/store';
import { createSignoffService } from '@/lib/signoff/service';
import { listenForSignoffMessages } from '@/lib/signoff/listen';
import { createSignedItemStore } from '@/lib/signoff/signed-items';

// The only writer of policy state, sign-offs and the audit log. Listeners are attached synchronously
// so a message or a storage change wakes the service worker into a ready handler.
export default defineBackground(() => {
  const store = createPolicyStore(browser.storage);
  const policy = () => store.state().policy;
  const kind = browserKind(import.meta.env.BROWSER);
  /** The CMS origins the content scripts run on now (the registration's last result): the backstop blocks there only. */
  let covered: readonly string[] = [];
  const dnr = browser.declarativeNetRequest as unknown as DnrApi;
  const registration = createRegistrationSync(
    {
      scripting: browser.scripting,
      permissions: browser.permissions,
      manifestScripts: manifestScriptFiles(browser.runtime.getManifest()),
      browser: kind,
    },
    browser.permissions,
    () => store.state().policy.origins,
    (error) => console.error('[precheck] content script registration:', error instanceof Error ? error.message : String(error)),
    (result) => {
      void startup.covered(result.origins);
      // a sync drops the per-tab allows of a release: only when the covered origins change
      if (result.origins.join() === covered.join()) return;
      covered = result.origins;
      void store.ready.then(() => backstop.sync(policy(), covered));
    },
  );
  // First thing at every start: the scripts registered again from the last run's origins and run in the
  // tabs already open, then the browser's startup lockdown lifted (lib/gate/startup-rules.ts).
  const startup = createStartupGuard({
    dnr,
    storage: browser.storage.local,
    session: browser.storage.session,
    register: async (origins) => (await registration.sync(origins))?.origins ?? [],
    injectOpenTabs: (origins) => injectOpenTabs(browser, origins, kind),
  });
  const started = startup.start().catch((error: unknown) => console.error('[precheck] startup guard:', error instanceof Error ? error.message : String(error)));
  const audit = deferred(
    // Records are chained against the policy in force: wait for it before the first append.
    Promise.all([openAuditDb(), store.ready]).then(([db]) => {
      const service = createAuditService({ db, policy, fetch: (...args) => fetch(...args), now: () => new Date() });
      void service.start();
      return service;
    }),
  );
  const signoff = createSignoffService({ storage: browser.storage.local, policy, audit: (entry) => audit.append(entry) });
  const admin = createAdminService(browser.storage.local);
  listenForPolicyMessages(store, admin, { admin, verifyReviewerPin: (req) => signoff.verifyReviewerPin(req) });
  listenForAuditMessages(audit);
  // Adapter-named publish endpoints are blocked by the browser for every route; a release opens them
  // for its tab for a few seconds.
  const backstop = createBackstop(dnr, (message) => console.warn('[precheck]', message));
  const signedItems = createSignedItemStore(browser.storage.local);
  listenForSignoffMessages(signoff, signedItems, {
    released: (tabId) => (tabId === undefined ? Promise.resolve() : backstop.allowTab(tabId)),
  });
  onMessage('openBackstop', async ({ data, sender }) => {
    const signed = new Set(await signedItems.list(data.origin));
    const tabId = (sender as { tab?: { id?: number } }).tab?.id;
    if (tabId === undefined || data.ids.length === 0 || !data.ids.every((id) => signed.has(id))) return false;
    await backstop.allowTab(tabId);
    return true;
  });
  const relayKey = relayKeySource(browser.storage.session);
  onMessage('getRelayKey', () => relayKey());
  listenForPublishedPages(browser, audit);
  listenForAttachmentScanner();
  store.subscribe((state) => {
    void registration.sync();
    void backstop.sync(state.policy, covered);
    void audit.policyChanged(state.policy.meta.updatedBy ?? state.source, policyVersion(state.policy));
    // Open options pages refresh; with none open there is no receiver, which is fine.
    sendMessage('policyChanged', state).catch(() => undefined);
  });
  void Promise.all([store.ready, started]).then(() => Promise.all([registration.sync(), backstop.sync(store.state().policy, covered)]));
  // Wakes the worker at every browser start, so the registrations are brought in line with the
  // policy (a managed policy may have changed while the browser was closed) at once, not whenever the
  // worker next happens to wake; starting the worker is enough, the store and the sync above run.
  browser.runtime.onStartup.addListener(() => undefined);
});
