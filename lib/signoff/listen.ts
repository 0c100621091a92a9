/** Wires the sign-off authority to the messenger (synchronously, as an MV3 service worker must). */
import { onMessage } from '../messaging/protocol';
import type { SignoffService } from './service';
import type { SignedItemStore } from './signed-items';

export interface ReleaseHooks {
  /** A release was granted in this tab: the network backstop lets the tab's publish through once. */
  released(tabId: number | undefined): void;
}

export function listenForSignoffMessages(service: SignoffService, items: SignedItemStore, hooks: ReleaseHooks): () => void {
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
        hooks.released((sender as { tab?: { id?: number } }).tab?.id);
      }
      return result;
    }),
    onMessage('getSignedItems', ({ data }) => items.list(data)),
    onMessage('revokeSignedItems', ({ data }) => items.revoke(data.origin, data.ids)),
    onMessage('getEditorIdentity', () => service.getEditorIdentity()),
    onMessage('setEditorIdentity', ({ data }) => service.setEditorIdentity(data)),
  ];
  return () => off.forEach((f) => f());
}
