/**
 * A click or a submission is judged as its capturing listener sees it, and the browser acts on the
 * element as the page's own listeners leave it: one of them could aim a link or a form elsewhere, or
 * put the draft in its address, after the judgement (a link's href swapped by its own click listener
 * delivered the draft into a new window). `again` runs whenever what `read` gives has changed since
 * it was last judged, after the listeners each node of the event's path had when the event reached it
 * — ours on a node run after the page's there, and a listener that stops the event still lets the
 * rest of its node's listeners run. Not covered: a listener that stops the event at once
 * (stopImmediatePropagation) or is added during it after ours.
 */
export function lookAgainAfter(e: Event, read: () => string, again: () => void): void {
  let judged = read();
  const nodes = e.composedPath();
  const late = () => {
    const now = read();
    if (now === judged) return;
    judged = now;
    again();
  };
  for (const node of nodes) node.addEventListener(e.type, late);
  // gone with this dispatch (a node the event never reached keeps nothing)
  setTimeout(() => {
    for (const node of nodes) node.removeEventListener(e.type, late);
  }, 0);
}
