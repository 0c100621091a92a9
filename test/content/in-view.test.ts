import { describe, expect, it } from 'vitest';
import { itemsInBand, visibleBand, widen, type Band } from '../../lib/content/in-view';

/** Lines of text 20 px high, `perLine` findings on each, as their boxes in the viewport scrolled by `scroll`. */
function boxes(count: number, perLine: number, scroll: number): Band[] {
  return Array.from({ length: count }, (_, i) => {
    const top = Math.floor(i / perLine) * 20 - scroll;
    return { top, bottom: top + 16 };
  });
}

/** Every item whose box meets the band, the slow way: what the search must equal. */
const meeting = (bs: (Band | null)[], band: Band) => bs.flatMap((b, i) => (b && b.bottom >= band.top && b.top <= band.bottom ? [i] : []));
const range = ({ from, to }: { from: number; to: number }) => Array.from({ length: to - from }, (_, k) => from + k);

describe('itemsInBand', () => {
  it.each([
    ['top of the draft', 0],
    ['middle', 30_000],
    ['near the end', 69_500],
    ['past the end', 90_000],
  ])('finds exactly the findings on screen of 3,500 (%s)', (_, scroll) => {
    const bs = boxes(3500, 1, scroll);
    const band = { top: 0, bottom: 800 };
    const reads: number[] = [];
    const found = itemsInBand(bs.length, (i) => (reads.push(i), bs[i]!), band);
    expect(range(found)).toEqual(meeting(bs, band));
    // a handful of box reads, not one per finding
    expect(reads.length).toBeLessThan(80);
  });

  it('keeps findings sharing a line (table cells) together', () => {
    const bs = boxes(600, 3, 2_000);
    const band = { top: 100, bottom: 300 };
    expect(range(itemsInBand(bs.length, (i) => bs[i]!, band))).toEqual(meeting(bs, band));
  });

  it('counts an item without a box as above the band, and finds nothing in an empty list', () => {
    const bs: (Band | null)[] = [null, null, { top: 10, bottom: 20 }, { top: 900, bottom: 910 }];
    expect(itemsInBand(bs.length, (i) => bs[i]!, { top: 0, bottom: 100 })).toEqual({ from: 2, to: 3 });
    expect(itemsInBand(0, () => null, { top: 0, bottom: 100 })).toEqual({ from: 0, to: 0 });
  });
});

describe('visibleBand', () => {
  it('is the whole viewport of the top window', () => {
    expect(visibleBand(700, [])).toEqual({ top: 0, bottom: 700 });
  });

  it('is the part of a grown editor iframe the page has scrolled into view, in the iframe\'s coordinates', () => {
    // UEditor grows its iframe to 40,000 px; the page scrolled so the iframe starts 5,000 px above the top
    expect(visibleBand(700, [{ top: -5000, bottom: 35_000, innerHeight: 40_000 }])).toEqual({ top: 5000, bottom: 5700 });
  });

  it('is clipped by a frame that is only partly on screen, and by a frame inside a frame', () => {
    expect(visibleBand(700, [{ top: 500, bottom: 900, innerHeight: 400 }])).toEqual({ top: 0, bottom: 200 });
    expect(
      visibleBand(700, [
        { top: 100, bottom: 600, innerHeight: 500 },
        { top: 50, bottom: 450, innerHeight: 400 },
      ]),
    ).toEqual({ top: 0, bottom: 400 });
  });

  it('is null for a frame scrolled off screen', () => {
    expect(visibleBand(700, [{ top: 800, bottom: 1200, innerHeight: 400 }])).toBeNull();
    expect(visibleBand(700, [{ top: -900, bottom: -100, innerHeight: 800 }])).toBeNull();
  });

  it('widens by screens of its own height', () => {
    expect(widen({ top: 100, bottom: 300 }, 1)).toEqual({ top: -100, bottom: 500 });
  });
});
