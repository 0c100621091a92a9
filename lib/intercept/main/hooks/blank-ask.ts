/**
 * The question about a URL a window still on its initial about:blank is sent to (a link clicked in
 * it, a meta refresh written into it): only a URL that can carry text is asked about. Where the
 * frame's isolated world judges with a gate of its own, that gate asks the page's first (PageGate.judge).
 * A data:, blob: or javascript: URL is judged by the document it makes (load-judge.ts): a twelfth
 * probe's data: document, sent into a fresh frame by a link or a meta refresh, fetched the ID.
 */
import type { Route } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { urlMayCarryText } from '../serialize';
import type { LoadJudge } from './load-judge';
import { absoluteUrl } from './network';
import { matches } from '../../../realm/intrinsics';

const HTTP = /^https?:/i;

type PageWindow = Window & typeof globalThis;

export type BlankAsk = (url: string, route: Route) => boolean;

export function blankAsk(win: PageWindow, channel: GuardChannel, loads: Pick<LoadJudge, 'allowed'>): BlankAsk {
  return (url, route) => {
    const abs = absoluteUrl(win, url);
    if (!matches(HTTP, abs)) return loads.allowed(abs, route, 'document').pass;
    if (!urlMayCarryText(abs)) return true;
    return channel.askSync({ route, method: 'GET', url: abs, body: { kind: 'none' } }).pass;
  };
}
