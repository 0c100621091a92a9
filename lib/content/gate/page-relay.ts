/**
 * The gate a window with a gate of its own asks first (PageGate.judge): its page's, which knows
 * the draft. A window the page opened (`window.open`, same origin) has a hub of its own in every
 * browser; in Firefox each frame's content scripts live apart too, so every frame has one.
 *
 * - The opener's hub, where this world can reach it (Chromium: the isolated world of a same-origin
 *   window is one world): its gate judges as for its own page, and may spend its release (signed off
 *   in the editor's window, sent by the window it opened).
 * - Otherwise the relay the page's MAIN-world guard offers on the parent or opener window
 *   (lib/intercept/main/relay.ts), seen through Firefox's waived wrapper: it lists what it refuses.
 *   Page code can call it too, so it releases only for a question carrying this load's relay key
 *   (lib/background/relay-key.ts), which only content scripts hold: a judge, never a peek.
 *
 * Null where there is neither (a top-level window nobody opened; Chromium's isolated world sees no
 * page-world property, and a cross-origin parent's hub is out of reach).
 */
import { RELAY_KEY, type GuardAnswer } from '../../intercept/channel-protocol';
import type { Outgoing, Verdict } from '../../gate/types';
import type { HeldRelayKey } from './held-relay-key';
import { GateHub } from './hub';
import type { PageAsk } from './page-gate';

type Waived = { wrappedJSObject?: Record<string, unknown> };

export function pageAskOf(win: Window, key: Pick<HeldRelayKey, 'get' | 'ready'>): PageAsk | null {
  let parent: Window | null = null;
  let opener: Window | null = null;
  try {
    if (win.parent !== win) parent = win.parent;
    else opener = win.opener as Window | null;
  } catch {
    return null;
  }
  // a frame whose page's hub this world could reach shares that hub (start-frame.ts): only an opener's is asked here
  const hub = opener && findHub(opener);
  if (hub) return { judge: (o) => hub.gate.judge(o), peek: (o) => hub.gate.peek(o), outcome: (o) => hub.outcome(o) };
  const host = parent ?? opener;
  const relay = host && pageRelay(host);
  if (!relay) return null;
  return {
    judge: (o) => relay.ask(o, key.get(), false),
    peek: (o) => relay.ask(o, key.get(), true),
    ready: () => key.ready(),
    outcome: (o) => relay.outcome(o, key.get()),
  };
}

function findHub(win: Window): GateHub | null {
  try {
    return GateHub.find(win);
  } catch {
    return null;
  }
}

interface Relay {
  ask(o: Outgoing, key: string | null, peek: boolean): Verdict;
  /** How a request the page released ended; without the key the page takes no note of it. */
  outcome(o: NonNullable<Outgoing['relayOutcome']>, key: string | null): void;
}

function pageRelay(host: Window): Relay | null {
  let relay: unknown;
  try {
    relay = (host as unknown as Waived).wrappedJSObject?.[RELAY_KEY];
  } catch {
    return null;
  }
  if (typeof relay !== 'function') return null;
  const call = relay as (json: string) => string;
  // The first look at an entry list and the verdict after the page's formdata listeners ask the same
  // question in one task: a refusal the page's gate judged (and listed) is asked once, so the panel
  // lists it once. A pass is asked again (the judge may spend the release), and so is a peek's refusal
  // (nobody was told of it). Without the key a peek is the page's judge, releasing nothing.
  let refused: { json: string; verdict: Verdict } | null = null;
  const ask = (o: Outgoing, key: string | null, peek: boolean): Verdict => {
    const json = JSON.stringify(o);
    if (refused?.json === json) return refused.verdict;
    const keyed = key === null ? json : JSON.stringify({ ...o, relayKey: key, ...(peek && { relayPeek: true }) });
    const answer = JSON.parse(call(keyed)) as GuardAnswer;
    // released: the page's gate spent its ticket on it, and will want to hear how it ended
    if (answer.pass) return { pass: true, reason: 'clean', ...(answer.released && { usedTicket: true }) };
    const verdict: Verdict = { pass: false, reason: 'needs-signoff', publish: false, findings: [], detail: answer.message };
    if (!(peek && key !== null)) {
      refused = { json, verdict };
      setTimeout(() => (refused = null), 0);
    }
    return verdict;
  };
  const outcome = (o: NonNullable<Outgoing['relayOutcome']>, key: string | null): void => {
    if (key === null) return;
    const carrier: Outgoing = { route: 'fetch', method: 'GET', url: o.endpoint, body: { kind: 'none' }, relayKey: key, relayOutcome: o };
    call(JSON.stringify(carrier));
  };
  return { ask, outcome };
}
