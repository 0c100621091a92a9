/**
 * What the checklist says of its steps, above all those that need a reviewer's PIN (sign-off,
 * override, a file's sign-off, 发布): one at a time, with the answer said where it belongs — beside
 * the PIN box that was used for a wrong PIN or a lock, at the top for anything else. PINs never travel: the background sends a challenge and
 * the page answers with a proof (lib/signoff/pin-proof.ts).
 */
import type { PinError } from '../../../components/checklist/types';
import { pick } from '../../i18n';
import type { Localized } from '../../scan/types';
import { pinProof } from '../../signoff/pin-proof';
import type { SignoffApi } from '../signoff-flow';

export type PinAnswer = { ok: boolean; message?: Localized; code?: string; waitMs?: number };
export type FlowMessage = { kind: 'error' | 'info'; text: string };

/** Answers about the PIN itself: said next to the PIN box that was used, not at the top. */
const PIN_CODES = new Set(['wrong-pin', 'locked', 'unknown-reviewer']);

export async function provePin(api: Pick<SignoffApi, 'pinChallenge'>, reviewerId: string, pin: string) {
  const challenge = await api.pinChallenge({ reviewerId });
  if (!challenge.ok) return challenge;
  return { ok: true as const, challengeId: challenge.challengeId, proof: await pinProof(pin, challenge) };
}

export class StepStatus {
  busy = false;
  message: FlowMessage | null = null;
  pinError: PinError | null = null;

  /**
   * Runs one step; `at` is the PIN box its answer belongs beside (sign-reviewer, sign-principal,
   * override:<key>). `shown` repaints (before, with the busy state) and `after` re-reads the draft.
   */
  async run(at: string, step: () => Promise<PinAnswer | void>, shown: () => void, after: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.message = null;
    this.pinError = null;
    shown();
    try {
      const r = await step();
      if (r && !r.ok && r.message && r.code && PIN_CODES.has(r.code)) {
        this.pinError = { at, code: r.code, text: pick(r.message), until: r.waitMs ? Date.now() + r.waitMs : null };
      } else if (r && !r.ok && r.message) this.message = { kind: 'error', text: pick(r.message) };
    } catch (e) {
      this.message = { kind: 'error', text: `操作失败：${e instanceof Error ? e.message : String(e)}` };
    }
    this.busy = false;
    await after();
  }
}
