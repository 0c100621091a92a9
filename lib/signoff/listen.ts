/** Wires the sign-off authority to the messenger (synchronously, as an MV3 service worker must). */
import { onMessage } from '../messaging/protocol';
import type { SignoffService } from './service';
import type { SignedItemStore } from './signed-items';
import { ReleasedTabs } from './released-tabs';

export interface ReleaseHooks {
  /** A release was granted in this tab: the network backstop lets the tab's publish through once. */
  released(tabId: number | undefined): Promise<void>;
}

const tabOf = (sender: unknown) => (sender as { tab?: { id?: number } }).tab?.id;

export function listenForSignoffMessages(service: SignoffService, items: SignedItemStore, hooks: ReleaseHooks, releasedTabs = new ReleasedTabs()): () => void {
  const off = [
    onMessage('pinChallenge', ({ data }) => service.pinChallenge(data)),
    onMessage('signOff', ({ data }) => service.signOff(data)),
    onMessage('overrideFinding', ({ data }) => service.overrideFinding(data)),
    onMessage('signOffFile', ({ data }) => service.signOffFile(data)),
    onMessage('getSignoffs', ({ data }) => service.getSignoffs(data)),
    onMessage('voidSignoffs', ({ data }) => service.voidSignoffs(data)),
    onMessage('releasePublish', async ({ data, sender }) => {
      const result = await service.releasePublish(data);
      if (result.ok) {
        const origin = data.context.origin;
        if (origin && data.itemIds && data.itemIds.length > 0) await items.add(origin, data.itemIds);
        const tab = tabOf(sender);
        if (origin && tab !== undefined) releasedTabs.released(tab, origin);
        // The replayed publish must find the browser's block already lifted for this tab.
        await hooks.released(tab);
      }
      return result;
    }),
    onMessage('getSignedItems', ({ data }) => items.list(data)),
    onMessage('revokeSignedItems', ({ data }) => items.revoke(data.origin, data.ids)),
    onMessage('savedItemSigned', async ({ data, sender }) => {
      const tab = tabOf(sender);
      if (tab === undefined || (data.id !== null && !/^[A-Za-z0-9_-]{1,40}$/.test(data.id))) return false;
      if (!releasedTabs.take(tab, data.origin, data.from ?? 'response') || data.id === null) return false;
      await items.add(data.origin, [data.id]);
      return true;
    }),
    onMessage('releaseNavigated', ({ data, sender }) => {
      const tab = tabOf(sender);
      if (tab !== undefined) releasedTabs.navigated(tab, data.origin);
    }),
    onMessage('getEditorIdentity', () => service.getEditorIdentity()),
    onMessage('setEditorIdentity', ({ data }) => service.setEditorIdentity(data)),
  ];
  return () => off.forEach((f) => f());
}
