/**
 * The MAIN-world guard of one window: every way the page can send data is routed through the private
 * channel to the isolated world, which judges it (lib/gate). Installed at document_start, before the
 * page's own scripts, in every frame.
 */
import { openGuardChannel, type GuardChannel } from './channel';
import { hookApiUrls } from './hooks/api-urls';
import { blobStore, hookBlobs } from './hooks/blobs';
import { hookCss } from './hooks/css';
import { afterDocumentOpen } from './hooks/document-open';
import { hookEncrypt } from './hooks/encrypt';
import { watchEntryListChanges } from './hooks/entry-list-changes';
import { hookFormSubmit } from './hooks/forms';
import { hookFrames } from './hooks/frames';
import { hookHtml, hookParsedDocuments } from './hooks/html';
import { judgeLinkClicks } from './hooks/link-clicks';
import { loadJudge } from './hooks/load-judge';
import { hookMessages } from './hooks/messages';
import { watchBlankMetaRefresh } from './hooks/meta-refresh';
import { hookPeerConnections } from './hooks/peer';
import { watchShadowRoots } from './hooks/shadow-roots';
import { blankAsk } from './hooks/blank-ask';
import { hookBlankNavigate } from './hooks/blank-navigate';
import { hookBeacon, hookFetch, hookFetchLater, hookXhr } from './hooks/network';
import { hookEventSource, hookWebSocket, hookWebSocketStream, refuseWebTransport } from './hooks/sockets';
import { hookState } from './hooks/state';
import { hookUrls } from './hooks/urls';
import { clickedLinks } from './hooks/clicked-links';
import { hookWorkers } from './hooks/workers';
import { stopJavascriptDocument } from './javascript-document';
import { isGuarded, offerRelay } from './relay';
import { GUARDED_BEFORE } from '../channel-protocol';

type PageWindow = Window & typeof globalThis;

export function installPageGuard(win: PageWindow): void {
  if (isGuarded(win)) {
    // a page that stops or forges it only keeps the notice to reload from itself, or gets it
    win.document.dispatchEvent(new win.CustomEvent(GUARDED_BEFORE));
    return;
  }
  // before anything else: the parser of such a document must not go on (javascript-document.ts)
  stopJavascriptDocument(win);
  guardWindow(win, openGuardChannel(win));
}

/**
 * A same-origin frame the page reaches before the frame's own scripts ran (hooks/frames.ts) is guarded
 * with this window's channel, not one of its own. That guard stays for the frame's document — the
 * browser keeps the window of a frame's initial about:blank for it — so the frame's own guard finds the
 * window guarded and steps aside, and the document's isolated script never sees an element to take. A
 * channel of the frame's own would stay unanswered and ask through the relay, which never spends a
 * release: the signed publish from that frame (TRS WCM's form frame, about 1 load in 3) was refused.
 */
function guardWindow(win: PageWindow, channel: GuardChannel): void {
  // before the page's XMLHttpRequest is hooked: it reads blob: URLs with the browser's own
  const blobs = blobStore(win);
  offerRelay(win, (o) => channel.askSync(o));
  hookFetch(win, channel);
  hookFetchLater(win, channel, blobs.head);
  hookXhr(win, channel, blobs.head);
  hookBeacon(win, channel);
  hookWebSocket(win, channel);
  hookWebSocketStream(win, channel);
  hookEventSource(win, channel);
  hookPeerConnections(win, channel);
  hookEncrypt(win, channel);
  refuseWebTransport(win);
  const loads = loadJudge(win, channel, blobs);
  const clicked = clickedLinks(win);
  hookUrls(win, loads, clicked);
  hookApiUrls(win, loads);
  hookState(win, loads);
  hookHtml(win, loads);
  hookParsedDocuments(win, loads);
  hookBlobs(win, loads);
  hookCss(win, loads);
  const ask = blankAsk(win, channel, loads);
  const links = judgeLinkClicks(win, loads, ask, clicked);
  const lists = watchEntryListChanges(win, channel);
  const relistenRoots = watchShadowRoots(win, (root, host) => {
    links.watchRoot(root);
    lists.watchRoot(root);
    channel.shadowRoot(host);
  });
  watchBlankMetaRefresh(win, ask);
  hookBlankNavigate(win, ask);
  afterDocumentOpen(win, () => {
    links.relisten();
    lists.relisten();
    relistenRoots();
    channel.reopened();
  });
  hookFormSubmit(win, channel, loads);
  hookWorkers(win, channel);
  hookMessages(win, channel);
  hookFrames(win, (frame) => guardWindow(frame, channel));
}
