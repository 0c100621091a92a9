import { bodiesOf } from './frame-body';
import type { EditorDriver } from './types';

// UEditor 1.4.x / Plus: the editing body lives in iframe#ueditor_N (about:blank, written with document.open).
export default {
  kind: 'ueditor',
  find: (doc) => bodiesOf(doc, 'iframe[id^="ueditor_"]'),
} satisfies EditorDriver;
