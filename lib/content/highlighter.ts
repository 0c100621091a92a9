import type { Severity } from '../scan/types';

const NAME: Record<Severity, string> = { block: 'precheck-block', warn: 'precheck-warn', info: 'precheck-info' };
const STYLE = `
::highlight(precheck-block) { background-color: rgba(229, 57, 53, 0.28); text-decoration: underline wavy #c62828; }
::highlight(precheck-warn) { background-color: rgba(255, 179, 0, 0.30); text-decoration: underline dotted #b26a00; }
::highlight(precheck-info) { text-decoration: underline dotted #78909c; }
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
 * elements: editors publish such wrappers, mark the draft dirty, or (Quill) delete the text.
 */
export function paintHighlights(win: Window, ranges: RangesBySeverity): void {
  const w = win as HighlightWindow;
  if (!supportsHighlights(w)) return;
  ensureStyle(w);
  for (const severity of Object.keys(NAME) as Severity[]) {
    const list = ranges[severity];
    if (list.length === 0) w.CSS.highlights.delete(NAME[severity]);
    else w.CSS.highlights.set(NAME[severity], new w.Highlight(...list));
  }
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
