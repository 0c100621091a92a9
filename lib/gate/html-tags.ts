/**
 * Start tags and attribute values in a piece of HTML, read as the parser would: tag and attribute
 * names in any case, attributes separated by whitespace or `/`, quoted values kept whole (a `>` in
 * one does not end the tag), character references decoded. Pure: no DOM.
 */
import { decodeEntities } from './html-text';

/** The attribute text of every start tag named in `tags` (`'iframe|frame'`). */
export function* startTags(html: string, tags: string): Generator<{ tag: string; attributes: string }> {
  const re = new RegExp(String.raw`<(${tags})(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>?`, 'gi');
  for (const m of html.matchAll(re)) yield { tag: m[1]!.toLowerCase(), attributes: m[2] ?? '' };
}

/** Every value of the attribute `name` in a start tag's attribute text, decoded. */
export function attributeValues(attributes: string, name: string): string[] {
  const re = new RegExp(String.raw`[\s/]${name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`, 'gi');
  return [...attributes.matchAll(re)].map((m) => decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
}
