/**
 * A CMS tab open across an update of Precheck. The new version's scripts are injected into the tab
 * (lib/background/inject-open-tabs.ts), but the page's hooks are the previous version's, installed
 * at its document_start and talking to that version's isolated script only: the new gate never sees
 * what the page sends, so a sign-off in the new panel could release nothing. The previous version
 * still refuses (its gate needs no extension to judge) but can no longer sign off. So the page shows
 * one thing: a notice to save the draft and reload.
 */
import { GUARDED_BEFORE } from '../intercept/channel-protocol';

/** What a version of Precheck puts into a page of its own: panel, highlight layer, checklist, teach mode. */
const UI_TAGS = ['precheck-panel', 'precheck-overlay', 'precheck-checklist', 'precheck-teach'] as const;

/** Calls `then` once if this window's guard turns out to be a previous version's (its own steps aside). */
export function onPreviousGuard(doc: Document, then: () => void): void {
  doc.addEventListener(GUARDED_BEFORE, then, { once: true });
}

/** Removes the screens a previous version left in `doc`; how many there were. */
export function removePreviousUi(doc: Document): number {
  const left = doc.querySelectorAll(UI_TAGS.join(','));
  for (const el of left) el.remove();
  return left.length;
}

const ORPHAN_CHECK_MS = 2000;

/** An extension API that throws is one whose extension is gone. */
function stillThere(alive: () => boolean): boolean {
  try {
    return alive();
  } catch {
    return false;
  }
}

/**
 * Calls `then` once this script's extension is gone (updated, disabled or removed): its screens can no
 * longer sign off or log, so they go, and the next version's notice takes their place. The gate stays
 * and keeps refusing. Chromium says so only by the runtime id going away; Firefox unloads the
 * script altogether.
 */
export function watchOrphaned(win: Window, alive: () => boolean, then: () => void): void {
  const timer = win.setInterval(() => {
    if (stillThere(alive)) return;
    win.clearInterval(timer);
    then();
  }, ORPHAN_CHECK_MS);
}
