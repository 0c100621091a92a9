/* eslint-disable @typescript-eslint/unbound-method -- the platform's methods are kept unbound and applied to their own target. */
import { apply, matches, startsWith } from '../realm/intrinsics';

type PageWindow = Window & typeof globalThis;

const SELF = /^_self$/i;

/**
 * Whether a link's or a form's `target` (null: none) leaves its `javascript:` code to run in its own
 * window — no target nor `<base target>`, `_self`, or the window's own name — rather than make another
 * window's document of the code's result. Asked by the link and the form hooks alike, with
 * querySelector and getAttribute kept as the guard installs: a page that replaced them could hide a
 * `<base target>` and have code aimed at a fresh frame taken for its own.
 */
export function ownWindowTarget(win: PageWindow): (target: string | null) => boolean {
  const query = win.Document.prototype.querySelector;
  const getAttr = win.Element.prototype.getAttribute;
  return (target) => {
    const base = target === null ? apply<Element | null>(query, win.document, ['base[target]']) : null;
    // Not trimmed: the browser does not trim a target either, and ' _self' names a new window.
    const t = target ?? (base ? (apply<string | null>(getAttr, base, ['target']) ?? '') : '');
    return t === '' || matches(SELF, t) || (t === win.name && !startsWith(t, '_'));
  };
}
