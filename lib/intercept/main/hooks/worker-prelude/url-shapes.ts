import type { Fn, Kit } from './kit';

/**
 * URLs that leave before an answer could come back are judged by their shape alone.
 * - mayCarryText: a socket's or an event stream's URL leaves when it is constructed; in a worker one
 *   that can carry text is refused outright (messages are judged one by one): a query, encoded or
 *   non-ASCII text, a number as long as a phone's, or base64 of text in a path segment (segment by
 *   segment: `cms.test/ws/Room2` is no base64 run).
 * - carries: importScripts loads at once; a URL that could hold the draft or a personal number is
 *   refused, by the pattern the browser's own script rule uses (lib/gate/script-url-rules.ts:
 *   percent-encoded non-ASCII, a mobile- or ID-shaped digit run), and raw non-ASCII text.
 *   Cache-busters load as before (versions, dates, timestamps, Math.random()).
 */
export function urlShapes(k: Kit): void {
  const { indexOf, slice, found, startsWith, apply, toText, ITERATOR } = k;
  // eslint-disable-next-line no-restricted-syntax -- the prelude's start, before the worker's script
  const base64Text = new RegExp(k.base64TextRun);
  const textInPath = /%u[0-9a-f]{4}|%[89a-f][0-9a-f]|[^\x20-\x7e]|(?<!\d)(?:1\d{10}|\d{14,}[\dX])(?![\dX])/i;
  const base64Segment = (path: string): boolean => {
    for (let from = 0; ; ) {
      const end = indexOf(path, '/', from);
      if (found(base64Text, slice(path, from, end < 0 ? path.length : end))) return true;
      if (end < 0) return false;
      from = end + 1;
    }
  };
  k.mayCarryText = (u) => indexOf(u, '?') >= 0 || found(textInPath, u) !== null || base64Segment(u);
  // eslint-disable-next-line no-restricted-syntax -- the prelude's start, before the worker's script
  const textShaped = new RegExp(k.scriptTextPattern, 'i');
  const nonAscii = /[^\x20-\x7e]/;
  const origin = /^[a-z][\w+.-]*:\/\/[^/]*/i;
  k.carries = (u) => {
    if (startsWith(u, 'blob:')) return false;
    const at = found(origin, u);
    return found(nonAscii, u) !== null || found(textShaped, at ? slice(u, at[0].length) : u) !== null;
  };
  const arrayFrom = k.arrayFrom;
  /** Subprotocols as WebIDL reads them (a list, any iterable, or one string), each read once. */
  k.protocolsOnce = (v) => {
    if (v === undefined) return undefined;
    // eslint-disable-next-line no-restricted-syntax -- the script's own object, read once; the copy is what is sent
    if (typeof v === 'object' && v !== null && ITERATOR in v) return apply(arrayFrom as Fn, undefined, [v, toText]) as string[];
    return [toText(v)];
  };
}
