export type EditorKind =
  | 'ueditor'
  | 'kindeditor'
  | 'ckeditor4'
  | 'ckeditor4-inline'
  | 'ckeditor5'
  | 'tinymce'
  | 'quill'
  | 'wangeditor'
  | 'design-mode'
  | 'contenteditable'
  | 'textarea';

/** One editable area found on the page. */
export interface EditorHandle {
  kind: EditorKind;
  /** The element whose text is the draft: an iframe body, a contenteditable element or a textarea. */
  root: HTMLElement;
}

/**
 * An editor driver recognises its editor in one document. Drivers only look: they never write to
 * the editor, so reading cannot mark a draft dirty or add an undo step.
 */
export interface EditorDriver {
  kind: EditorKind;
  find(doc: Document): HTMLElement[];
}
