/**
 * A window still on its initial about:blank (a fresh `<iframe>` without src, `window.open('')`): the
 * browser fires no navigate event for a navigation away from it, which is where navigations are
 * judged (isolated/navigation.ts). Such a window's Navigation API has entries and events
 * disabled: `navigation.currentEntry` is null (measured in Chromium and Firefox, after the page's own
 * `document.open()`/`write()` too; a committed about:blank, srcdoc or javascript: document has one).
 */
import { apply } from '../realm/intrinsics';

type NavigationLike = { currentEntry?: unknown };

// The getters as they were when this module loaded (document_start in the page's MAIN world):
// `navigation` is replaceable, and a page's own object could say the window is not blank.
const navigationOf = Reflect.getOwnPropertyDescriptor(globalThis, 'navigation')?.get;
const Nav = (globalThis as { Navigation?: { prototype: object } }).Navigation;
const currentEntryOf = Nav && Reflect.getOwnPropertyDescriptor(Nav.prototype, 'currentEntry')?.get;

/** Through the kept getter; another frame's window, where it may not apply, as a plain read. */
function read<T>(get: (() => unknown) | undefined, self: object, plain: () => T): T {
  if (!get) return plain();
  try {
    return apply(get, self, []) as T;
  } catch {
    return plain();
  }
}

export function onInitialBlank(win: Window): boolean {
  const nav = read(navigationOf, win, () => (win as Window & { navigation?: NavigationLike }).navigation);
  if (!nav) return false;
  return read(currentEntryOf, nav, () => nav.currentEntry) === null;
}
