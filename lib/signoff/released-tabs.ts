/**
 * A new item gets its id from the CMS only when it is saved: the id comes back in the save response of
 * the very publish that was released. The background takes such an id once, from the tab it released,
 * for the site it released, within a minute — a content script cannot mark other items as signed.
 */
const WINDOW_MS = 60_000;

export class ReleasedTabs {
  private readonly open = new Map<number, { origin: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  released(tabId: number, origin: string): void {
    this.open.set(tabId, { origin, at: this.now() });
  }

  /** True once per release: the tab was released on this origin within the last minute. */
  take(tabId: number, origin: string): boolean {
    const r = this.open.get(tabId);
    if (!r) return false;
    this.open.delete(tabId);
    return r.origin === origin && this.now() - r.at <= WINDOW_MS;
  }
}
