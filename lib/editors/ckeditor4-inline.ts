import type { EditorDriver } from './types';

// CKEditor 4 inline: the page element itself becomes editable.
export default {
  kind: 'ckeditor4-inline',
  find: (doc) => [...doc.querySelectorAll<HTMLElement>('.cke_editable_inline[contenteditable="true"]')],
} satisfies EditorDriver;
