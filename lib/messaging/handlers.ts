/**
 * The background's answers to the protocol, as plain functions over a policy store (tests call them
 * directly), and the one call that wires them to the messenger.
 */
import type { PolicyStore } from '../policy/store';
import { pagePolicy } from './page-policy';
import { onMessage, type PagePolicy, type PolicyState, type SaveResult } from './protocol';

export interface PolicyHandlers {
  getPolicyForPage(url: string): Promise<PagePolicy>;
  getPolicyState(): Promise<PolicyState>;
  savePolicy(candidate: unknown): Promise<SaveResult>;
  importPolicyJson(text: string): Promise<SaveResult>;
}

export function createPolicyHandlers(store: PolicyStore): PolicyHandlers {
  return {
    async getPolicyForPage(url) {
      await store.ready;
      const { policy, locked } = store.state();
      return pagePolicy(policy, locked, typeof url === 'string' ? url : '');
    },
    async getPolicyState() {
      await store.ready;
      return store.state();
    },
    async savePolicy(candidate) {
      await store.ready;
      return store.save(candidate);
    },
    async importPolicyJson(text) {
      await store.ready;
      return store.importJson(typeof text === 'string' ? text : '');
    },
  };
}

/** Registers the handlers with the messenger (synchronously, as an MV3 service worker must). */
export function listenForPolicyMessages(store: PolicyStore): () => void {
  const h = createPolicyHandlers(store);
  const off = [
    onMessage('getPolicyForPage', ({ data }) => h.getPolicyForPage(data)),
    onMessage('getPolicyState', () => h.getPolicyState()),
    onMessage('savePolicy', ({ data }) => h.savePolicy(data)),
    onMessage('importPolicyJson', ({ data }) => h.importPolicyJson(data)),
  ];
  return () => off.forEach((f) => f());
}
