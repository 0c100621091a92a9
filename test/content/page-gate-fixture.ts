import { fingerprintDraft } from '../../lib/gate/draft-match';
import { PageFiles } from '../../lib/content/attachments/page-files';
import { FileVerdicts } from '../../lib/content/gate/files';
import { GestureTracker } from '../../lib/content/gate/gestures';
import { PageGate, type GateDeps, type PageAsk } from '../../lib/content/gate/page-gate';
import { rules } from '../../rules';

/**
 * The page's gate on a covered page holding `draft`, on a clock the test moves: no adapter, no files,
 * no ticket; `page`: the gate of the window that opened this one, asked first; `relayKey`: this load's
 * relay key as the background handed it (null: not yet).
 */
export function pageGate(clock: { t: number }, draft: string, page: PageAsk | null = null, relayKey: string | null = null, outcome?: GateDeps['outcome']): PageGate {
  return new PageGate({
    scanOptions: () => ({ rules }),
    draft: () => fingerprintDraft(draft),
    policy: () => ({ draftSaves: 'scan', declaredDraftSave: () => false, declaredPublish: () => false, declaredWithdraw: () => false, networkBlocked: () => false, listIds: () => null }),
    signedItems: () => new Set(),
    ticked: () => [],
    gestures: new GestureTracker(() => clock.t),
    files: new FileVerdicts(new PageFiles(() => Promise.reject(new Error('no files in these tests')))),
    covered: () => true,
    page: () => page,
    relayKey: () => relayKey,
    outcome,
    now: () => clock.t,
  });
}
