/**
 * A submission aimed at another window whose address alone is refused for the items it acts on is
 * judged whole on the entry list it sends (the formdata event), where only the page's last listener
 * has been heard. It can no longer be cancelled there, but a form that is out of its document when its
 * entry list is built does not navigate (HTML's form submission: "if form cannot navigate, return",
 * asked once the formdata event is over; so in Chromium and Firefox). So the form is taken out while
 * the list as it stands is refused, and put back as soon as a later look lets it pass — still inside
 * the dispatch, so the submission goes on as the page made it. One still out when the dispatch is over
 * goes back a task later, after the algorithm has given up (a microtask could run before that, when
 * the user's click started the submission), and `settled` is told it stayed cancelled.
 */
export interface FormOut {
  /** Takes the form out of its document (the submission will not leave), unless it is out already. */
  take(): void;
  /** Puts it back where it was (the submission leaves), if it is out. */
  back(): void;
}

export function formOut(win: Window, form: HTMLFormElement, settled: () => void): FormOut {
  let place: { parent: Node; next: Node | null } | null = null;
  let timer = false;
  const back = () => {
    if (!place) return;
    const { parent, next } = place;
    place = null;
    if (form.isConnected) return;
    if (next && next.parentNode === parent) parent.insertBefore(form, next);
    else parent.appendChild(form);
  };
  return {
    take: () => {
      const parent = form.parentNode;
      if (place || !parent) return;
      place = { parent, next: form.nextSibling };
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
