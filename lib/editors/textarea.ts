import type { EditorDriver } from './types';

// Plain forms. Editors that keep a hidden textarea for submission (UEditor, TinyMCE) are skipped by
// the visibility test: their draft is read from the editing area instead.
export default {
  kind: 'textarea',
  find: (doc) =>
    [...doc.querySelectorAll('textarea')].filter(
      (t) => !t.disabled && !t.readOnly && t.getClientRects().length > 0 && t.offsetHeight > 0,
    ),
} satisfies EditorDriver;
