/**
 * What the options page asks of the extension. The page talks to the background only through the
 * message protocol; tests give the components a client over a store of their own.
 */
import { browser } from 'wxt/browser';
import { onMessage, sendMessage, type AdminResult, type AdminStatus, type PinChallenge, type PolicyState, type RosterAuth, type SaveResult } from '../../lib/messaging/protocol';
import { browserKind, type BrowserKind } from '../../lib/policy/host-access';
import type { Policy } from '../../lib/policy/schema';
import type { Localized } from '../../lib/scan/types';
import { pinProof } from '../../lib/signoff/pin-proof';

export type ReviewerPinProof = NonNullable<RosterAuth['reviewerPin']>;

export interface PolicyClient {
  getState(): Promise<PolicyState>;
  save(candidate: Policy, auth?: RosterAuth): Promise<SaveResult>;
  importJson(text: string, auth?: RosterAuth): Promise<SaveResult>;
  /** Whose match patterns the grants are (Firefox cannot grant a port: lib/policy/host-access.ts). */
  browser: BrowserKind;
  /** Asks the user for host access. Call it first thing in a click handler (it needs the gesture). */
  requestOrigins(origins: string[]): Promise<boolean>;
  hasOrigin(origin: string): Promise<boolean>;
  /** Called when the policy in force changes elsewhere (managed update, another tab). */
  onChanged(listener: (state: PolicyState) => void): () => void;
  adminStatus(): Promise<AdminStatus>;
  setAdminPassword(req: { current?: string; next: string }): Promise<AdminResult>;
  checkAdminPassword(password: string): Promise<AdminResult>;
  /**
   * Proves a reviewer's current PIN for a reset without sending it: the background's challenge,
   * answered here as at sign-off. A PIN that cannot be anyone's is refused before a try is spent.
   */
  provePin(reviewerId: string, pin: string): Promise<{ ok: true; proof: ReviewerPinProof } | { ok: false; message: Localized }>;
}

export async function answerPinChallenge(
  challenge: (reviewerId: string) => Promise<PinChallenge>,
  reviewerId: string,
  pin: string,
): ReturnType<PolicyClient['provePin']> {
  const c = await challenge(reviewerId);
  if (!c.ok) return { ok: false, message: c.message };
  try {
    return { ok: true, proof: { reviewerId, challengeId: c.challengeId, proof: await pinProof(pin, c) } };
  } catch (error) {
    const problem = (error as { problem?: Localized }).problem;
    return { ok: false, message: problem ?? { zh: String(error), en: String(error) } };
  }
}

export function messagingClient(): PolicyClient {
  return {
    getState: () => sendMessage('getPolicyState'),
    save: (policy, auth) => sendMessage('savePolicy', { policy, ...(auth && { auth }) }),
    importJson: (text, auth) => sendMessage('importPolicyJson', { text, ...(auth && { auth }) }),
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
    adminStatus: () => sendMessage('adminStatus'),
    setAdminPassword: (req) => sendMessage('setAdminPassword', req),
    checkAdminPassword: (password) => sendMessage('checkAdminPassword', password),
    provePin: (reviewerId, pin) => answerPinChallenge((id) => sendMessage('pinChallenge', { reviewerId: id }), reviewerId, pin),
  };
}
