import type { EditorDriver } from './types';

// Quill: .ql-editor; its hidden .ql-clipboard is not the draft.
export default {
  kind: 'quill',
  find: (doc) => [...doc.querySelectorAll<HTMLElement>('.ql-editor[contenteditable="true"]')],
} satisfies EditorDriver;
