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
import { apply } from '../../../realm/intrinsics';
import { localNameOf, nodeTypeOf } from '../natives';

type PageWindow = Window & typeof globalThis;

export function watchBlankMetaRefresh(win: PageWindow, ask: BlankAsk): void {
  if (!onInitialBlank(win) || typeof win.MutationObserver !== 'function') return;
  const getAttr = win.Element.prototype.getAttribute;
  const query = win.Element.prototype.querySelectorAll;
  const stop = win.stop.bind(win);
  // Each refresh once per batch (an insertion and a change of the same element in one task is one
  // refresh: a signed one would find its release spent the second time); one inserted again later is
  // a refresh again, and asked about again.
  const check = (meta: Element, judged: Set<Element>) => {
    if (localNameOf(meta) !== 'meta' || !meta.isConnected || judged.has(meta)) return;
    if (!isRefreshEquiv(apply(getAttr, meta, ['http-equiv']))) return;
    judged.add(meta);
    const url = metaRefreshUrl(apply(getAttr, meta, ['content']) ?? '');
    if (url === undefined || !onInitialBlank(win)) return;
    if (!ask(url, 'navigation')) stop();
  };
  const metasIn = (node: Node): Element[] => {
    if (nodeTypeOf(node) !== 1) return [];
    const el = node as Element;
    return localNameOf(el) === 'meta' ? [el] : [...query.call<Element, [string], NodeListOf<Element>>(el, 'meta')];
  };
  const seen = (records: MutationRecord[]) => {
    // Fail closed: a refresh this could not judge does not go.
    try {
      const judged = new Set<Element>();
      for (const r of records) {
        if (r.type === 'attributes') check(r.target as Element, judged);
        else for (const n of r.addedNodes) for (const meta of metasIn(n)) check(meta, judged);
      }
    } catch {
      stop();
    }
  };
  new win.MutationObserver(seen).observe(win.document, { childList: true, subtree: true, attributes: true, attributeFilter: ['http-equiv', 'content'] });
}
