/**
 * A form posted natively (a click on its submit button, Enter, requestSubmit(), submit()) carries
 * File objects whose bytes cannot be read before the navigation must be decided. When one has not been
 * read yet, the navigation is held: the files are hashed and scanned, then the form is submitted once
 * more — with its submitter, or without running the page's submit handlers again when there was none —
 * and the gate judges that submission on what the files hold.
 */
import { pairsOf } from '../../gate/pairs';

/** A replayed submission's navigation arrives a task later: it is recognised within this time. */
const REPLAY_WINDOW_MS = 3000;

export interface HeldFiles {
  /** The bytes were read (a picture's first bytes, anything else scanned): the gate can answer for this File object. */
  known(file: File): boolean;
  learn(file: File): Promise<unknown>;
}

function formOf(source: Element | null): { form: HTMLFormElement; submitter: HTMLElement | null } | null {
  if (!source) return null;
  if (source.tagName === 'FORM') return { form: source as HTMLFormElement, submitter: null };
  const form = (source as HTMLButtonElement).form;
  return form ? { form, submitter: source as HTMLElement } : null;
}

export class FormHold {
  private readonly replayed = new WeakMap<HTMLFormElement, number>();

  constructor(
    private readonly files: HeldFiles,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * True when the navigation must be held (the caller cancels it). A form that was just replayed is
   * not held twice: if its files are still unknown, the gate refuses it as pending.
   */
  hold(fd: FormData, source: Element | null, fallback: () => Element | null): boolean {
    const target = formOf(source) ?? formOf(fallback());
    return this.holdThen(fd, target?.form ?? null, () => target && this.replay(target.form, target.submitter));
  }

  /** The same, with the caller's way of submitting again once the files are read. */
  holdThen(fd: FormData, form: HTMLFormElement | null, replay: () => void): boolean {
    const unknown = pairsOf(fd).map(([, v]) => v).filter((v): v is File => typeof v !== 'string' && v.size > 0 && !this.files.known(v));
    if (unknown.length === 0) return false;
    const reading = Promise.all(unknown.map((f) => this.files.learn(f).catch(() => undefined)));
    if (!form || this.now() - (this.replayed.get(form) ?? -Infinity) < REPLAY_WINDOW_MS) return false;
    void reading.then(() => {
      this.replayed.set(form, this.now());
      replay();
    });
    return true;
  }

  private replay(form: HTMLFormElement, submitter: HTMLElement | null): void {
    if (!form.isConnected) return;
    if (submitter?.isConnected) form.requestSubmit(submitter);
    // This world's own submit(): no submit event, so the page's handlers (already run) do not run twice.
    else HTMLFormElement.prototype.submit.call(form);
  }
}
