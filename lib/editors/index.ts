import ckeditor4 from './ckeditor4';
import ckeditor4Inline from './ckeditor4-inline';
import ckeditor5 from './ckeditor5';
import contenteditable from './contenteditable';
import designMode from './design-mode';
import kindeditor from './kindeditor';
import quill from './quill';
import textarea from './textarea';
import tinymce from './tinymce';
import type { EditorDriver, EditorHandle } from './types';
import ueditor from './ueditor';
import wangeditor from './wangeditor';

/** Specific editors first: an area claimed by one is not reported again by a generic driver. */
export const drivers: readonly EditorDriver[] = [
  ueditor,
  kindeditor,
  ckeditor4,
  ckeditor4Inline,
  ckeditor5,
  tinymce,
  quill,
  wangeditor,
  designMode,
  contenteditable,
  textarea,
];

/** The window and every same-origin frame below it (TRS WCM and eWebEditor nest editors in frames). */
export function sameOriginWindows(win: Window): Window[] {
  const out: Window[] = [];
  const visit = (w: Window) => {
    try {
      if (!w.document) return;
    } catch {
      return;
    }
    out.push(w);
    for (let i = 0; i < w.frames.length; i++) visit(w.frames[i]!);
  };
  visit(win);
  return out;
}

export function discoverEditors(top: Window): EditorHandle[] {
  const found: EditorHandle[] = [];
  const claimed = new Set<HTMLElement>();
  const docs = sameOriginWindows(top).map((w) => w.document);
  for (const driver of drivers) {
    for (const doc of docs) {
      // An editor's own frame holds nothing but the draft: searching a 1 MB draft every second for
      // more editors would cost the page for nothing.
      if (doc.body && claimed.has(doc.body)) continue;
      for (const root of driver.find(doc)) {
        if (claimed.has(root) || [...claimed].some((c) => c.contains(root))) continue;
        claimed.add(root);
        found.push({ kind: driver.kind, root });
      }
    }
  }
  return found;
}
