/**
 * The painter leaves a severity's highlight alone when a repaint (a scroll, a rescan) brings the same
 * stretches of text as new Range objects: every registry change costs the window a walk over its
 * whole document (lib/content/highlighter.ts).
 */
import { describe, expect, it } from 'vitest';
import { paintHighlights, sameRanges } from '../../lib/content/highlighter';

const a = {} as Node;
const b = {} as Node;
const range = (startContainer: Node, startOffset: number, endContainer: Node, endOffset: number) =>
  ({ startContainer, startOffset, endContainer, endOffset, collapsed: false }) as Range;

describe('sameRanges', () => {
  const painted = [range(a, 0, a, 18), range(b, 4, b, 15)];
  it.each<[string, AbstractRange[], boolean]>([
    ['the same stretches, new objects', [range(a, 0, a, 18), range(b, 4, b, 15)], true],
    ['one fewer (scrolled off)', [range(a, 0, a, 18)], false],
    ['one more (scrolled on)', [range(a, 0, a, 18), range(b, 4, b, 15), range(b, 20, b, 31)], false],
    ['another offset', [range(a, 0, a, 18), range(b, 5, b, 15)], false],
    ['another end', [range(a, 0, a, 17), range(b, 4, b, 15)], false],
    ['another node', [range(b, 0, b, 18), range(b, 4, b, 15)], false],
    ['another order', [range(b, 4, b, 15), range(a, 0, a, 18)], false],
    ['nothing', [], false],
  ])('%s → %s', (_what, list, same) => {
    expect(sameRanges(painted, list)).toBe(same);
  });

  it('nothing painted and nothing to paint are the same', () => {
    expect(sameRanges([], [])).toBe(true);
  });
});

/** A window with the registry's shape: a Map of names to Highlights (sets of ranges). */
function highlightWindow() {
  class Highlight extends Set<AbstractRange> {
    constructor(...ranges: AbstractRange[]) {
      super(ranges);
    }
  }
  class CSSStyleSheet {
    replaceSync(): void {}
  }
  const highlights = new Map<string, Highlight>();
  return { win: { Highlight, CSSStyleSheet, CSS: { highlights }, document: { adoptedStyleSheets: [] } } as unknown as Window, highlights };
}

describe('paintHighlights', () => {
  const none = { warn: [], info: [] };
  it('keeps the painted highlight when the same stretches come again, replaces it when they change', () => {
    const { win, highlights } = highlightWindow();
    paintHighlights(win, { block: [range(a, 0, a, 18)], ...none });
    const first = highlights.get('precheck-block');
    paintHighlights(win, { block: [range(a, 0, a, 18)], ...none });
    expect(highlights.get('precheck-block')).toBe(first);
    paintHighlights(win, { block: [range(a, 0, a, 18), range(b, 4, b, 15)], ...none });
    expect(highlights.get('precheck-block')).not.toBe(first);
    expect(highlights.get('precheck-block')?.size).toBe(2);
  });

  it('a long draft is painted under the plain names only, and back when it is short again', () => {
    const { win, highlights } = highlightWindow();
    paintHighlights(win, { block: [range(a, 0, a, 18)], warn: [range(b, 0, b, 11)], info: [] });
    paintHighlights(win, { block: [range(a, 0, a, 18)], warn: [range(b, 0, b, 11)], info: [] }, true);
    expect([...highlights.keys()].sort()).toEqual(['precheck-block-plain', 'precheck-warn-plain']);
    paintHighlights(win, { block: [], warn: [range(b, 0, b, 11)], info: [] });
    expect([...highlights.keys()]).toEqual(['precheck-warn']);
  });
});
