import { bodiesOf } from './frame-body';
import type { EditorDriver } from './types';

// TinyMCE: iframe#ID_ifr (srcdoc) with body#tinymce.
export default {
  kind: 'tinymce',
  find: (doc) => bodiesOf(doc, 'iframe.tox-edit-area__iframe, iframe[id$="_ifr"]'),
} satisfies EditorDriver;
