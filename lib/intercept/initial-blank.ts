/**
 * A window still on its initial about:blank (a fresh `<iframe>` without src, `window.open('')`): the
 * browser fires no navigate event for a navigation away from it, which is where navigations are
 * judged (isolated/navigation.ts). Such a window's Navigation API has entries and events
 * disabled: `navigation.currentEntry` is null (measured in Chromium and Firefox, after the page's own
 * `document.open()`/`write()` too; a committed about:blank, srcdoc or javascript: document has one).
 */
type NavigationLike = { currentEntry?: unknown };

export function onInitialBlank(win: Window): boolean {
  const nav = (win as Window & { navigation?: NavigationLike }).navigation;
  return !!nav && nav.currentEntry === null;
}
