import { bodiesOf } from './frame-body';
import type { EditorDriver } from './types';

// KindEditor 4: a designMode iframe with body.ke-content.
export default {
  kind: 'kindeditor',
  find: (doc) => bodiesOf(doc, 'iframe.ke-edit-iframe'),
} satisfies EditorDriver;
