/**
 * The address a frame asks its policy for. An opaque-origin frame (a sandboxed srcdoc, a data: URL)
 * is asked for as the page that made it: the browser injected this script there only because that
 * page's origin is registered (matchOriginAsFallback matches the frame's precursor origin). Asked for
 * its own "about:srcdoc" the frame would be "not covered" and its guard would stand down — its script
 * could then send anything.
 *
 * The nearest ancestor's origin names that page only when it is not "null" itself. It is "null" for
 * a frame inside another opaque frame (a srcdoc in a sandboxed srcdoc, a data: frame in a data: frame),
 * and for a frame whose `<iframe referrerpolicy=no-referrer>` hides it; an `<embed>`'s or `<object>`'s
 * document has no ancestor origins at all (Firefox). Each of those stood down, and page code fed its
 * script the draft by postMessage: the ID arrived (Firefox probe, 2026-12-06). Such a frame asks as
 * OPAQUE_UNNAMED, answered for its tab's page, and covered when even that is not the policy's
 * (lib/messaging/page-policy.ts): fail closed.
 */
import { OPAQUE_UNNAMED } from '../../messaging/page-policy';

const NETWORK_URL = /^https?:/i;

type FrameLocation = Pick<Location, 'origin' | 'href'> & { ancestorOrigins?: ArrayLike<string> };

export function policyUrl(loc: FrameLocation): string {
  if (gateOnly(loc)) return `${loc.origin}/`;
  if (loc.origin !== 'null') return loc.href;
  const parent = loc.ancestorOrigins?.[0];
  if (parent && parent !== 'null') return `${parent}/`;
  // a page of its own, sandboxed (CSP sandbox, a sandboxed frame's http URL): its own address names it
  return NETWORK_URL.test(loc.href) ? loc.href : OPAQUE_UNNAMED;
}

/**
 * A document of a page's own origin without an address of its own — about:blank, about:srcdoc, a
 * blob: URL — is the page's origin's: in Firefox, where each frame's content scripts live apart, its
 * gate asked for "about:blank" or "blob:http://…" was told not covered and stood down, and a fetch
 * page code made there later (`frames[n].fetch`, after the frame loaded) delivered the ID (Firefox
 * probe). Its gate is covered as its origin is; the controller still stands down there (an editor's
 * about:blank frame gets no panel of its own), as before.
 */
export function gateOnly(loc: FrameLocation): boolean {
  return loc.origin !== 'null' && !NETWORK_URL.test(loc.href);
}
