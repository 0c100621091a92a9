/**
 * The background's answers to the protocol, as plain functions over a policy store (tests call them
 * directly), and the one call that wires them to the messenger.
 */
import { withAdapter } from '../policy/adapter-from-picks';
import { isRecord } from '../policy/fields';
import type { SiteAdapter } from '../policy/schema';
import type { PolicyStore } from '../policy/store';
import { urlMatches } from '../policy/host-access';
import { pagePolicy } from './page-policy';
import { onMessage, type PagePolicy, type PolicyState, type SaveResult } from './protocol';

export interface PolicyHandlers {
  getPolicyForPage(url: string): Promise<PagePolicy>;
  getPolicyState(): Promise<PolicyState>;
  savePolicy(candidate: unknown): Promise<SaveResult>;
  importPolicyJson(text: string): Promise<SaveResult>;
  /** `pageUrl`: the sending tab's URL; the adapter must apply to that page (a page teaches only itself). */
  saveTaughtAdapter(adapter: unknown, pageUrl?: string): Promise<SaveResult>;
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
    async saveTaughtAdapter(adapter, pageUrl) {
      await store.ready;
      const current = store.state();
      const match = isRecord(adapter) && Array.isArray(adapter.match) ? (adapter.match as unknown[]) : [];
      if (pageUrl !== undefined && !match.some((m) => typeof m === 'string' && urlMatches(m, pageUrl))) {
        return {
          accepted: false,
          problems: [{ path: 'adapters', zh: '教学生成的适配器不适用于发送它的页面', en: 'the taught adapter does not apply to the page that sent it' }],
          state: current,
        };
      }
      // The whole policy is validated as usual: a bad selector or a page outside the origins is refused.
      return store.save(withAdapter(current.policy, adapter as SiteAdapter));
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
    onMessage('saveTaughtAdapter', ({ data, sender }) => {
      const from = sender as unknown as { url?: string; tab?: { url?: string } };
      return h.saveTaughtAdapter(data, from.url ?? from.tab?.url ?? '');
    }),
  ];
  return () => off.forEach((f) => f());
}
