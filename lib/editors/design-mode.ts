import type { EditorDriver } from './types';

// eWebEditor-style and home-made editors: a frame document switched to designMode, or an editable body.
export default {
  kind: 'design-mode',
  find: (doc) => (doc.body && (doc.designMode === 'on' || doc.body.isContentEditable) ? [doc.body] : []),
} satisfies EditorDriver;
