/**
 * A page gate that judges files and nothing else of the page (no draft, no adapter, no signed
 * items): what the attachment unit tests put their file book behind.
 */
import type { FileVerdicts } from '../../../lib/content/gate/files';
import { GestureTracker } from '../../../lib/content/gate/gestures';
import { PageGate } from '../../../lib/content/gate/page-gate';
import { rules } from '../../../rules';

export function filesGate(files: FileVerdicts, now: () => number = () => 0): PageGate {
  return new PageGate({
    scanOptions: () => ({ rules }),
    draft: () => null,
    policy: () => ({ draftSaves: 'scan', declaredDraftSave: () => false, declaredPublish: () => false, declaredWithdraw: () => false, networkBlocked: () => false, listIds: () => null }),
    signedItems: () => new Set(),
    ticked: () => [],
    gestures: new GestureTracker(now),
    files,
    covered: () => true,
    now,
  });
}
