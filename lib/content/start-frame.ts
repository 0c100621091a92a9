/**
 * The isolated script of one frame at document_start: take the MAIN-world guard's private channel,
 * route its questions and this frame's navigations to the page's gate, and — in the topmost frame it
 * can reach — start the controller once the document is parsed.
 */
import { acceptGuardChannel } from '../intercept/isolated/channel';
import { watchNavigations, type NavigationWatch } from '../intercept/isolated/navigation';
import type { ScanOptions } from '../scan/engine';
import { GateHub } from './gate/hub';
import { pageAskOf } from './gate/page-relay';

export interface FrameStart {
  hub: GateHub;
  /** This frame created the hub: it runs the controller for the page. */
  owner: boolean;
}

/** Null when this window already runs Precheck (the scripts were injected again into an open tab). */
export function startFrame(win: Window, initial: ScanOptions): FrameStart | null {
  if (GateHub.inWindow(win)) return null;
  const existing = win === win.top ? null : GateHub.find(win.parent);
  const hub = existing ?? GateHub.create(win, initial);
  // a window whose gate is its own asks its page's first: the one that opened it, or (Firefox) holds it
  if (!existing) hub.askPageFirst(pageAskOf(win, hub.relayKey));
  // the page's document.open() erases the window's listeners (the editors call it on their frames)
  const navigations: { watch?: NavigationWatch } = {};
  const link = acceptGuardChannel(win.document, {
    judgeSync: (o) => hub.gate.answer(o),
    judge: (o, blobs) => hub.gate.answerAsync(o, blobs),
    learn: (blobs) => hub.learnFiles(blobs, 'form'),
    outcome: (route, endpoint, status, response) => hub.outcome({ route, endpoint, status, response }),
    reopened: () => navigations.watch?.relisten(),
    entriesChanged: () => hub.entryListsChanged(),
    shadowRoot: (host) => navigations.watch?.watchRoot(host),
  });
  hub.addLink(link);
  hub.watch(win);
  navigations.watch = watchNavigations(win, {
    judge: (o) => hub.gate.judge(o),
    peek: (o) => hub.gate.peek(o),
    control: () => hub.gestures.current(),
    fileKey: (f) => hub.fileKey(f),
    holdFiles: (fd, source) => hub.holdFiles(fd, source),
    holdEntryList: (fd, form, replay) => hub.holdEntryList(fd, form, replay),
    watchEntryList: (look) => hub.watchEntryList(look),
  });
  return { hub, owner: existing === null };
}

/** Runs `fn` once the document is parsed (the controller needs the body and the form). */
export function whenParsed(doc: Document, fn: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}
