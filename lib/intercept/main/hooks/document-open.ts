/* eslint-disable @typescript-eslint/unbound-method -- the original is kept unbound and always called on its own target. */
/**
 * `document.open()` erases every event listener of the document and of its window — Precheck's
 * capturing listeners among them (measured: a form submitted in a frame after the page wrote its
 * document, as the editors write theirs, left unjudged). `then` runs right after each call on this
 * window's own document, before the page's next statement, to put them back.
 *
 * Another window's document opened through this window's method (`Document.prototype.open.call(
 * frame.document)`, a thirteenth probe's) lost its guard's listeners with nothing to put them back: its
 * form then left with the draft. Each window's `then` is kept here, so a window this guard installed
 * itself in gets its own put back; a document of any other window is refused (its guard is another
 * instance, out of reach; no script opens one window's document with another window's method).
 *
 * `document.write` and `writeln` on a document that is not loading (a fresh frame's initial
 * about:blank, a document closed after it was written) open it themselves, past the wrapped `open`:
 * the same probe's form, written into a fresh frame without `open()`, left with the draft. Such a
 * write is treated as an open: another window's document is refused, and the listeners are put back
 * after it.
 */
import { apply, keptWeakMap } from '../../../realm/intrinsics';
type PageWindow = Window & typeof globalThis;

/** Each guarded window's `then`, for its document opened through another guarded window's method. */
const relisteners = keptWeakMap<Window, () => void>();
const viewOf = Reflect.getOwnPropertyDescriptor(Document.prototype, 'defaultView')?.get;
const readyStateOf = Reflect.getOwnPropertyDescriptor(Document.prototype, 'readyState')?.get;

export function afterDocumentOpen(win: PageWindow, then: () => void): void {
  relisteners.set(win, then);
  const proto = win.Document.prototype;
  /** What puts `doc`'s guard's listeners back after it is opened; throws for a window whose guard is not this one's; undefined for a document without a window. */
  const relistenerOf = (doc: Document): (() => void) | undefined => {
    const view = doc === win.document ? win : viewOf ? (apply(viewOf, doc, []) as Window | null) : null;
    const relisten = view ? relisteners.get(view) : undefined;
    // a document without a window (DOMParser's, createHTMLDocument's) carries no guard's listeners
    if (view && !relisten) throw new win.DOMException('发布前预检：不能用另一窗口的方法重写此窗口的文档，已阻止', 'SecurityError');
    return relisten;
  };
  const open = proto.open;
  proto.open = function (this: Document, ...args: unknown[]) {
    // (with three arguments it is window.open, and the document is not opened)
    if (args.length >= 3) return apply(open, this, args);
    const relisten = relistenerOf(this);
    const result: unknown = apply(open, this, args);
    if (relisten) relisten();
    return result;
  } as typeof proto.open;
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const name of ['write', 'writeln'] as const) {
    const write = proto[name];
    proto[name] = function (this: Document, ...text: string[]) {
      // a write while the document loads goes into its parser; otherwise the write opens the document first
      const opens = !readyStateOf || apply(readyStateOf, this, []) !== 'loading';
      const relisten = opens ? relistenerOf(this) : undefined;
      apply(write, this, text);
      if (relisten) relisten();
    };
  }
}
