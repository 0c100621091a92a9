/**
 * The one message protocol between Precheck's parts (background, content scripts, options page,
 * popup). Messages carry settings and results only, never draft text: a draft is scanned where it is
 * written.
 *
 * Background answers:
 *   getPolicyForPage(url)    content script → what it needs for that page (no PIN records)
 *   getPolicyState()         options page / popup → the policy in force, locked keys, rejected inputs
 *   savePolicy(candidate)    options page → the whole candidate policy, accepted whole or not at all
 *   importPolicyJson(text)   options page → a policy file's text, the same way
 *   saveTaughtAdapter(a)     content script → a site adapter taught on its page, added to the local
 *                            policy (replacing one for the same page) and saved like savePolicy
 * Background sends:
 *   policyChanged(state)     → extension pages, after the policy in force changed
 *   precheck:allow-once      → content scripts (legacy shape, see sendAllowOnce)
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { SiteAdapter } from '../policy/schema';
import type { PolicyState, SaveResult } from '../policy/store';
import type { PagePolicy } from './page-policy';

export type { PolicyState, SaveResult, SourcedProblem } from '../policy/store';
export type { PagePolicy } from './page-policy';

export interface ProtocolMap {
  getPolicyForPage(url: string): PagePolicy;
  getPolicyState(): PolicyState;
  savePolicy(candidate: unknown): SaveResult;
  importPolicyJson(text: string): SaveResult;
  saveTaughtAdapter(adapter: SiteAdapter): SaveResult;
  policyChanged(state: PolicyState): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

/**
 * A one-shot pass for the next publish in a tab (test and sign-off trigger). The content script
 * listens for this plain shape on runtime.onMessage, so it is sent as is, not through the messenger.
 */
export const ALLOW_ONCE = 'precheck:allow-once';

export interface AllowOnceMessage {
  type: typeof ALLOW_ONCE;
  /** Re-dispatch the publish action that was stopped. */
  replay: boolean;
}

/** Popup → the active tab's content script: start the "teach Precheck this CMS" pick mode. */
export const TEACH = 'precheck:teach';

export function allowOnceMessage(replay: boolean): AllowOnceMessage {
  return { type: ALLOW_ONCE, replay };
}

export async function sendAllowOnce(tabId: number, replay: boolean, frameId?: number): Promise<void> {
  const message = allowOnceMessage(replay);
  await (frameId === undefined ? browser.tabs.sendMessage(tabId, message) : browser.tabs.sendMessage(tabId, message, { frameId }));
}
