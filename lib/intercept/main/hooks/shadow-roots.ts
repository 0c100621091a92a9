/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * The shadow roots page code makes or reaches. Events inside one do not reach the window as they
 * happened: a `submit` or `formdata` event stays in the tree, and a click's target outside it is the
 * host. A form or a link in a shadow root aimed at a fresh frame or a new window — which no navigate
 * event here judges — left with the draft. Each root the page attaches (open or closed), or reaches
 * (a declarative one: through ElementInternals, the `shadowRoot` getter, a form in it submitted by
 * requestSubmit(), a click or a key starting in it), is handed to `onRoot` before the page holds it:
 * this guard's listeners and the isolated world's go in first.
 */
import { apply, keptWeakMap } from '../../../realm/intrinsics';
import { getter, nodeTypeOf } from '../natives';
import { afterCall, afterGet, beforeCall, protoOf } from './wrap';

type PageWindow = Window & typeof globalThis;

/** Returns what adds the window's listeners again (after the page's `document.open()`). */
export function watchShadowRoots(win: PageWindow, onRoot: (root: ShadowRoot, host: Element) => void): () => void {
  const hostOf = getter(win.ShadowRoot.prototype, 'host');
  const seen = keptWeakMap<object, true>();
  const found = (root: unknown) => {
    // (a DocumentFragment is node type 11 too: only a shadow root has a host)
    if (nodeTypeOf(root) !== 11 || seen.has(root as object)) return;
    let host: unknown;
    try {
      host = hostOf(root);
    } catch {
      return;
    }
    seen.set(root as object, true);
    onRoot(root as ShadowRoot, host as Element);
  };
  afterCall(win.Element.prototype, 'attachShadow', (_host, root) => found(root));
  afterGet(protoOf(win, 'ElementInternals'), 'shadowRoot', (_internals, root) => found(root));
  // an open root the parser made (declared in a document parseHTMLUnsafe or DOMParser made, moved in)
  afterGet(win.Element.prototype, 'shadowRoot', (_host, root) => found(root));
  const rootNode = win.Node.prototype.getRootNode;
  const rootOf = (node: unknown) => (nodeTypeOf(node) === undefined ? null : apply(rootNode, node, []));
  beforeCall(win.HTMLFormElement.prototype, 'requestSubmit', (form) => found(rootOf(form)));
  const composedPath = win.Event.prototype.composedPath;
  const listen = win.EventTarget.prototype.addEventListener;
  // a node of such a root an event's composedPath handed out, clicked or sent Enter (an implicit
  // submission); any other key, the editor's typing, costs one getter read
  const keyOf = getter(win.KeyboardEvent.prototype, 'key');
  const onEvent = (e: Event) => found(rootOf(apply(composedPath, e, [])[0]));
  const onKey = (e: Event) => {
    if (keyOf(e) === 'Enter') onEvent(e);
  };
  const relisten = () => {
    apply(listen, win, ['click', onEvent, true]);
    apply(listen, win, ['keydown', onKey, true]);
  };
  relisten();
  return relisten;
}
