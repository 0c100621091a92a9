/**
 * The shadow roots under a host, closed ones too, as an extension's isolated world may read them
 * (Chromium's `chrome.dom.openOrClosedShadowRoot`, Firefox's `Element.openOrClosedShadowRoot` in
 * content scripts); a page's own script sees the open ones only.
 */
type Reader = (el: Element) => ShadowRoot | null;

function reader(): Reader {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null } } }).chrome?.dom;
  if (typeof dom?.openOrClosedShadowRoot === 'function') return (el) => dom.openOrClosedShadowRoot!(el) ?? null;
  return (el) => ((el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? el.shadowRoot) ?? null;
}

/** The shadow root attached to `el`, closed ones too; null when it has none. */
export const rootOf = reader();

/**
 * The roots not `known` yet that the root attached to `host` stands for: that root itself, or — when it
 * is known — the new ones in its tree, nested ones too: a host inside another shadow tree is told to
 * the isolated world as that tree's outermost host (lib/intercept/channel-protocol.ts SHADOW_ROOT).
 */
export function newShadowRoots(host: Element, known: (root: ShadowRoot) => boolean): ShadowRoot[] {
  const first = rootOf(host);
  if (!first) return [];
  if (!known(first)) return [first];
  const out: ShadowRoot[] = [];
  const todo = [first];
  for (let root = todo.pop(); root; root = todo.pop()) {
    for (const el of root.querySelectorAll('*')) {
      const inner = rootOf(el);
      if (!inner) continue;
      if (!known(inner)) out.push(inner);
      todo.push(inner);
    }
  }
  return out;
}
