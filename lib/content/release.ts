/**
 * Letting the signed draft out, once. When the checklist is complete and the background has confirmed
 * the sign-offs, the page's gate gets a release ticket bound to exactly the signed content, and the
 * publish the editor started is run again: the control clicked, the form submitted. The ticket is
 * spent by the first request that carries that content; anything else stays refused.
 */
import { issueTicket, TICKET_TTL_MS, type SignedForRelease } from '../gate/ticket';
import type { EarlyStop } from './early-stop';
import type { PageGate } from './gate/page-gate';

export { TICKET_TTL_MS } from '../gate/ticket';

export type Attempt =
  | { kind: 'click'; control: Element }
  | { kind: 'submit'; form: HTMLFormElement; submitter: HTMLElement | null }
  | { kind: 'none' };

export class Release {
  private attempt: Attempt = { kind: 'none' };

  constructor(
    private readonly gate: PageGate,
    private readonly early: EarlyStop,
  ) {}

  /** What the editor did that was stopped (replayed after the sign-off). */
  note(attempt: Attempt): void {
    if (attempt.kind !== 'none' || this.attempt.kind === 'none') this.attempt = attempt;
  }

  /** The CMS control the editor pressed (or the form's submitter): where focus goes back when the checklist closes. */
  control(): HTMLElement | null {
    const a = this.attempt;
    const el = a.kind === 'click' ? a.control : a.kind === 'submit' ? a.submitter : null;
    return el instanceof HTMLElement && el.isConnected ? el : null;
  }

  /** Issues the ticket and replays the stopped publish; false when there is nothing to replay. */
  release(signed: SignedForRelease): boolean {
    this.gate.setTicket(issueTicket(signed, Date.now(), TICKET_TTL_MS));
    const a = this.attempt;
    this.attempt = { kind: 'none' };
    if (a.kind === 'click' && a.control.isConnected) {
      this.early.passNext();
      (a.control as HTMLElement).click();
      return true;
    }
    if (a.kind === 'submit' && a.form.isConnected) {
      if (a.submitter?.isConnected) a.form.requestSubmit(a.submitter);
      else a.form.requestSubmit();
      return true;
    }
    return false;
  }
}
