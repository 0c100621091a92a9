/**
 * `a=1&b=2`: a (trimmed) string that is a query (or a urlencoded body) and nothing else. Padded
 * base64 has that shape too (`eyJ…=`). The body decoder (decode.ts) reads such a value as base64 when
 * it spells text; the page's guard, judging a message's strings (message-text.ts), decides by shape
 * alone — padded base64 of 16 characters or more is a value, not an empty field — through the kept
 * exec: it must not bring the base64, inflate and UTF-16 readers into the page. Either way the text
 * is judged: as one value, or as the fields it holds.
 */
import { matches } from '../realm/intrinsics';

export const URLENCODED_SHAPE = /^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;
const PADDED_BASE64 = /^[A-Za-z0-9+/_-]{14,}={1,2}$/;

/** Query-shaped, and not padded base64 of 16 characters or more. */
export function isQueryShaped(t: string): boolean {
  return matches(URLENCODED_SHAPE, t) && !(t.length >= 16 && matches(PADDED_BASE64, t));
}
