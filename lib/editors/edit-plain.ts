/**
 * MAIN world: 全部打码 in an editable area no editor owns (a home-made contenteditable div, TRS
 * WCM's editable body, eWebEditor's designMode frame). There is no editor to ask, so Precheck writes
 * the masks into the DOM itself and keeps what it replaced: its 撤销 puts back the very nodes of
 * before, byte for byte, as long as nothing was written since. The page hears an input event each
 * time, as it would from typing. The browser's own Ctrl+Z does not know of this step.
 */
import { EditedSince, replaceInDom, type Applier, type Replacement } from './edit-kit';
import { discoverEditors } from './index';

/** The drivers' names for an area that only the browser edits. */
const PLAIN = new Set(['contenteditable', 'design-mode']);
/**
 * Editors Precheck has no driver for that render their DOM from a model of their own (ProseMirror,
 * Lexical, Draft.js): a write under them would be reverted or corrupt the model, so they are left alone.
 */
const MODEL_OWNED = '.ProseMirror, [data-lexical-editor], .DraftEditor-root';

interface Snapshot {
  before: Node[];
  after: string;
}

/** The last 全部打码 of each area, for its 撤销. */
const snapshots = new WeakMap<HTMLElement, Snapshot>();

function announce(root: HTMLElement, inputType: string): void {
  // The area's own window builds the event: a CMS in that frame may test `instanceof InputEvent`.
  const View = root.ownerDocument.defaultView?.InputEvent ?? InputEvent;
  root.dispatchEvent(new View('input', { bubbles: true, inputType }));
}

export function plainEditable(win: Window, root: HTMLElement): Applier | null {
  if (!root.isContentEditable && root.ownerDocument.designMode !== 'on') return null;
  if (root.closest(MODEL_OWNED)) return null;
  const kind = discoverEditors(win).find((h) => h.root === root)?.kind;
  if (!kind || !PLAIN.has(kind)) return null;
  return {
    editor: kind,
    replace(edits: readonly Replacement[]) {
      const before = [...root.childNodes].map((n) => n.cloneNode(true));
      replaceInDom(root, edits);
      snapshots.set(root, { before, after: root.innerHTML });
      announce(root, 'insertReplacementText');
    },
    undo() {
      const snapshot = snapshots.get(root);
      if (!snapshot) throw new Error('nothing to undo');
      if (root.innerHTML !== snapshot.after) throw new EditedSince();
      snapshots.delete(root);
      root.replaceChildren(...snapshot.before);
      announce(root, 'historyUndo');
    },
  };
}
