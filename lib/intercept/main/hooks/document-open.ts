/* eslint-disable @typescript-eslint/unbound-method -- the original is kept unbound and always called on its own target. */
/**
 * `document.open()` erases every event listener of the document and of its window — Precheck's
 * capturing listeners among them (measured: a form submitted in a frame after the page wrote its
 * document, as the editors write theirs, left unjudged). `then` runs right after each call on this
 * window's own document, before the page's next statement, to put them back.
 */
import { apply } from '../../../realm/intrinsics';
type PageWindow = Window & typeof globalThis;

export function afterDocumentOpen(win: PageWindow, then: () => void): void {
  const proto = win.Document.prototype;
  const open = proto.open;
  proto.open = function (this: Document, ...args: unknown[]) {
    const result: unknown = apply(open, this, args);
    // (with three arguments it is window.open, and the document is not opened)
    if (this === win.document && args.length < 3) then();
    return result;
  } as typeof proto.open;
}
