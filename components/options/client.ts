/**
 * What the options page asks of the extension. The page talks to the background only through the
 * message protocol; tests give the components a client over a store of their own.
 */
import { browser } from 'wxt/browser';
import { onMessage, sendMessage, type PolicyState, type SaveResult } from '../../lib/messaging/protocol';
import { browserKind, type BrowserKind } from '../../lib/policy/host-access';
import type { Policy } from '../../lib/policy/schema';

export interface PolicyClient {
  getState(): Promise<PolicyState>;
  save(candidate: Policy): Promise<SaveResult>;
  importJson(text: string): Promise<SaveResult>;
  /** Whose match patterns the grants are (Firefox cannot grant a port: lib/policy/host-access.ts). */
  browser: BrowserKind;
  /** Asks the user for host access. Call it first thing in a click handler (it needs the gesture). */
  requestOrigins(origins: string[]): Promise<boolean>;
  hasOrigin(origin: string): Promise<boolean>;
  /** Called when the policy in force changes elsewhere (managed update, another tab). */
  onChanged(listener: (state: PolicyState) => void): () => void;
}

export function messagingClient(): PolicyClient {
  return {
    getState: () => sendMessage('getPolicyState'),
    save: (candidate) => sendMessage('savePolicy', candidate),
    importJson: (text) => sendMessage('importPolicyJson', text),
    browser: browserKind(import.meta.env.BROWSER),
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    hasOrigin: async (origin) => {
      try {
        return await browser.permissions.contains({ origins: [origin] });
      } catch {
        return false;
      }
    },
    onChanged: (listener) => onMessage('policyChanged', ({ data }) => listener(data)),
  };
}
