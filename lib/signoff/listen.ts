/** Wires the sign-off authority to the messenger (synchronously, as an MV3 service worker must). */
import { onMessage } from '../messaging/protocol';
import type { SignoffService } from './service';

export function listenForSignoffMessages(service: SignoffService): () => void {
  const off = [
    onMessage('pinChallenge', ({ data }) => service.pinChallenge(data)),
    onMessage('signOff', ({ data }) => service.signOff(data)),
    onMessage('overrideFinding', ({ data }) => service.overrideFinding(data)),
    onMessage('getSignoffs', ({ data }) => service.getSignoffs(data)),
    onMessage('voidSignoffs', ({ data }) => service.voidSignoffs(data)),
    onMessage('releasePublish', ({ data }) => service.releasePublish(data)),
    onMessage('getEditorIdentity', () => service.getEditorIdentity()),
    onMessage('setEditorIdentity', ({ data }) => service.setEditorIdentity(data)),
  ];
  return () => off.forEach((f) => f());
}
