/**
 * The shadow roots page code makes. Events inside one do not reach the window as they happened: a
 * `submit` or `formdata` event stays in the tree, and a click's target outside it is the host. A form
 * or a link in a shadow root aimed at a fresh frame or a new window — which no navigate event here
 * judges — left with the draft. Each root the page attaches (open or closed), or reaches through
 * ElementInternals (a declarative one), is handed to `onRoot` as it is made, before the page holds it:
 * this guard's listeners and the isolated world's go in first.
 */
import { keptWeakMap } from '../../../realm/intrinsics';
import { getter } from '../natives';
import { afterCall, afterGet, protoOf } from './wrap';

type PageWindow = Window & typeof globalThis;

export function watchShadowRoots(win: PageWindow, onRoot: (root: ShadowRoot, host: Element) => void): void {
  const hostOf = getter(win.ShadowRoot.prototype, 'host');
  const seen = keptWeakMap<object, true>();
  const found = (root: unknown) => {
    if (typeof root !== 'object' || root === null || seen.has(root)) return;
    seen.set(root, true);
    onRoot(root as ShadowRoot, hostOf(root) as Element);
  };
  afterCall(win.Element.prototype, 'attachShadow', (_host, root) => found(root));
  afterGet(protoOf(win, 'ElementInternals'), 'shadowRoot', (_internals, root) => found(root));
}
