/**
 * MAIN world, from document_start: wangEditor 5 keeps no list of its editors (Slate's DOM maps are
 * private to its bundle), so nothing on the page leads from an editable area to the editor that
 * owns it, and 全部打码 must go through that editor. wangEditor's own plugin hook
 * (Boot.registerPlugin) is handed every editor created after it is registered; it is registered the
 * moment the page's wangEditor script defines Boot, before the page can create any editor.
 * A wangEditor bundled into an app (no window.wangEditor) stays out of reach.
 */
type Plugin = (editor: WangEditor) => WangEditor;

export interface WangEditor {
  on?(event: string, listener: () => void): void;
  [method: string]: unknown;
}

export interface WangLib {
  Boot?: { registerPlugin?(plugin: Plugin): void };
  DomEditor?: unknown;
}

interface Registry {
  lib: WangLib;
  editors: Set<WangEditor>;
}

const registries = new WeakMap<Window, Registry>();

function register(win: Window, lib: WangLib): void {
  if (registries.get(win)?.lib === lib) return;
  const editors = new Set<WangEditor>();
  registries.set(win, { lib, editors });
  lib.Boot?.registerPlugin?.((editor) => {
    editors.add(editor);
    editor.on?.('destroyed', () => editors.delete(editor));
    return editor;
  });
}

/** The UMD build assigns an empty exports object first and fills it after: wait for its Boot. */
function registerOnBoot(win: Window, lib: WangLib): void {
  if (lib.Boot) return register(win, lib);
  let boot: WangLib['Boot'];
  try {
    Object.defineProperty(lib, 'Boot', {
      configurable: true,
      enumerable: true,
      get: () => boot,
      set(value: WangLib['Boot']) {
        boot = value;
        register(win, lib);
      },
    });
  } catch {
    // A frozen library object: its editors stay out of reach.
  }
}

export function watchWangEditors(win: Window): void {
  const w = win as Window & { wangEditor?: WangLib };
  let lib = w.wangEditor;
  if (lib) registerOnBoot(win, lib);
  try {
    Object.defineProperty(win, 'wangEditor', {
      configurable: true,
      enumerable: true,
      get: () => lib,
      set(value: WangLib | undefined) {
        lib = value;
        if (value && typeof value === 'object') registerOnBoot(win, value);
      },
    });
  } catch {
    // The page made it unconfigurable first: nothing to watch.
  }
}

/** The wangEditor library of this window and the editors it created since. */
export function wangEditorsOf(win: Window): Registry | undefined {
  return registries.get(win);
}
