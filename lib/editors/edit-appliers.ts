/**
 * MAIN world: each editor's own way to change its content as one undoable step. `change` runs the
 * DOM edits inside the editor's undo bookkeeping (UEditor's scenes, TinyMCE's transactions, CKEditor
 * 4's snapshots, KindEditor's bookmarks); CKEditor 5 and Quill own their DOM and are changed through
 * their models instead, and so is wangEditor (lib/editors/edit-slate.ts). A textarea takes the whole
 * new value as one native insertText, which the browser's own undo reverts in one step. An editable
 * area no editor owns is edited by Precheck itself (lib/editors/edit-plain.ts).
 */
import { call, descending, domRanges, replaceInDom, type Api, type Applier, type Replacement } from './edit-kit';
import { plainEditable } from './edit-plain';
import { extractText, rangeFor } from './text-map';
import { wangeditor } from './edit-slate';

export type { Applier, Replacement } from './edit-kit';

type Globals = Window & {
  UE?: { instants?: Record<string, Api> };
  tinymce?: { get?: () => Api[] };
  CKEDITOR?: { instances?: Record<string, Api> };
  KindEditor?: { instances?: Api[] };
  Quill?: { find?: (node: Node) => unknown; import?: (name: string) => unknown };
};

/** The DOM edits between two of the editor's own undo snapshots: one undo step covers them all. */
function betweenSnapshots(snapshot: () => void, root: HTMLElement, edits: readonly Replacement[]): void {
  snapshot();
  replaceInDom(root, edits);
  snapshot();
}

function ueditor(g: Globals, root: HTMLElement): Applier | null {
  const ue = Object.values(g.UE?.instants ?? {}).find((e) => e.body === root);
  if (!ue) return null;
  return {
    editor: 'ueditor',
    replace: (edits) => betweenSnapshots(() => call(ue, 'fireEvent', 'saveScene'), root, edits),
    undo: () => call(ue, 'execCommand', 'undo'),
  };
}

function tinymce(g: Globals, root: HTMLElement): Applier | null {
  const ed = (g.tinymce?.get?.() ?? []).find((e) => call(e, 'getBody') === root);
  if (!ed) return null;
  const undo = ed.undoManager;
  return {
    editor: 'tinymce',
    replace(edits) {
      // A level for what was typed since the last one, then the change as a level of its own.
      call(undo, 'add');
      call(undo, 'transact', () => replaceInDom(root, edits));
      call(ed, 'setDirty', true);
      call(ed, 'nodeChanged');
    },
    undo: () => call(undo, 'undo'),
  };
}

function ckeditor4(g: Globals, root: HTMLElement): Applier | null {
  const ed = Object.values(g.CKEDITOR?.instances ?? {}).find((e) => (call(e, 'editable') as { $?: unknown } | null)?.$ === root);
  if (!ed) return null;
  return {
    editor: 'ckeditor4',
    replace(edits) {
      betweenSnapshots(() => call(ed, 'fire', 'saveSnapshot'), root, edits);
      call(ed, 'fire', 'change');
    },
    undo: () => call(ed, 'execCommand', 'undo'),
  };
}

function kindeditor(g: Globals, root: HTMLElement): Applier | null {
  const ed = (g.KindEditor?.instances ?? []).find((e) => (e.edit as { doc?: Document } | undefined)?.doc?.body === root);
  if (!ed) return null;
  return {
    editor: 'kindeditor',
    replace: (edits) => betweenSnapshots(() => call(ed, 'addBookmark', false), root, edits),
    undo: () => call(ed, 'undo'),
  };
}

interface Ck5Position {
  textNode?: { getAttributes(): Iterable<[string, unknown]> } | null;
}

function ckeditor5(_g: Globals, root: HTMLElement): Applier | null {
  const ed = (root as HTMLElement & { ckeditorInstance?: Api }).ckeditorInstance;
  if (!ed) return null;
  const editing = ed.editing as { view: { domConverter: unknown }; mapper: unknown };
  const model = ed.model;
  const toModel = (node: Node, offset: number) => {
    const at = call(editing.view.domConverter, 'domPositionToView', node, offset);
    if (!at) throw new Error('no model position');
    return call(editing.mapper, 'toModelPosition', at) as Ck5Position;
  };
  return {
    editor: 'ckeditor5',
    replace(edits) {
      const spots = domRanges(root, edits).map(({ range, text }) => ({
        from: toModel(range.startContainer, range.startOffset),
        to: toModel(range.endContainer, range.endOffset),
        text,
      }));
      // One model.change is one batch: one undo step.
      call(model, 'change', (writer: Api) => {
        for (const { from, to, text } of spots) {
          const attributes = new Map(from.textNode?.getAttributes() ?? []);
          call(writer, 'remove', call(writer, 'createRange', from, to));
          call(writer, 'insertText', text, attributes, from);
        }
      });
    },
    undo: () => call(ed, 'execute', 'undo'),
  };
}

function quill(g: Globals, root: HTMLElement): Applier | null {
  const Quill = g.Quill;
  const q = root.parentElement ? (Quill?.find?.(root.parentElement) as Api | null) : null;
  if (!Quill || !q || q.root !== root) return null;
  const indexOf = (node: Node, offset: number) => {
    const blot = call(Quill, 'find', node);
    if (!blot) throw new Error('no Quill position');
    return (call(q, 'getIndex', blot) as number) + offset;
  };
  return {
    editor: 'quill',
    replace(edits) {
      const map = extractText(root);
      const Delta = call(Quill, 'import', 'delta') as new () => Api;
      let delta = new Delta();
      let at = 0;
      for (const e of [...edits].sort((a, b) => a.start - b.start)) {
        const range = rangeFor(map, e.start, e.end);
        if (!range) throw new Error('offset outside the text');
        const from = indexOf(range.startContainer, range.startOffset);
        const length = indexOf(range.endContainer, range.endOffset) - from;
        delta = call(call(call(delta, 'retain', from - at), 'delete', length), 'insert', e.text, call(q, 'getFormat', from, length)) as Api;
        at = from + length;
      }
      const history = q.history as Api;
      call(history, 'cutoff');
      call(q, 'updateContents', delta, 'user');
      call(history, 'cutoff');
    },
    undo: () => call(q.history, 'undo'),
  };
}

function textarea(_g: Globals, root: HTMLElement): Applier | null {
  if (root.tagName !== 'TEXTAREA') return null;
  const area = root as HTMLTextAreaElement;
  const doc = area.ownerDocument;
  return {
    editor: 'textarea',
    replace(edits) {
      let value = area.value;
      for (const e of descending(edits)) value = value.slice(0, e.start) + e.text + value.slice(e.end);
      area.focus();
      area.select();
      // The browser's own edit: one step on its undo stack, and the input event the CMS listens to.
      if (!doc.execCommand('insertText', false, value)) {
        area.value = value;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
    undo() {
      area.focus();
      doc.execCommand('undo');
    },
  };
}

// The plain editable last: it takes only an area no editor above owns.
const APPLIERS = [ueditor, tinymce, ckeditor4, kindeditor, ckeditor5, quill, wangeditor, textarea, plainEditable];

/** The editor that owns `root`, seen from the window whose globals hold it. */
export function applierFor(win: Window, root: HTMLElement): Applier | null {
  const g = win as Globals;
  for (const find of APPLIERS) {
    try {
      const found = find(g, root);
      if (found) return found;
    } catch {
      // An editor half torn down is not one to edit through.
    }
  }
  return null;
}
