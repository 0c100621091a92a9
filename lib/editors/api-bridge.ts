/** Isolated → MAIN: read the editors' APIs; MAIN → isolated: their content, as JSON (strings cross worlds). */
export const READ_REQUEST = 'precheck:read-request';
export const READ_RESPONSE = 'precheck:read-response';

/** What an editor's own API says it will submit. */
export interface ApiContent {
  kind: string;
  html: string;
}

interface Readable {
  getContent?: () => string;
  getData?: () => string;
  html?: () => string;
}

type EditorGlobals = {
  UE?: { instants?: Record<string, Readable> };
  KindEditor?: { instances?: Readable[] };
  CKEDITOR?: { instances?: Record<string, Readable> };
  tinymce?: { get?: () => Readable[] };
  Quill?: { find?: (el: Element) => { root?: HTMLElement } | null };
};

/**
 * MAIN world only: the editors' registries (window.UE, CKEDITOR ...) are invisible to the isolated
 * world. Each call is a read-only getter of the editor's public API.
 */
export function readEditorApis(win: Window): ApiContent[] {
  const g = win as unknown as EditorGlobals;
  const out: ApiContent[] = [];
  const add = (kind: string, read: (() => string) | undefined) => {
    try {
      const html = read?.();
      if (typeof html === 'string') out.push({ kind, html });
    } catch {
      // An editor half torn down must not break reading the others.
    }
  };
  for (const e of Object.values(g.UE?.instants ?? {})) add('ueditor', e.getContent?.bind(e));
  for (const e of g.KindEditor?.instances ?? []) add('kindeditor', e.html?.bind(e));
  for (const e of Object.values(g.CKEDITOR?.instances ?? {})) add('ckeditor4', e.getData?.bind(e));
  for (const e of g.tinymce?.get?.() ?? []) add('tinymce', e.getContent?.bind(e));
  for (const el of win.document.querySelectorAll('.ck-editor__editable')) {
    const instance = (el as Element & { ckeditorInstance?: Readable }).ckeditorInstance;
    add('ckeditor5', instance?.getData?.bind(instance));
  }
  for (const el of win.document.querySelectorAll('.ql-container')) {
    const root = g.Quill?.find?.(el)?.root;
    add('quill', root ? () => root.innerHTML : undefined);
  }
  return out;
}

/** MAIN world: answers the isolated world's read requests synchronously. */
export function serveEditorApis(win: Window): void {
  win.document.addEventListener(READ_REQUEST, () => {
    const detail = JSON.stringify(readEditorApis(win));
    win.document.dispatchEvent(new CustomEvent(READ_RESPONSE, { detail }));
  });
}

/** Isolated world: what every same-origin frame's editors would submit, read through their APIs. */
export function requestEditorApis(docs: readonly Document[]): ApiContent[] {
  const out: ApiContent[] = [];
  for (const doc of docs) {
    const collect = (e: Event) => out.push(...(JSON.parse((e as CustomEvent<string>).detail) as ApiContent[]));
    doc.addEventListener(READ_RESPONSE, collect);
    doc.dispatchEvent(new CustomEvent(READ_REQUEST));
    doc.removeEventListener(READ_RESPONSE, collect);
  }
  return out;
}
