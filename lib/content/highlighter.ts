import type { Severity } from '../scan/types';

const NAME: Record<Severity, string> = { block: 'precheck-block', warn: 'precheck-warn', info: 'precheck-info' };
/**
 * The names a long draft is painted under: background only. Chromium recomputes the ink overflow of
 * every line of the document when a highlight with a text decoration changes: on a 1 MB draft each
 * repaint (the scan's result, a scroll bringing other findings on screen) rendered in 20 ms against
 * 4 ms without the underline (Chromium 156), and `npm run bench:e2e` saw 40–60 ms frames under load.
 */
const PLAIN_NAME: Record<Severity, string> = { block: 'precheck-block-plain', warn: 'precheck-warn-plain', info: 'precheck-info-plain' };
/** Characters of draft text in a window beyond which its highlights are painted plain. */
export const PLAIN_FROM_CHARS = 100_000;
const STYLE = `
::highlight(precheck-block) { background-color: rgba(229, 57, 53, 0.28); text-decoration: underline wavy #c62828; }
::highlight(precheck-warn) { background-color: rgba(255, 179, 0, 0.30); text-decoration: underline dotted #b26a00; }
::highlight(precheck-info) { text-decoration: underline dotted #78909c; }
::highlight(precheck-block-plain) { background-color: rgba(229, 57, 53, 0.34); }
::highlight(precheck-warn-plain) { background-color: rgba(255, 179, 0, 0.36); }
::highlight(precheck-info-plain) { background-color: rgba(120, 144, 156, 0.25); }
::highlight(precheck-flash) { background-color: #ffd54f; color: #000; }
`;

type HighlightWindow = Window & typeof globalThis;
export type RangesBySeverity = Record<Severity, Range[]>;

const sheets = new WeakMap<Document, CSSStyleSheet>();

// adoptedStyleSheets instead of a <style> element: the editor's DOM (and so its content) stays untouched.
function ensureStyle(win: HighlightWindow): void {
  const doc = win.document;
  let sheet = sheets.get(doc);
  if (sheet && doc.adoptedStyleSheets.includes(sheet)) return;
  sheet = new win.CSSStyleSheet();
  sheet.replaceSync(STYLE);
  sheets.set(doc, sheet);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

export function supportsHighlights(win: Window): boolean {
  return typeof (win as HighlightWindow).Highlight === 'function' && 'highlights' in (win as HighlightWindow).CSS;
}

/**
 * Paints findings with the CSS Custom Highlight API in the editor's own window. Never wraps text in
 * elements: editors publish such wrappers, mark the draft dirty, or (Quill) delete the text. A
 * severity whose ranges are the ones already painted is left alone: every change to the registry
 * costs the window a walk over its whole document.
 */
export function paintHighlights(win: Window, ranges: RangesBySeverity, plain = false): void {
  const w = win as HighlightWindow;
  if (!supportsHighlights(w)) return;
  ensureStyle(w);
  for (const severity of Object.keys(NAME) as Severity[]) {
    const [name, other] = plain ? [PLAIN_NAME[severity], NAME[severity]] : [NAME[severity], PLAIN_NAME[severity]];
    if (w.CSS.highlights.has(other)) w.CSS.highlights.delete(other);
    const list = ranges[severity];
    const painted = w.CSS.highlights.get(name);
    if (list.length === 0) {
      if (painted) w.CSS.highlights.delete(name);
    } else if (!painted || !sameRanges(painted, list)) {
      w.CSS.highlights.set(name, new w.Highlight(...list));
    }
  }
}

/** Do `painted` and `list` hold the same stretches of text (new Range objects for them each time)? */
export function sameRanges(painted: Iterable<AbstractRange>, list: readonly AbstractRange[]): boolean {
  let i = 0;
  for (const r of painted) {
    const q = list[i++];
    if (!q || r.startContainer !== q.startContainer || r.startOffset !== q.startOffset || r.endContainer !== q.endContainer || r.endOffset !== q.endOffset) return false;
  }
  return i === list.length;
}

export const HIGHLIGHT_NAMES = NAME;

const FLASH = 'precheck-flash';
const FLASH_MS = 1600;
const flashTimers = new WeakMap<Window, number>();

/** 定位's feedback: the finding lit up for a moment (over the selection), then back to its paint. */
export function flashRange(win: Window, range: Range): void {
  const w = win as HighlightWindow;
  if (!supportsHighlights(w)) return;
  ensureStyle(w);
  w.CSS.highlights.set(FLASH, new w.Highlight(range));
  w.clearTimeout(flashTimers.get(w));
  flashTimers.set(
    w,
    w.setTimeout(() => w.CSS.highlights.delete(FLASH), FLASH_MS),
  );
}
