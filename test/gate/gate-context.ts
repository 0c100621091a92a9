import { fingerprintDraft } from '../../lib/gate/draft-match';
import type { GateContext } from '../../lib/gate/verdict';
import { scan } from '../../lib/scan/engine';
import { rules } from '../../rules';

/** What a covered page with `draft` in its editor tells the gate: no ticket, no adapter, no files. */
export function gateContext(draft: string, over: Partial<GateContext> = {}): GateContext {
  return {
    scan: (t) => scan(t, { rules }),
    draft: fingerprintDraft(draft),
    ticket: null,
    draftSaves: 'scan',
    declaredDraftSave: () => false,
    declaredPublish: () => false,
    signedItems: new Set(),
    file: () => ({ state: 'clean' }),
    now: 1000,
    ...over,
  };
}
