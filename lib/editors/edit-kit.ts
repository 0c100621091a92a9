/**
 * MAIN world: what every editor's 全部打码 applier shares: the contract, a way to call an untyped
 * page editor's methods, and writing replacements into an editable DOM.
 */
import { extractText, rangeFor } from './text-map';

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

export interface Applier {
  editor: string;
  replace(edits: readonly Replacement[]): void;
  undo(): void;
}

/** Thrown by an undo that would throw away what the user wrote after the mask. */
export class EditedSince extends Error {}

export type Api = Record<string, unknown>;

/** Calls an editor's method by name (the editors are untyped page globals). */
export function call(obj: unknown, name: string, ...args: unknown[]): unknown {
  const fn = (obj as Api | null)?.[name];
  if (typeof fn !== 'function') throw new Error(`no ${name}()`);
  return (fn as (...a: unknown[]) => unknown).apply(obj, args);
}

/** Right to left, so each edit leaves the earlier offsets where they were. */
export function descending(edits: readonly Replacement[]): Replacement[] {
  return [...edits].sort((a, b) => b.start - a.start);
}

/** The DOM ranges of the edits, right to left, all found before anything is written. */
export function domRanges(root: HTMLElement, edits: readonly Replacement[]): { range: Range; text: string }[] {
  const map = extractText(root);
  return descending(edits).map((e) => {
    const range = rangeFor(map, e.start, e.end);
    if (!range) throw new Error('offset outside the text');
    return { range, text: e.text };
  });
}

/** Writes the edits into the editable DOM (read afresh: the editor's bookkeeping may have split text nodes). */
export function replaceInDom(root: HTMLElement, edits: readonly Replacement[]): void {
  for (const { range, text } of domRanges(root, edits)) {
    const node = range.startContainer;
    if (node === range.endContainer && node.nodeType === 3) (node as Text).replaceData(range.startOffset, range.endOffset - range.startOffset, text);
    else {
      range.deleteContents();
      range.insertNode(root.ownerDocument.createTextNode(text));
    }
  }
}
