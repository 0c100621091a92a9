import { sendMessage } from '../messaging/protocol';
import type { SignoffApi } from './signoff-flow';

/** The checklist asks the background, which alone holds the PIN records, the sign-offs and the log. */
export const signoffApi: SignoffApi = {
  pinChallenge: (req) => sendMessage('pinChallenge', req),
  signOff: (req) => sendMessage('signOff', req),
  overrideFinding: (req) => sendMessage('overrideFinding', req),
  signOffFile: (req) => sendMessage('signOffFile', req),
  getSignoffs: (digest) => sendMessage('getSignoffs', digest),
  voidSignoffs: (req) => sendMessage('voidSignoffs', req),
  releasePublish: (req) => sendMessage('releasePublish', req),
  recordAudit: (entry) => sendMessage('recordAudit', entry),
  getEditorIdentity: () => sendMessage('getEditorIdentity', undefined),
};
