/**
 * Speculation rules (`<script type="speculationrules">`) make the browser prefetch or prerender URLs
 * by itself: a list rule's URLs, and a document rule's pick of the page's own links. Page code on a
 * guarded CMS page may not make one at all — they are neutralised, not judged:
 * - an admin page never needs a prefetch hint: refusing one costs the CMS a little speed, never a
 *   function;
 * - judging their text would not be enough: the text can be written before or after the script is
 *   inserted, piece by piece (textContent, text, a Text node's data …), and a document rule fetches
 *   links whose hrefs are judged only when followed;
 * - a script's type is written in few places (the `type` property or attribute, or markup), all of
 *   them hooked, and it is read when the script is inserted: no rules script, no speculative load.
 * Rules the CMS's own server sends in its HTML are the browser's parser's, untouched. Firefox does not
 * support speculation rules (a script of that type is inert there). Pure: no DOM.
 */
import { decodeEntities } from './html-text';

/** The script type that makes rules: ASCII case-insensitive, surrounding whitespace ignored, as the browser reads it. */
export function isSpeculationRulesType(value: unknown): boolean {
  return String(value).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase() === 'speculationrules';
}

/** A `<script …>` start tag, quoted attribute values kept whole (a `>` inside one does not end it). */
const SCRIPT_TAG = /<script(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>?/gi;
/** A type attribute inside a start tag (attributes are separated by whitespace or `/`). */
const TYPE_ATTR = /[\s/]type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** Does this markup make a speculation-rules script once parsed (character references decoded)? */
export function htmlHasSpeculationRules(html: string): boolean {
  if (!/<script/i.test(html)) return false;
  for (const tag of html.matchAll(SCRIPT_TAG)) {
    for (const m of (tag[1] ?? '').matchAll(TYPE_ATTR)) {
      if (isSpeculationRulesType(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''))) return true;
    }
  }
  return false;
}
