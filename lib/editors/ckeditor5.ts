import type { EditorDriver } from './types';

// CKEditor 5: the editable is an element of the page.
export default {
  kind: 'ckeditor5',
  find: (doc) => [...doc.querySelectorAll<HTMLElement>('.ck-editor__editable[contenteditable="true"]')],
} satisfies EditorDriver;
