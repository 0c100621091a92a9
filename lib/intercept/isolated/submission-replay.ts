import { withOpener } from './form-out';

/**
 * A form submission aimed at another window cannot be cancelled once its entry list is being built
 * (the formdata event), but a form that is no longer in its document cannot navigate: taking it out
 * for that moment cancels the submission (HTML's form submission algorithm, "if form cannot navigate,
 * return"; so in Chromium and Firefox). It goes back where it was a task later, after the algorithm
 * has given up — a microtask could run before that, when the user's click started the submission.
 * Resolves once the form is back: a replay must wait for that (files can be read before the timer
 * runs, on a busy machine, and a form still out of its document would be dropped, not sent).
 */
export function cancelSubmission(win: Window, form: HTMLFormElement): Promise<void> {
  const parent = form.parentNode;
  const next = form.nextSibling;
  if (!parent) return Promise.resolve();
  // a new window without an opener (_blank) is made with its navigation before the form is missed (form-out.ts)
  const rel = withOpener(form);
  form.remove();
  return new Promise((back) => {
    win.setTimeout(() => {
      rel();
      if (!form.isConnected) {
        if (next && next.parentNode === parent) parent.insertBefore(form, next);
        else parent.appendChild(form);
      }
      back();
    }, 0);
  });
}

/**
 * Cancels a submission held while its files are read; the replay `holdEntryList` hands back (called
 * once they are read) runs after the form is back in its document.
 */
export function holdSubmission(win: Window, form: HTMLFormElement, hold: (replay: () => void) => boolean, replay: () => void): boolean {
  let formBack!: () => void;
  const back = new Promise<void>((resolve) => (formBack = resolve));
  const held = hold(() => void back.then(replay));
  if (held) void cancelSubmission(win, form).then(formBack);
  return held;
}

/**
 * Submits the form again without its submit event (the page's submit handlers ran once already, and
 * a double-submit guard among them would stop a second run): `mark` has the entry list judged as a
 * submission's. A submitter's name and value go along as the browser would have sent them.
 */
export function replaySubmission(win: Window, form: HTMLFormElement, submitter: HTMLElement | null, mark: () => void): void {
  if (!form.isConnected) return;
  const doc = win.document;
  const name = submitter?.getAttribute('name');
  const carried = name && 'value' in submitter! ? Object.assign(doc.createElement('input'), { type: 'hidden', name, value: (submitter as HTMLButtonElement).value }) : null;
  if (carried) form.append(carried);
  mark();
  try {
    // This world's own submit(): the page's hook on it (if any) is not in the way.
    HTMLFormElement.prototype.submit.call(form);
  } finally {
    carried?.remove();
  }
}
