/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * A `<meta http-equiv=refresh>` written into a window still on its initial about:blank sends that
 * window away with no navigate event to judge it (initial-blank.ts). It is judged where it is written:
 * every meta element that appears (any way of writing: DOM methods, markup, `document.write`) or whose
 * `http-equiv`/`content` changes is read within the same task, before the refresh's timer can fire,
 * and a refused refresh is cancelled with the window's `stop()` (which drops a scheduled refresh).
 * Elsewhere the refresh's own navigate event judges it, so nothing is asked twice.
 */
import { isRefreshEquiv, metaRefreshUrl } from '../../../gate/meta-refresh';
import { onInitialBlank } from '../../initial-blank';
import type { BlankAsk } from './blank-ask';

type PageWindow = Window & typeof globalThis;

export function watchBlankMetaRefresh(win: PageWindow, ask: BlankAsk): void {
  if (!onInitialBlank(win) || typeof win.MutationObserver !== 'function') return;
  const getAttr = win.Element.prototype.getAttribute;
  const query = win.Element.prototype.querySelectorAll;
  const stop = win.stop.bind(win);
  const judged = new win.WeakMap<Element, string>();
  const check = (meta: Element) => {
    if (meta.localName !== 'meta') return;
    const equiv = getAttr.call(meta, 'http-equiv');
    const content = getAttr.call(meta, 'content') ?? '';
    if (!isRefreshEquiv(equiv) || judged.get(meta) === content) return;
    judged.set(meta, content);
    const url = metaRefreshUrl(content);
    if (url === undefined || !onInitialBlank(win)) return;
    if (!ask(url, 'navigation')) stop();
  };
  const metasIn = (node: Node): Element[] => {
    if (node.nodeType !== 1) return [];
    const el = node as Element;
    return el.localName === 'meta' ? [el] : [...query.call<Element, [string], NodeListOf<Element>>(el, 'meta')];
  };
  const seen = (records: MutationRecord[]) => {
    // Fail closed: a refresh this could not judge does not go.
    try {
      for (const r of records) {
        if (r.type === 'attributes') check(r.target as Element);
        else for (const n of r.addedNodes) metasIn(n).forEach(check);
      }
    } catch {
      stop();
    }
  };
  new win.MutationObserver(seen).observe(win.document, { childList: true, subtree: true, attributes: true, attributeFilter: ['http-equiv', 'content'] });
}
