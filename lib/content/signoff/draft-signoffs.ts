/**
 * The draft's digest and the sign-offs the background holds for it. A change of what is signed (title,
 * body, category, mode, reviewer) makes a new digest: the old sign-offs are voided (visibly, and in the
 * log), and the background is asked whether the new digest was signed before (a reload of the same draft).
 */
import type { AuditEntry } from '../../audit/types';
import { draftDigest } from '../../signoff/digest';
import { pacedDraftDigest, PIECE_CHARS } from '../../signoff/paced-digest';
import type { DigestInput, Signoff } from '../../signoff/types';
import type { SignoffApi } from '../signoff-flow';
import { pacedYield, yieldToPage } from '../yield';

/** Every part equal (whatever parts DigestInput comes to have: a part left out would keep a stale digest). */
function sameInput(a: DigestInput, b: DigestInput): boolean {
  const keys = Object.keys(b) as (keyof DigestInput)[];
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

export class DraftSignoffs {
  digest = '';
  signoffs: Signoff[] = [];
  /** Sign-offs were voided by an edit, and none was given since. */
  voided = false;
  private lastInput: DigestInput | null = null;
  private generation = 0;

  constructor(private readonly api: Pick<SignoffApi, 'voidSignoffs' | 'getSignoffs'>) {}

  /**
   * Takes the form as read now; `voidContext` is the log record of a voiding. Resolves false when a
   * newer read overtook this one (its result is the one that counts).
   */
  async update(input: DigestInput, voidContext: (previous: string) => AuditEntry): Promise<boolean> {
    // Part by part: a JSON copy of a 1 MB body to compare took ≈ 50 ms of every checklist refresh.
    if (this.lastInput && sameInput(this.lastInput, input)) return true;
    this.lastInput = { ...input };
    const mine = ++this.generation;
    // The form was just read in this task; normalising and hashing a 1 MB body gets a task of its own.
    await yieldToPage();
    if (mine !== this.generation) return false;
    // A large body is normalised and hashed in paced pieces (the same value): at once it took 50–90 ms.
    const next = input.body.length > PIECE_CHARS ? await pacedDraftDigest(input, pacedYield()) : await draftDigest(input);
    if (mine !== this.generation) return false;
    if (next === this.digest) return true;
    const previous = this.digest;
    const hadSignoffs = this.signoffs.length > 0;
    this.digest = next;
    this.signoffs = [];
    if (hadSignoffs) {
      this.voided = true;
      void this.api.voidSignoffs({ digest: previous, context: voidContext(previous) }).catch(() => undefined);
    }
    // A reload of the same draft finds its sign-offs again (within the policy's window).
    const held = await this.api.getSignoffs(next).catch(() => [] as Signoff[]);
    if (mine !== this.generation) return false;
    this.signoffs = held;
    if (held.length > 0) this.voided = false;
    return true;
  }

  /** The background accepted a sign-off in this role: it replaces the role's earlier one. */
  add(signoff: Signoff): void {
    this.signoffs = [...this.signoffs.filter((s) => s.role !== signoff.role), signoff];
    this.voided = false;
  }
}
