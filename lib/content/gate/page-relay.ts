/**
 * A frame whose isolated script judges with a gate of its own (Firefox keeps each frame's content
 * scripts apart, so it cannot reach its page's hub) still reaches its page's gate through the relay
 * the page's MAIN-world guard offers on the parent window (lib/intercept/main/relay.ts), seen here
 * through Firefox's waived wrapper. Used for a form submitted in a window still on its initial
 * about:blank, which no navigate event judges: the page's gate knows the draft and lists the refusal,
 * and never releases (a signed publish sent that way is refused). Null where there is no such relay
 * (Chromium's isolated world sees no page-world property; a top-level window).
 */
import { RELAY_KEY, type GuardAnswer } from '../../intercept/channel-protocol';
import type { Outgoing, Verdict } from '../../gate/types';

type Waived = { wrappedJSObject?: Record<string, unknown> };

export function pageRelay(win: Window): ((o: Outgoing) => Verdict) | null {
  let relay: unknown;
  try {
    relay = win.parent !== win ? (win.parent as unknown as Waived).wrappedJSObject?.[RELAY_KEY] : undefined;
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
    win.setTimeout(() => (asked = null), 0);
    return verdict;
  };
}
