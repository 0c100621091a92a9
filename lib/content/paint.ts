/**
 * Paints every editor's findings: the CSS Custom Highlight API in each editor's own window, or boxes
 * over the text where the API is missing. Never touches the editors' DOM.
 */
import type { EditorSession } from './editor-session';
import { paintHighlights, supportsHighlights, type RangesBySeverity } from './highlighter';
import { OverlayPainter, type OverlayItem } from './overlay';

export class FindingPainter {
  private overlay: OverlayPainter | null = null;

  constructor(private readonly top: Window) {}

  paint(sessions: Iterable<EditorSession>): void {
    const byWindow = new Map<Window, RangesBySeverity>();
    const boxes: OverlayItem[] = [];
    for (const s of sessions) {
      const win = s.window;
      if (s.isTextarea || !win) continue;
      const native = supportsHighlights(win);
      const ranges = byWindow.get(win) ?? { block: [], warn: [], info: [] };
      for (const f of s.findings) {
        const range = s.rangeOf(f);
        if (!range) continue;
        if (native) ranges[f.severity].push(range);
        else boxes.push({ range, severity: f.severity });
      }
      if (native) byWindow.set(win, ranges);
    }
    for (const [win, ranges] of byWindow) paintHighlights(win, ranges);
    if (boxes.length > 0 || this.overlay) (this.overlay ??= new OverlayPainter(this.top)).paint(boxes);
  }
}
