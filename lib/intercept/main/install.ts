/**
 * The MAIN-world guard of one window: every way the page can send data is routed through the private
 * channel to the isolated world, which judges it (lib/gate). Installed at document_start, before the
 * page's own scripts, in every frame.
 */
import { RELAY_KEY } from '../channel-protocol';
import { openGuardChannel } from './channel';
import { hookCss } from './hooks/css';
import { hookFormSubmit } from './hooks/forms';
import { hookFrames } from './hooks/frames';
import { hookHtml } from './hooks/html';
import { loadJudge } from './hooks/load-judge';
import { hookMessages } from './hooks/messages';
import { hookBeacon, hookFetch, hookFetchLater, hookXhr } from './hooks/network';
import { hookEventSource, hookWebSocket, hookWebSocketStream } from './hooks/sockets';
import { hookState } from './hooks/state';
import { hookUrls } from './hooks/urls';
import { hookWorkers } from './hooks/workers';

type PageWindow = Window & typeof globalThis;

export function installPageGuard(win: PageWindow): void {
  if (Object.prototype.hasOwnProperty.call(win, RELAY_KEY)) return;
  const channel = openGuardChannel(win);
  hookFetch(win, channel);
  hookFetchLater(win, channel);
  hookXhr(win, channel);
  hookBeacon(win, channel);
  hookWebSocket(win, channel);
  hookWebSocketStream(win, channel);
  hookEventSource(win, channel);
  const loads = loadJudge(win, channel);
  hookUrls(win, loads);
  hookState(win, loads);
  hookHtml(win, loads);
  hookCss(win, loads);
  hookFormSubmit(win, channel);
  hookWorkers(win, channel);
  hookMessages(win, channel);
  hookFrames(win, installPageGuard);
}
