/**
 * The gate a window with a gate of its own asks first (PageGate.heldByPage): its page's, which knows
 * the draft. A window the page opened (`window.open`, same origin) has a hub of its own in every
 * browser; in Firefox each frame's content scripts live apart too, so every frame has one.
 *
 * - The opener's hub, where this world can reach it (Chromium: the isolated world of a same-origin
 *   window is one world): its gate judges as for its own page, and may spend its release (signed off
 *   in the editor's window, sent by the window it opened).
 * - Otherwise the relay the page's MAIN-world guard offers on the parent or opener window
 *   (lib/intercept/main/relay.ts), seen through Firefox's waived wrapper: it lists what it refuses and
 *   never releases (page code can call it too), so a signed publish sent that way is refused.
 *
 * Null where there is neither (a top-level window nobody opened; Chromium's isolated world sees no
 * page-world property, and a cross-origin parent's hub is out of reach).
 */
import { RELAY_KEY, type GuardAnswer } from '../../intercept/channel-protocol';
import type { Outgoing, Verdict } from '../../gate/types';
import { GateHub } from './hub';
import type { PageAsk } from './page-gate';

type Waived = { wrappedJSObject?: Record<string, unknown> };

/** The window that holds this one (its parent) or opened it, or null. */
function hostOf(win: Window): Window | null {
  try {
    if (win.parent !== win) return win.parent;
    return win.opener as Window | null;
  } catch {
    return null;
  }
}

export function pageAskOf(win: Window): PageAsk | null {
  const host = hostOf(win);
  if (!host) return null;
  const opened = win.parent === win;
  const hub = opened ? findHub(host) : null;
  if (hub) return { judge: (o) => hub.gate.judge(o), peek: (o) => hub.gate.peek(o) };
  const relay = pageRelay(host);
  return relay && { judge: relay, peek: relay };
}

function findHub(win: Window): GateHub | null {
  try {
    return GateHub.find(win);
  } catch {
    return null;
  }
}

function pageRelay(host: Window): ((o: Outgoing) => Verdict) | null {
  let relay: unknown;
  try {
    relay = (host as unknown as Waived).wrappedJSObject?.[RELAY_KEY];
  } catch {
    return null;
  }
  if (typeof relay !== 'function') return null;
  const call = relay as (json: string) => string;
  // The first look at an entry list and the verdict after the page's formdata listeners ask the same
  // question in one task: asked once, so the panel lists the refusal once.
  let asked: { json: string; verdict: Verdict } | null = null;
  return (o) => {
    const json = JSON.stringify(o);
    if (asked?.json === json) return asked.verdict;
    const answer = JSON.parse(call(json)) as GuardAnswer;
    const verdict: Verdict = answer.pass ? { pass: true, reason: 'clean' } : { pass: false, reason: 'needs-signoff', publish: false, findings: [], detail: answer.message };
    asked = { json, verdict };
    setTimeout(() => (asked = null), 0);
    return verdict;
  };
}
