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
 * support speculation rules (a script of that type is inert there). Pure: no DOM; through the kept
 * built-ins (lib/realm/intrinsics.ts), or a page that replaced `String` or RegExp's `test` would make
 * rules unseen.
 */
import { attributeValues, startTags } from './html-tags';
import { lower, matches, replaceEach, toText } from '../realm/intrinsics';

/** The script type that makes rules: ASCII case-insensitive, surrounding whitespace ignored, as the browser reads it. */
export function isSpeculationRulesType(value: unknown): boolean {
  return lower(replaceEach(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, toText(value), () => '')) === 'speculationrules';
}

/** Does this markup make a speculation-rules script once parsed? */
export function htmlHasSpeculationRules(html: string): boolean {
  if (!matches(/<script/i, html)) return false;
  const scripts = startTags(html, 'script');
  for (let i = 0; i < scripts.length; i++) {
    const types = attributeValues(scripts[i]!.attributes, 'type');
    for (let j = 0; j < types.length; j++) if (isSpeculationRulesType(types[j])) return true;
  }
  return false;
}
