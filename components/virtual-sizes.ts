/**
 * The virtualised lists (the panel's findings, the checklist's) without layout read or forced in the
 * render's task. TanStack's defaults read the list box's clientHeight and scroll it to its top when it
 * mounts, and read each row's offsetHeight when it is mounted: each forces a layout of the shadow tree
 * inside the task that rendered it (25–40 ms on the first render after a 1 MB draft's publish click,
 * most of it shaping the Chinese text), on top of the render itself. Here the sizes come from a
 * ResizeObserver, which reports them after the frame's own layout, before that frame is painted;
 * until then the list uses its initial box and a row keeps what was measured before, or the estimate.
 */
import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';

/** The part of a ResizeObserverEntry read here (the border box, as TanStack measures rows). */
type SizeEntry = Pick<ResizeObserverEntry, 'borderBoxSize'>;

export function rowSize<E extends Element>(element: E, entry: SizeEntry | undefined, list: Virtualizer<HTMLDivElement, E>): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  const index = list.indexFromElement(element);
  return list.itemSizeCache.get(list.options.getItemKey(index)) ?? list.options.estimateSize(index);
}

/** The list box's size (its client box, as TanStack's own), read when the observer says it changed. */
export function boxSize<E extends Element>(list: Virtualizer<HTMLDivElement, E>, report: (rect: { width: number; height: number }) => void): (() => void) | undefined {
  const box = list.scrollElement;
  const win = list.targetWindow;
  if (!box || !win?.ResizeObserver) return undefined;
  const observer = new win.ResizeObserver(() => report({ width: box.clientWidth, height: box.clientHeight }));
  observer.observe(box);
  return () => observer.disconnect();
}

/** List boxes TanStack has scrolled since they were mounted. */
const scrolled = new WeakSet<Element>();

/**
 * Scrolls the list box, except for the write TanStack makes when a box is mounted: it puts a new box
 * where it already is (its top), and a write forces a layout.
 */
export function scrollBox<E extends Element>(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, list: Virtualizer<HTMLDivElement, E>): void {
  const box = list.scrollElement;
  const first = !!box && !scrolled.has(box);
  if (box) scrolled.add(box);
  if (first && offset + (options.adjustments ?? 0) === 0) return;
  elementScroll(offset, options, list);
}
