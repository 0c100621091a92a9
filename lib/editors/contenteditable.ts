import type { EditorDriver } from './types';

// Any other editable element; only the outermost one, since nested editables are part of it.
export default {
  kind: 'contenteditable',
  find: (doc) =>
    [...doc.querySelectorAll<HTMLElement>('[contenteditable]:not([contenteditable="false"])')].filter(
      (el) => el.isContentEditable && !el.parentElement?.isContentEditable && !el.closest('.ql-clipboard'),
    ),
} satisfies EditorDriver;
