/**
 * A submission aimed at another window whose address alone is refused for the items it acts on is
 * judged whole on the entry list it sends (the formdata event), where only the page's last listener
 * has been heard. It can no longer be cancelled there, but a form that is out of its document when its
 * entry list is built does not navigate (HTML's form submission: "if form cannot navigate, return",
 * asked once the formdata event is over; tried in Chromium only — gate-fifteenth-probe). So the form is taken out while
 * the list as it stands is refused, and put back as soon as a later look lets it pass — still inside
 * the dispatch, so the submission goes on as the page made it. One still out when the dispatch is over
 * goes back a task later, after the algorithm has given up (a microtask could run before that, when
 * the user's click started the submission), and `settled` is told it stayed cancelled.
 *
 * A new window opened without an opener (`target=_blank` implies noopener, as do rel=noopener and
 * noreferrer) is made by the browser together with its navigation while the submission is planned,
 * before "cannot navigate" is asked (Chromium's FormSubmission::Create): taking the form out does not
 * stop that one (a file holding an ID left into _blank so). The form's `rel` is read after the formdata
 * event, so while the form is out it says `opener`: the new window is then made empty and its
 * navigation left to the submission, which gives up. The page's own rel is put back with the form.
 */
export interface FormOut {
  /** Takes the form out of its document (the submission will not leave), unless it is out already. */
  take(): void;
  /** Puts it back where it was (the submission leaves), if it is out. */
  back(): void;
}

export function formOut(win: Window, form: HTMLFormElement, settled: () => void): FormOut {
  let place: { parent: Node; next: Node | null; rel: () => void } | null = null;
  let timer = false;
  const back = () => {
    if (!place) return;
    const { parent, next, rel } = place;
    place = null;
    rel();
    if (form.isConnected) return;
    if (next && next.parentNode === parent) parent.insertBefore(form, next);
    else parent.appendChild(form);
  };
  return {
    take: () => {
      const parent = form.parentNode;
      if (place || !parent) return;
      place = { parent, next: form.nextSibling, rel: withOpener(form) };
      form.remove();
      if (timer) return;
      timer = true;
      win.setTimeout(() => {
        if (!place) return;
        back();
        settled();
      }, 0);
    },
    back,
  };
}

/** Makes the form say rel=opener (see above); returns what puts the page's own rel back. */
export function withOpener(form: HTMLFormElement): () => void {
  const rel = form.getAttribute('rel');
  form.setAttribute('rel', 'opener');
  return () => {
    if (rel === null) form.removeAttribute('rel');
    else form.setAttribute('rel', rel);
  };
}
