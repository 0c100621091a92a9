import type { DraftWatch } from './draft-watch';
import type { FindingPainter } from './paint';

const DISCOVER_EVERY_MS = 1000;

/**
 * Looks for editors and frames now, every second and on load: a CMS adds its editor and frames from
 * script, at no moment the page announces. Each look lets the painter follow an editor that rebuilt
 * its frame (FindingPainter.rewatch). Returns what stops it.
 */
export function keepDiscovering(top: Window, draft: Pick<DraftWatch, 'discover'>, painter: Pick<FindingPainter, 'rewatch'>): () => void {
  const discover = () => {
    draft.discover();
    painter.rewatch();
  };
  discover();
  const ticker = top.setInterval(discover, DISCOVER_EVERY_MS);
  top.addEventListener('load', discover);
  return () => {
    top.clearInterval(ticker);
    top.removeEventListener('load', discover);
  };
}
