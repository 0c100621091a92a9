import { browser } from 'wxt/browser';
import { listenForPolicyMessages } from '@/lib/messaging/handlers';
import { sendMessage } from '@/lib/messaging/protocol';
import { createRegistrationSync, manifestScriptFiles } from '@/lib/policy/registration';
import { createPolicyStore } from '@/lib/policy/store';

// The only writer of policy state. Listeners are attached synchronously so a message or a storage
// change wakes the service worker into a ready handler; the audit log joins here with its issue.
export default defineBackground(() => {
  const store = createPolicyStore(browser.storage);
  const registration = createRegistrationSync(
    {
      scripting: browser.scripting,
      permissions: browser.permissions,
      manifestScripts: manifestScriptFiles(browser.runtime.getManifest()),
    },
    browser.permissions,
    () => store.state().policy.origins,
    (error) => console.error('[precheck] content script registration:', error instanceof Error ? error.message : String(error)),
  );
  listenForPolicyMessages(store);
  store.subscribe((state) => {
    void registration.sync();
    // Open options pages refresh; with none open there is no receiver, which is fine.
    sendMessage('policyChanged', state).catch(() => undefined);
  });
  void store.ready.then(() => registration.sync());
  // Wakes the worker at every browser start, so the registrations are brought in line with the
  // policy (a managed policy may have changed while the browser was closed) at once, not whenever the
  // worker next happens to wake; starting the worker is enough, the store and the sync above run.
  browser.runtime.onStartup.addListener(() => undefined);
});
