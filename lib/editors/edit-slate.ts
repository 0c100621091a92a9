/**
 * MAIN world: 全部打码 in wangEditor 5. Slate owns the DOM, so the edits go through the editor's
 * model: select each masked range and type the mask over it (editor.select / insertText). Slate's
 * history plugin merges the operations of one tick into one batch, but the first of them could join
 * the user's last batch: they go into a batch of their own, so its undo() takes back exactly the mask.
 */
import { call, domRanges, type Applier, type Replacement } from './edit-kit';
import { wangEditorsOf, type WangEditor } from './wangeditor-registry';

interface History {
  undos: unknown[][];
}

/** The editor whose editable element is `root`. */
function ownerOf(win: Window, root: HTMLElement): { editor: WangEditor; domEditor: unknown } | null {
  const registry = wangEditorsOf(win);
  const domEditor = registry?.lib.DomEditor;
  for (const editor of registry?.editors ?? []) {
    try {
      if (call(domEditor, 'toDOMNode', editor, editor) === root) return { editor, domEditor };
    } catch {
      // Not rendered yet, or destroyed.
    }
  }
  return null;
}

/** Runs `edit` so that all it changes is one entry on the history's undo stack. */
function asOneBatch(history: History, edit: () => void): void {
  const own: unknown[] = [];
  history.undos.push(own);
  try {
    edit();
  } finally {
    const at = history.undos.indexOf(own);
    if (at >= 0) {
      own.push(...history.undos.splice(at + 1).flat());
      if (own.length === 0) history.undos.splice(at, 1);
    }
  }
}

export function wangeditor(win: Window, root: HTMLElement): Applier | null {
  const owner = ownerOf(win, root);
  if (!owner) return null;
  const { editor, domEditor } = owner;
  const history = editor.history as History | undefined;
  if (!Array.isArray(history?.undos)) return null;
  return {
    editor: 'wangeditor',
    replace(edits: readonly Replacement[]) {
      // Every Slate range first: right to left, each edit leaves the ranges before it valid.
      const spots = domRanges(root, edits).map(({ range, text }) => ({
        at: call(domEditor, 'toSlateRange', editor, range, { exactMatch: false, suppressThrow: false }),
        text,
      }));
      asOneBatch(history, () => {
        for (const { at, text } of spots) {
          call(editor, 'select', at);
          call(editor, 'insertText', text);
        }
      });
    },
    undo: () => call(editor, 'undo'),
  };
}
