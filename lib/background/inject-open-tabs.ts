/**
 * Tabs that loaded a covered CMS page before the content scripts were registered (the first seconds
 * after a browser start, an install or an update) get them now, in every frame. Scripts that are
 * already there notice and do nothing (the guard and the gate install once per window).
 */
import type { browser as Browser } from 'wxt/browser';
import { accessPatterns, type BrowserKind } from '../policy/host-access';
import { ISOLATED_FILE, MAIN_FILE } from '../policy/registration';

type Api = Pick<typeof Browser, 'tabs' | 'scripting'>;

export async function injectOpenTabs(api: Api, origins: readonly string[], browser: BrowserKind): Promise<void> {
  if (origins.length === 0) return;
  const tabs = await api.tabs.query({ url: accessPatterns(origins, browser) });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      const target = { tabId: tab.id, allFrames: true };
      try {
        // The isolated script first: the guard finds it waiting for the handshake.
        await api.scripting.executeScript({ target, files: [`/${ISOLATED_FILE}` as const], injectImmediately: true });
        await api.scripting.executeScript({ target, files: [`/${MAIN_FILE}` as const], world: 'MAIN', injectImmediately: true });
      } catch {
        // A tab that navigated away or shows an error page: its next load gets the registered scripts.
      }
    }),
  );
}
