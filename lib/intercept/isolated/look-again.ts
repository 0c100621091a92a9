/**
 * A click or a submission is judged as its capturing listener sees it, and the browser acts on the
 * element as the page's own listeners leave it: one of them could aim a link or a form elsewhere, or
 * put the draft in its address, after the judgement (a link's href swapped by its own click listener
 * delivered the draft into a new window). `again` runs whenever what `read` gives has changed since
 * it was last judged:
 * - after the listeners each node of the event's path had when the event reached it — ours on a node
 *   run after the page's there, and a listener that stops the event still lets the rest of its
 *   node's listeners run;
 * - as an attribute that places it (href, target, action …) or the tree around it changes while the
 *   event is dispatched: a listener that stops the event at once (stopImmediatePropagation) or was
 *   added during it after ours leaves no listener of ours to run after it, but a person's click or
 *   key is dispatched by the browser, which runs the microtasks (the observer's callback) after each
 *   listener, before it acts on the element.
 * Not covered: the same in an event page code dispatches (`a.click()`), whose microtasks run only once
 * that code is done, after the browser acted.
 */
const PLACES = ['href', 'target', 'ping', 'action', 'method', 'enctype', 'formaction', 'formtarget', 'formmethod', 'formenctype', 'form', 'rel'];

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
  const watch = watchPlaces(nodes, () => {
    // the dispatch is over (no current target, in Firefox's post-handling too): the browser has acted
    if (e.currentTarget !== null) late();
  });
  // gone with this dispatch (a node the event never reached keeps nothing)
  setTimeout(() => {
    for (const node of nodes) node.removeEventListener(e.type, late);
    watch.disconnect();
  }, 0);
}

/** Observes the trees the path runs through (a `<base>` added anywhere in a document moves its links). */
function watchPlaces(nodes: readonly EventTarget[], changed: () => void): MutationObserver {
  const observer = new MutationObserver(changed);
  for (const node of nodes) {
    if (!(node instanceof Node) || node.nodeType !== Node.DOCUMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) continue;
    observer.observe(node, { subtree: true, childList: true, attributes: true, attributeFilter: PLACES });
  }
  return observer;
}
