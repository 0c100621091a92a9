/**
 * Cheap string tests for "may this value carry draft text?", shared by the page's guard (which asks the
 * gate only about such values: lib/intercept/main/serialize.ts) and the addresses the panel and the
 * audit log show (lib/gate/shown-endpoint.ts). Pure: this runs in the page's MAIN world too.
 */
import { matches } from '../realm/intrinsics';

/** Encoded (`escape()`'s %uXXXX too) or non-ASCII text, or a run of digits an ID or a phone number could be. */
const TEXT_LIKE = /%u[0-9a-f]{4}|%[0-9a-f]{2}|[^\x20-\x7e]|\d{6}/i;

/**
 * A run in the base64 alphabets as long as a phone number's base64 (16), with both cases and a digit:
 * base64 of text (`/log/5YWz5LqO5L2O5L+d…`, a cookie set to `btoa(…)`), where a word, a hex hash or a
 * UUID has one case only. A source string, as a worker's prelude (which imports nothing) is handed it;
 * tried at a run's start only, so a long run is read once.
 */
export const BASE64_TEXT_RUN =
  '(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9+/_-]*[a-z])(?=[A-Za-z0-9+/_-]*[A-Z])(?=[A-Za-z0-9+/_-]*\\d)[A-Za-z0-9+/_-]{16}';
// eslint-disable-next-line no-restricted-syntax -- built once as this module loads (document_start)
const BASE64_LIKE = new RegExp(BASE64_TEXT_RUN);

export function mayCarryText(value: string): boolean {
  return matches(TEXT_LIKE, value) || matches(BASE64_LIKE, value);
}
