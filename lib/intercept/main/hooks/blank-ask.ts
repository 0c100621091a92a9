/**
 * The question about a URL a window still on its initial about:blank is sent to (a link clicked in
 * it, a meta refresh written into it): only a URL that can carry text is asked about, and it is asked
 * of the page's gate (GuardChannel.askPage), which knows the draft even where the frame's own
 * isolated world does not.
 */
import type { Route } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { urlMayCarryText } from '../serialize';
import { absoluteUrl } from './network';
import { matches } from '../../../realm/intrinsics';

type PageWindow = Window & typeof globalThis;

export type BlankAsk = (url: string, route: Route) => boolean;

const NETWORK_URL = /^https?:/i;

export function blankAsk(win: PageWindow, channel: GuardChannel): BlankAsk {
  return (url, route) => {
    const abs = absoluteUrl(win, url);
    // the kept exec: a page's RegExp.prototype.test could say no URL is http(s), and none would be asked about
    if (!matches(NETWORK_URL, abs) || !urlMayCarryText(abs)) return true;
    return channel.askPage({ route, method: 'GET', url: abs, body: { kind: 'none' } }).pass;
  };
}
