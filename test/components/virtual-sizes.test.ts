import type { Virtualizer } from '@tanstack/react-virtual';
import { describe, expect, it, vi } from 'vitest';
import { boxSize, rowSize, scrollBox } from '../../components/virtual-sizes';

type List = Virtualizer<HTMLDivElement, Element>;

/** A virtualiser as far as these read it: keys "k<index>", an estimate of 64, sizes measured before. */
function list(sizes: Record<string, number> = {}, box: Partial<HTMLDivElement> | null = null, win: unknown = null): List {
  return {
    indexFromElement: (el: Element) => Number(el.getAttribute('data-index')),
    itemSizeCache: new Map(Object.entries(sizes)),
    options: { getItemKey: (i: number) => `k${i}`, estimateSize: () => 64, horizontal: false, isRtl: false },
    scrollElement: box,
    targetWindow: win,
  } as unknown as List;
}

const row = (index: number) => ({ getAttribute: () => String(index) }) as unknown as Element;

describe('rowSize', () => {
  it("takes the observer's border box, rounded", () => {
    expect(rowSize(row(0), { borderBoxSize: [{ blockSize: 71.6, inlineSize: 300 }] }, list())).toBe(72);
  });

  it('without an observer entry (a row just mounted) keeps what was measured before, else the estimate, and reads no layout', () => {
    const mounted = { getAttribute: () => '3', get offsetHeight(): number { throw new Error('layout read'); } } as unknown as Element;
    expect(rowSize(mounted, undefined, list({ k3: 90 }))).toBe(90);
    expect(rowSize(mounted, undefined, list({ k2: 90 }))).toBe(64);
  });
});

describe('scrollBox', () => {
  /** A box that records where it was scrolled to. */
  function box() {
    const tops: number[] = [];
    const scrollTo = (o: ScrollToOptions) => void tops.push(o.top ?? NaN);
    return { tops, el: { scrollTo } as unknown as HTMLDivElement };
  }

  it('skips the write that puts a just-mounted box at its top, and makes every later one', () => {
    const b = box();
    const l = list({}, b.el);
    scrollBox(0, {}, l);
    expect(b.tops).toEqual([]);
    scrollBox(0, {}, l);
    scrollBox(120, { adjustments: 8 }, l);
    expect(b.tops).toEqual([0, 128]);
  });

  it('makes a first write that goes anywhere but the top', () => {
    const b = box();
    scrollBox(300, {}, list({}, b.el));
    expect(b.tops).toEqual([300]);
  });
});

describe('boxSize', () => {
  it("reports the box's client size only when the observer says it changed", () => {
    let fire = () => {};
    const disconnect = vi.fn();
    class FakeObserver {
      constructor(cb: () => void) {
        fire = cb;
      }
      observe() {}
      disconnect = disconnect;
    }
    let reads = 0;
    const b = {
      get clientWidth() {
        reads++;
        return 380;
      },
      clientHeight: 240,
    } as unknown as HTMLDivElement;
    const report = vi.fn();
    const stop = boxSize(list({}, b, { ResizeObserver: FakeObserver }), report);
    expect(reads).toBe(0);
    expect(report).not.toHaveBeenCalled();
    fire();
    expect(report).toHaveBeenCalledWith({ width: 380, height: 240 });
    stop?.();
    expect(disconnect).toHaveBeenCalled();
  });

  it('does nothing without a box or an observer', () => {
    expect(boxSize(list(), vi.fn())).toBeUndefined();
    expect(boxSize(list({}, {}, {}), vi.fn())).toBeUndefined();
  });
});
