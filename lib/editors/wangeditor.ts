import type { EditorDriver } from './types';

// wangEditor 5 (Slate): no global registry, the DOM is the way in.
export default {
  kind: 'wangeditor',
  find: (doc) => [...doc.querySelectorAll<HTMLElement>('[data-slate-editor="true"]')],
} satisfies EditorDriver;
