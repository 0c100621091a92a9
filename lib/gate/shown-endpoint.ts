/**
 * A request's address as the panel and the audit log show it: its path, with every segment that may
 * be encoded text written as `…` — a page can put the draft in a path (`/log/<btoa of the draft>`,
 * `escape()`), and base64 is no mask. Pure string tests: this runs in the page's MAIN world too.
 */
const ENCODED = /%u[0-9a-f]{4}|%[0-9a-f]{2}/i;

function mayHoldText(segment: string): boolean {
  if (segment.length > 64 || ENCODED.test(segment) || /\d{6}/.test(segment)) return true;
  // base64 of text has both cases and a digit; a word, a hex hash or a UUID has one case
  return segment.length >= 16 && /[a-z]/.test(segment) && /[A-Z]/.test(segment) && /\d/.test(segment);
}

export function shownEndpoint(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  return path
    .split('/')
    .map((s) => (mayHoldText(s) ? '…' : s))
    .join('/');
}
