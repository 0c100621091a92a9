/**
 * Paints every editor's findings that are on screen (or a screen away): the CSS Custom Highlight API
 * in each editor's own window, or boxes over the text where the API is missing. Never touches the
 * editors' DOM. The set follows scrolling and resizing in the editor's window and every window
 * around it, so a finding scrolled to (or brought up by 定位) is painted when it arrives.
 */
import type { Finding } from '../scan/types';
import type { EditorSession } from './editor-session';
import { paintHighlights, PLAIN_FROM_CHARS, supportsHighlights, type RangesBySeverity } from './highlighter';
import { ListenerProbe } from './listener-probe';
import { itemsInBand, visibleBand, widen, type Band, type FrameBox } from './in-view';
import { OverlayPainter, type OverlayItem } from './overlay';

/** Screens above and below the visible part that are painted too: a wheel turn shows no gap. */
const MARGIN_SCREENS = 1;

/** The windows from the top one down to `win` (top first), or null when one is cross-origin or detached. */
function windowChain(win: Window): Window[] | null {
  const chain = [win];
  try {
    for (let w = win; w !== w.parent; w = w.parent) {
      if (!w.frameElement) return null;
      chain.unshift(w.parent);
    }
  } catch {
    return null;
  }
  return chain;
}

/** What of `win`'s viewport shows on screen, in its own coordinates. */
function bandOf(chain: Window[]): Band | null {
  const frames: FrameBox[] = chain.slice(1).map((w) => {
    const el = w.frameElement as HTMLElement;
    const rect = el.getBoundingClientRect();
    const top = rect.top + el.clientTop;
    return { top, bottom: top + el.clientHeight, innerHeight: w.innerHeight };
  });
  return visibleBand(chain[0]!.innerHeight, frames);
}

const byStart = new WeakMap<Finding[], Finding[]>();
/** A session's findings in document order (the scan returns them worst first). */
function inDocumentOrder(findings: Finding[]): Finding[] {
  let sorted = byStart.get(findings);
  if (!sorted) byStart.set(findings, (sorted = [...findings].sort((a, b) => a.start - b.start)));
  return sorted;
}

/** The session's findings on screen, with their ranges. */
function onScreen(s: EditorSession, band: Band): { finding: Finding; range: Range }[] {
  const findings = inDocumentOrder(s.findings);
  const boxOf = (i: number) => s.rangeOf(findings[i]!)?.getBoundingClientRect() ?? null;
  const { from, to } = itemsInBand(findings.length, boxOf, widen(band, MARGIN_SCREENS));
  return findings.slice(from, to).flatMap((finding) => {
    const range = s.rangeOf(finding);
    return range ? [{ finding, range }] : [];
  });
}

function clear(win: Window): void {
  try {
    paintHighlights(win, { block: [], warn: [], info: [] });
  } catch {
    // a window whose document was replaced or removed: its highlights went with it
  }
}

export class FindingPainter {
  private overlay: OverlayPainter | null = null;
  private sessions: EditorSession[] = [];
  private painted = new Set<Window>();
  private frame = 0;
  private readonly probe = new ListenerProbe();

  constructor(private readonly top: Window) {}

  /**
   * The editors' findings changed (or the editors did): paint what is on screen, in the next frame.
   * Reading boxes right away would lay out the page in the rescan's task, on top of the frame's own
   * layout (the panel has just been rendered): a 1 MB draft's layout made that task 50 ms and more.
   * With nothing left to paint, the highlights are cleared at once.
   */
  paint(sessions: Iterable<EditorSession>): void {
    this.sessions = [...sessions];
    if (this.sessions.length === 0) this.update();
    else this.schedule();
  }

  private update(): void {
    const byWindow = new Map<Window, RangesBySeverity>();
    const textIn = new Map<Window, number>();
    const boxes: OverlayItem[] = [];
    for (const s of this.sessions) {
      const win = s.window;
      const chain = win && !s.isTextarea ? windowChain(win) : null;
      if (!win || !chain) continue;
      for (const w of chain) this.watch(w);
      const native = supportsHighlights(win);
      const ranges = byWindow.get(win) ?? { block: [], warn: [], info: [] };
      const band = bandOf(chain);
      for (const { finding, range } of band ? onScreen(s, band) : []) {
        if (native) ranges[finding.severity].push(range);
        else boxes.push({ range, severity: finding.severity });
      }
      if (native) byWindow.set(win, ranges);
      textIn.set(win, (textIn.get(win) ?? 0) + s.text.length);
    }
    // windows painted before and gone from the list (an editor removed, Precheck leaving) are cleared
    for (const win of this.painted) if (!byWindow.has(win)) clear(win);
    for (const [win, ranges] of byWindow) paintHighlights(win, ranges, textIn.get(win)! > PLAIN_FROM_CHARS);
    this.painted = new Set(byWindow.keys());
    if (boxes.length > 0 || this.overlay) (this.overlay ??= new OverlayPainter(this.top)).paint(boxes);
  }

  /**
   * On every discovery tick: an editor that rebuilt its iframe with document.open since the last paint
   * wiped the scroll listeners there (and what scrolled since was not followed): put back, repainted.
   */
  rewatch(): void {
    let lost = false;
    for (const s of this.sessions) {
      const chain = s.window && !s.isTextarea ? windowChain(s.window) : null;
      for (const w of chain ?? []) lost = this.watch(w) || lost;
    }
    if (lost) this.schedule();
  }

  private watch(win: Window): boolean {
    return this.probe.ensure(win, () => {
      const schedule = () => this.schedule();
      win.addEventListener('scroll', schedule, { capture: true, passive: true });
      win.addEventListener('resize', schedule, { passive: true });
    });
  }

  /** Once per frame however many scroll events came: a few box reads and one highlight per severity. */
  private schedule(): void {
    if (this.frame) return;
    this.frame = this.top.requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }
}
