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
import { add, apply, type KeptSet, keptSet } from '../../../realm/intrinsics';
import { getter, localNameOf, nodeTypeOf } from '../natives';

type PageWindow = Window & typeof globalThis;

/**
 * The platform as the watcher reads it, kept when it is set up (before any page script): read when a
 * batch of changes comes in, a page's replacement could hide a refresh from it — a getter that says
 * the meta is not connected, a record with no added nodes, a window no longer on about:blank, a
 * replaced `call` or array iterator.
 */
function keptDom(win: PageWindow) {
  const record = win.MutationRecord.prototype;
  const addedNodes = getter(record, 'addedNodes');
  const lengthOf = getter(win.NodeList.prototype, 'length');
  const item = win.NodeList.prototype.item;
  const getAttr = win.Element.prototype.getAttribute;
  const query = win.Element.prototype.querySelectorAll;
  const navigation = (win as { navigation?: object }).navigation;
  const currentEntry = getter(navigation, 'currentEntry');
  /** A NodeList's nodes, read by index through NodeList's own length and item. */
  const nodesOf = (list: unknown): Node[] => {
    const out: Node[] = [];
    const n = lengthOf(list) as number;
    for (let i = 0; i < n; i++) add(out, apply(item, list, [i]) as Node);
    return out;
  };
  return {
    typeOf: getter(record, 'type'),
    targetOf: getter(record, 'target'),
    addedOf: (r: unknown) => nodesOf(addedNodes(r)),
    connected: getter(win.Node.prototype, 'isConnected'),
    attribute: (el: Element, name: string) => apply(getAttr, el, [name]),
    metasIn: (el: Element) => nodesOf(apply(query, el, ['meta'])) as Element[],
    /** onInitialBlank() asked again, through the Navigation object and getter kept here (its own reads are the page's to answer by then) */
    stillBlank: () => currentEntry(navigation) === null,
  };
}

export function watchBlankMetaRefresh(win: PageWindow, ask: BlankAsk): void {
  if (!onInitialBlank(win) || typeof win.MutationObserver !== 'function') return;
  const dom = keptDom(win);
  const stop = win.stop.bind(win);
  // Each refresh once per batch (an insertion and a change of the same element in one task is one
  // refresh: a signed one would find its release spent the second time); one inserted again later is
  // a refresh again, and asked about again.
  const check = (meta: Element, judged: KeptSet<Element>) => {
    if (localNameOf(meta) !== 'meta' || dom.connected(meta) !== true || judged.has(meta)) return;
    if (!isRefreshEquiv(dom.attribute(meta, 'http-equiv'))) return;
    judged.add(meta);
    const url = metaRefreshUrl(dom.attribute(meta, 'content') ?? '');
    if (url === undefined || !dom.stillBlank()) return;
    if (!ask(url, 'navigation')) stop();
  };
  const metasIn = (node: Node): Element[] => {
    if (nodeTypeOf(node) !== 1) return [];
    const el = node as Element;
    return localNameOf(el) === 'meta' ? [el] : dom.metasIn(el);
  };
  // index loops: the records are an array the page's iterator would walk
  const seen = (records: MutationRecord[]) => {
    // Fail closed: a refresh this could not judge does not go.
    try {
      const judged = keptSet<Element>();
      for (let i = 0; i < records.length; i++) {
        if (dom.typeOf(records[i]) === 'attributes') {
          check(dom.targetOf(records[i]) as Element, judged);
          continue;
        }
        const added = dom.addedOf(records[i]);
        for (let k = 0; k < added.length; k++) {
          const metas = metasIn(added[k]!);
          for (let m = 0; m < metas.length; m++) check(metas[m]!, judged);
        }
      }
    } catch {
      stop();
    }
  };
  new win.MutationObserver(seen).observe(win.document, { childList: true, subtree: true, attributes: true, attributeFilter: ['http-equiv', 'content'] });
}
