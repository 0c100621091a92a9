/**
 * MAIN world: answers the isolated world's edit requests (lib/editors/edit-bridge.ts) through the
 * editor that owns the target. A mask is written only where the text still masks to exactly what was
 * asked for; otherwise nothing is written and the answer says the draft changed.
 */
import { publishMask } from '../fix/publish-mask';
import { applierFor, type Replacement } from './edit-appliers';
import { EditedSince } from './edit-kit';
import { EDIT_REQUEST, EDIT_RESPONSE, type EditRequest, type EditResult, type MaskEdit } from './edit-bridge';
import { extractText } from './text-map';

/** The editable element an edit target stands for (an editor's iframe stands for its body). */
function rootOf(target: Element): HTMLElement | null {
  if (target.tagName === 'IFRAME' || target.tagName === 'FRAME') return (target as HTMLIFrameElement).contentDocument?.body ?? null;
  return target as HTMLElement;
}

function textOf(root: HTMLElement): string {
  return root.tagName === 'TEXTAREA' ? (root as HTMLTextAreaElement).value : extractText(root).text;
}

/** The replacements, when the text at every offset still masks to what the request says. */
function checked(root: HTMLElement, textLength: number, edits: readonly MaskEdit[]): Replacement[] | null {
  const text = textOf(root);
  if (text.length !== textLength) return null;
  for (const e of edits) {
    if (e.start < 0 || e.end > text.length || e.start >= e.end || publishMask(e.kind, text.slice(e.start, e.end)) !== e.replacement) return null;
  }
  return edits.map((e) => ({ start: e.start, end: e.end, text: e.replacement }));
}

function handle(win: Window, target: Element, request: EditRequest): EditResult {
  const root = rootOf(target);
  if (!root) return { ok: false, reason: 'no-editor' };
  const applier = applierFor(win, root);
  if (!applier) return { ok: false, reason: 'unsupported' };
  try {
    if (request.op === 'undo') applier.undo();
    else {
      const edits = checked(root, request.textLength, request.edits);
      if (!edits) return { ok: false, reason: 'changed' };
      applier.replace(edits);
    }
    return { ok: true, editor: applier.editor };
  } catch (e) {
    if (e instanceof EditedSince) return { ok: false, reason: 'edited' };
    return { ok: false, reason: 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
}

function parse(detail: unknown): EditRequest | null {
  if (typeof detail !== 'string') return null;
  try {
    const r = JSON.parse(detail) as EditRequest;
    if (r?.op === 'undo') return r;
    return r?.op === 'mask' && Array.isArray(r.edits) && typeof r.textLength === 'number' ? r : null;
  } catch {
    return null;
  }
}

export function serveEditorEdits(win: Window): void {
  win.document.addEventListener(
    EDIT_REQUEST,
    (e) => {
      const target = e.target as Element | null;
      const request = parse((e as CustomEvent<unknown>).detail);
      // Any node of this window or of a same-origin frame: instanceof would miss the frames' elements.
      if (!target || target.nodeType !== 1 || !request) return;
      const result = handle(win, target, request);
      target.dispatchEvent(new CustomEvent(EDIT_RESPONSE, { detail: JSON.stringify(result) }));
    },
    true,
  );
}
