/**
 * Which findings are on screen, as pure arithmetic over boxes: the painter registers highlights only
 * for those (a 1 MB 公示 draft holds thousands, and painting them all costs the page long frames).
 */

/** A vertical span in one window's viewport coordinates (CSS px). */
export interface Band {
  top: number;
  bottom: number;
}

/** A frame element's content box in its parent window's viewport, and the height of the window inside. */
export interface FrameBox {
  top: number;
  bottom: number;
  innerHeight: number;
}

/**
 * The part of the innermost window's viewport that shows through every frame down from the top
 * window (`frames` top first), in that innermost window's coordinates; null when none of it shows.
 */
export function visibleBand(topHeight: number, frames: readonly FrameBox[]): Band | null {
  let band: Band = { top: 0, bottom: topHeight };
  for (const f of frames) {
    band = {
      top: Math.max(0, Math.max(band.top, f.top) - f.top),
      bottom: Math.min(f.innerHeight, Math.min(band.bottom, f.bottom) - f.top),
    };
    if (band.bottom <= band.top) return null;
  }
  return band;
}

/** The band grown by `screens` of its own height above and below: what a short scroll brings in. */
export function widen(band: Band, screens: number): Band {
  const h = (band.bottom - band.top) * screens;
  return { top: band.top - h, bottom: band.bottom + h };
}

/**
 * Items [from, to) whose boxes meet `band`, for items in document order, which in a text's normal
 * flow is also top-to-bottom order: a binary search for the first box reaching the band, then a walk
 * down to the first box below it. An item without a box (no range) counts as above the band.
 * Costs O(log n + on screen) box reads, however long the draft.
 */
export function itemsInBand(count: number, boxOf: (i: number) => Band | null, band: Band): { from: number; to: number } {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const box = boxOf(mid);
    if (!box || box.bottom < band.top) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < count) {
    const box = boxOf(to);
    if (box && box.top > band.bottom) break;
    to++;
  }
  return { from: lo, to };
}
