/* eslint-disable @typescript-eslint/unbound-method -- page originals are captured unbound and called on their own target. */
/**
 * A same-origin frame is a fresh realm with pristine fetch, XHR and friends. The browser injects the
 * guard into new frames by itself; this is the backstop for a frame the page reaches before that
 * happened: the first time its window is taken, it is guarded from here (with this window's channel,
 * see install.ts).
 */
import { isGuarded } from '../relay';
import { apply } from '../../../realm/intrinsics';

// the getter as it was at document_start: a page could make a frame's window read as null (a window's
// `document` is unforgeable)
const viewOf = Reflect.getOwnPropertyDescriptor(Document.prototype, 'defaultView')?.get;


type PageWindow = Window & typeof globalThis;

export function hookFrames(win: PageWindow, guard: (w: PageWindow) => void): void {
  const ensure = (w: Window | null) => {
    if (!w) return;
    try {
      if (!isGuarded(w) && w.document) guard(w as PageWindow);
    } catch {
      // Cross-origin: its own content scripts guard it, or it is not a covered origin.
    }
  };
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const ctor of ['HTMLIFrameElement', 'HTMLFrameElement', 'HTMLObjectElement'] as const) {
    const proto = win[ctor]?.prototype;
    if (!proto) continue;
    // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
    for (const prop of ['contentWindow', 'contentDocument'] as const) {
      const desc = Object.getOwnPropertyDescriptor(proto, prop);
      const get = desc?.get;
      if (!desc || !get) continue;
      Object.defineProperty(proto, prop, {
        ...desc,
        get(this: HTMLIFrameElement) {
          const value = apply(get, this, []) as Window | Document | null;
          ensure(prop === 'contentWindow' ? (value as Window | null) : value && viewOf ? (apply(viewOf, value, [])) : null);
          return value;
        },
      });
    }
  }
}
