/**
 * Brings a range in an editor into the middle of the screen, however deep its frame is. An editor
 * that grows with its content (UEditor, TinyMCE with autoresize) never scrolls itself: the page
 * around its iframe does. The editor's own scroller moves first, then the outermost window by the
 * range's offset through every frame (scrolling the frame into view would centre the whole frame).
 */
export function scrollRangeIntoView(range: Range): void {
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const rect = range.getBoundingClientRect();
  let middle = rect.top + rect.height / 2;
  let win: Window | null = range.startContainer.ownerDocument?.defaultView ?? null;
  while (win?.frameElement) {
    const frame = win.frameElement as HTMLElement;
    middle += frame.getBoundingClientRect().top + frame.clientTop;
    win = win.parent;
  }
  win?.scrollBy(0, middle - win.innerHeight / 2);
}
