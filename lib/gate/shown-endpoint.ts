/**
 * A request's address as the panel and the audit log show it: its path, with every segment that may
 * be encoded text written as `…` — a page can put the draft in a path (`/log/<btoa of the draft>`,
 * `escape()`), and base64 is no mask. Pure string tests: this runs in the page's MAIN world too.
 */
import { mayCarryText } from './text-shape';

/** Over 64 characters a segment is no name a reader needs, whatever its shape. */
const mayHoldText = (segment: string) => segment.length > 64 || mayCarryText(segment);

export function shownEndpoint(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  // eslint-disable-next-line no-restricted-syntax -- the address shown in the panel and the audit log, after the verdict
  return path
    .split('/')
    .map((s) => (mayHoldText(s) ? '…' : s))
    .join('/');
}
