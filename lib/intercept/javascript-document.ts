/**
 * A document made by a `javascript:` URL whose code evaluated to a string —
 * `location.href = 'javascript:"<img src=…>"'`, a `javascript:` link whose function returns markup —
 * replaces the page, keeps its address, and its parser loads what the string names. No navigate event
 * comes for it, a Location cannot be hooked, and the string never passes a page hook. What does
 * come: Precheck's own document_start scripts, in the new document, before the parser went past
 * `<html>` (measured, Chromium and Firefox). Such a document is told apart by its navigation timing:
 * it was never fetched (no fetch start, no response, no protocol), where any page loaded from the
 * network, the HTTP cache or a service worker was. A document on an about: URL (a frame's initial
 * or srcdoc document, the editors' `javascript:""` frames) is not one of these: they keep their own URL.
 */
import { matches } from '../realm/intrinsics';

export interface NavigationTimingLike {
  fetchStart: number;
  responseStart: number;
  nextHopProtocol: string;
}

const HTTP = /^https?:/i;

export function madeByJavascriptUrl(url: string, timing: NavigationTimingLike | undefined): boolean {
  if (!matches(HTTP, url) || !timing) return false;
  return timing.fetchStart === 0 && timing.responseStart === 0 && timing.nextHopProtocol === '';
}
