/**
 * The background's answers to the protocol, as plain functions over a policy store (tests call them
 * directly), and the one call that wires them to the messenger.
 */
import { withAdapter } from '../policy/adapter-from-picks';
import type { AdminService } from '../policy/admin-password';
import { isRecord } from '../policy/fields';
import { authorizeRoster, type RosterAuthDeps } from '../policy/roster-auth';
import type { SiteAdapter } from '../policy/schema';
import type { PolicyStore } from '../policy/store';
import { parsePolicyJson } from '../policy/validate';
import { urlMatches } from '../policy/host-access';
import { pagePolicy } from './page-policy';
import { onMessage, type PagePolicy, type PolicyState, type ProtocolMap, type SaveResult } from './protocol';

export interface PolicyHandlers {
  /** `tabUrl`: the asking frame's tab's address, for an opaque frame that cannot name its page (OPAQUE_UNNAMED). */
  getPolicyForPage(url: string, tabUrl?: string): Promise<PagePolicy>;
  getPolicyState(): Promise<PolicyState>;
  savePolicy(req: Parameters<ProtocolMap['savePolicy']>[0]): Promise<SaveResult>;
  importPolicyJson(req: Parameters<ProtocolMap['importPolicyJson']>[0]): Promise<SaveResult>;
  /** `pageUrl`: the sending tab's URL; the adapter must apply to that page (a page teaches only itself). */
  saveTaughtAdapter(adapter: unknown, pageUrl?: string): Promise<SaveResult>;
}

/**
 * `roster` (the background always passes it): a change to an unlocked roster needs the administrator
 * password or the reviewer's PIN first. Without it (some unit tests) the store alone decides.
 */
export function createPolicyHandlers(store: PolicyStore, roster?: RosterAuthDeps): PolicyHandlers {
  async function refusedRoster(reviewers: unknown, auth: unknown): Promise<SaveResult | null> {
    const state = store.state();
    if (!roster || state.locked.includes('reviewers')) return null;
    const problem = await authorizeRoster(state.policy.reviewers, reviewers, auth, roster);
    return problem ? { accepted: false, problems: [problem], state } : null;
  }

  return {
    async getPolicyForPage(url, tabUrl) {
      await store.ready;
      const { policy, locked } = store.state();
      return pagePolicy(policy, locked, typeof url === 'string' ? url : '', tabUrl);
    },
    async getPolicyState() {
      await store.ready;
      return store.state();
    },
    async savePolicy(req) {
      await store.ready;
      const candidate: unknown = isRecord(req) ? req.policy : undefined;
      const refused = await refusedRoster(isRecord(candidate) ? candidate.reviewers : undefined, isRecord(req) ? req.auth : undefined);
      return refused ?? store.save(candidate);
    },
    async importPolicyJson(req) {
      await store.ready;
      const text = isRecord(req) && typeof req.text === 'string' ? req.text : '';
      // The roster as the file means it (a version-1 file migrated); a file that does not parse is the store's to refuse.
      const file = parsePolicyJson(text);
      const refused = file.ok ? await refusedRoster(file.policy.reviewers, isRecord(req) ? req.auth : undefined) : null;
      return refused ?? store.importJson(text);
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
export function listenForPolicyMessages(store: PolicyStore, admin: AdminService, roster: RosterAuthDeps): () => void {
  const h = createPolicyHandlers(store, roster);
  const off = [
    onMessage('getPolicyForPage', ({ data, sender }) => h.getPolicyForPage(data, (sender as unknown as { tab?: { url?: string } }).tab?.url)),
    onMessage('getPolicyState', () => h.getPolicyState()),
    onMessage('savePolicy', ({ data }) => h.savePolicy(data)),
    onMessage('importPolicyJson', ({ data }) => h.importPolicyJson(data)),
    onMessage('adminStatus', () => admin.status()),
    onMessage('setAdminPassword', ({ data }) => admin.setPassword(data)),
    onMessage('checkAdminPassword', ({ data }) => admin.check(data)),
    onMessage('saveTaughtAdapter', ({ data, sender }) => {
      const from = sender as unknown as { url?: string; tab?: { url?: string } };
      return h.saveTaughtAdapter(data, from.url ?? from.tab?.url ?? '');
    }),
  ];
  return () => off.forEach((f) => f());
}
