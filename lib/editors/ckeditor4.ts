import { bodiesOf } from './frame-body';
import type { EditorDriver } from './types';

// CKEditor 4 classic: iframe.cke_wysiwyg_frame with body.cke_editable.
export default {
  kind: 'ckeditor4',
  find: (doc) => bodiesOf(doc, 'iframe.cke_wysiwyg_frame'),
} satisfies EditorDriver;
