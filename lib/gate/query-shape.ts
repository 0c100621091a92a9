/**
 * `a=1&b=2`: a (trimmed) string that is a query (or a urlencoded body) and nothing else. Padded
 * base64 has that shape too (`eyJ…=`): it is read as base64, not as one empty field. Its own module:
 * the page's guard asks it of a message's strings (message-text.ts), through the kept exec, and must
 * not bring the whole body decoder (decode.ts) into the page.
 */
import { base64Reading } from './base64-text';
import { matches } from '../realm/intrinsics';

const URLENCODED_SHAPE = /^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;

export function isQueryString(t: string): boolean {
  return matches(URLENCODED_SHAPE, t) && base64Reading(t) === null;
}
