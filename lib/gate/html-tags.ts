/**
 * Start tags and attribute values in a piece of HTML, read as the parser would: tag and attribute
 * names in any case, attributes separated by whitespace or `/`, quoted values kept whole (a `>` in
 * one does not end the tag), character references decoded. Pure: no DOM. Lists and kept built-ins
 * only (lib/realm/intrinsics.ts): the page's guard reads markup with these after page code could
 * replace matchAll, the global RegExp or a generator's next.
 */
import { decodeEntities } from './html-entities';
import { add, allMatches, expression, lower, matchedGroup } from '../realm/intrinsics';

/** The attribute text of every start tag named in `tags` (`'iframe|frame'`). */
export function startTags(html: string, tags: string): { tag: string; attributes: string }[] {
  const found = allMatches(expression('<(' + tags + ')(?=[\\s/>])((?:[^>"\']|"[^"]*"|\'[^\']*\')*)>?', 'gi'), html);
  const out: { tag: string; attributes: string }[] = [];
  for (let i = 0; i < found.length; i++) add(out, { tag: lower(found[i]![1]!), attributes: found[i]![2] ?? '' });
  return out;
}

/** Every value of the attribute `name` in a start tag's attribute text, decoded. */
export function attributeValues(attributes: string, name: string): string[] {
  const found = allMatches(expression('[\\s/]' + name + '\\s*=\\s*(?:"([^"]*)"|\'([^\']*)\'|([^\\s>]+))', 'gi'), attributes);
  const out: string[] = [];
  for (let i = 0; i < found.length; i++) add(out, decodeEntities(matchedGroup(found[i]!)));
  return out;
}
