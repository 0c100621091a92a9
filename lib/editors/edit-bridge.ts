/**
 * "全部打码": the one time Precheck changes a draft, and only when the editor asks for it. The change
 * goes through the editor's own API (MAIN world), so the editor knows it happened: one undo step,
 * the draft marked changed, nothing left behind. The isolated world sends where (offsets in the
 * editor's extracted text) and what to write (the mask); no raw value crosses. The MAIN world reads
 * the text again and masks it itself: only when that gives the same mask is anything written, so a
 * draft that changed in between is never edited at the wrong place.
 */
import type { Kind } from '../scan/types';

export const EDIT_REQUEST = 'precheck:edit-request';
export const EDIT_RESPONSE = 'precheck:edit-response';

export interface MaskEdit {
  /** UTF-16 offsets into the editor's extracted text (lib/editors/text-map.ts). */
  start: number;
  end: number;
  kind: Kind;
  /** The publishable mask (lib/fix/publish-mask.ts) of the text at [start, end). */
  replacement: string;
}

export type EditRequest = { op: 'mask'; textLength: number; edits: MaskEdit[] } | { op: 'undo' };

/**
 * no-editor: no editor API owns this area; unsupported: it has one Precheck cannot edit through;
 * edited: an undo refused because the draft was written to after the mask.
 */
export type EditRefusal = 'no-editor' | 'unsupported' | 'changed' | 'edited' | 'failed';

export type EditResult = { ok: true; editor: string } | { ok: false; reason: EditRefusal; detail?: string };

/**
 * Where the request is dispatched: an editor in an iframe is owned by the page around the iframe (its
 * UE / tinymce / CKEDITOR globals), so the iframe element; an editor in the page is its own element.
 */
export function editTarget(root: HTMLElement): Element {
  const doc = root.ownerDocument;
  const frame = root === doc.body ? doc.defaultView?.frameElement : null;
  return frame ?? root;
}

function parse(detail: unknown): EditResult | null {
  if (typeof detail !== 'string') return null;
  try {
    const r = JSON.parse(detail) as EditResult;
    return typeof r === 'object' && r !== null && typeof r.ok === 'boolean' ? r : null;
  } catch {
    return null;
  }
}

/** Isolated world: asks the editor that owns `root` to apply the request, and waits (synchronously) for its answer. */
export function requestEdit(root: HTMLElement, request: EditRequest): EditResult {
  const target = editTarget(root);
  let answer: EditResult | null = null;
  const listen = (e: Event) => {
    answer = parse((e as CustomEvent<unknown>).detail);
  };
  target.addEventListener(EDIT_RESPONSE, listen);
  try {
    target.dispatchEvent(new CustomEvent(EDIT_REQUEST, { detail: JSON.stringify(request), bubbles: true }));
  } finally {
    target.removeEventListener(EDIT_RESPONSE, listen);
  }
  return answer ?? { ok: false, reason: 'no-editor' };
}
