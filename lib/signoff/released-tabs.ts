/**
 * A new item gets its id from the CMS only when it is saved: the id comes back with the very publish
 * that was released — in the save response of a fetch/XHR, or on the page a plain form post leads to
 * (DedeCMS's 成功发布文章 page links to 更改文章 ?aid=N). The background takes such an id once, from
 * the tab it released, for the site it released, within a minute — a content script cannot mark
 * other items as signed.
 *
 * A release that left as a navigation is answered by the next page loaded in the tab, and only by
 * it: whatever that page names (or does not), the list page the CMS jumps to next must not have its
 * first row taken for the new item.
 */
const WINDOW_MS = 60_000;

/** Where the id of a released publish comes back. */
export type IdSource = 'response' | 'page';

interface Release {
  origin: string;
  at: number;
  navigated: boolean;
}

export class ReleasedTabs {
  private readonly open = new Map<number, Release>();

  constructor(private readonly now: () => number = Date.now) {}

  released(tabId: number, origin: string): void {
    this.open.set(tabId, { origin, at: this.now(), navigated: false });
  }

  /** The released publish left the page as a navigation (a form post): its answer is a page. */
  navigated(tabId: number, origin: string): void {
    const r = this.open.get(tabId);
    if (r && r.origin === origin) r.navigated = true;
  }

  /**
   * True once per release: the tab was released on this origin within the last minute, and the id
   * comes back the way the release left. A page loaded after a navigating release spends it, id or not.
   */
  take(tabId: number, origin: string, from: IdSource = 'response'): boolean {
    const r = this.open.get(tabId);
    if (!r || r.navigated !== (from === 'page')) return false;
    this.open.delete(tabId);
    return r.origin === origin && this.now() - r.at <= WINDOW_MS;
  }
}
