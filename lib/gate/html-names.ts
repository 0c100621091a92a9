/**
 * Window names written inside HTML: a frame's name (iframe, frame, object, embed) and a link's, area's,
 * form's or base's target become the name of a window, which whatever document it shows next reads
 * (`window.name`), another origin's too. Markup is judged on them as a name set by property or
 * attribute is (lib/intercept/main/hooks/state.ts). An iframe's srcdoc is read too: a frame in it is
 * named by the same markup. Pure: no DOM; through the kept built-ins (lib/realm/intrinsics.ts).
 */
import { attributeValues, startTags } from './html-tags';
import { add, addAll, matches } from '../realm/intrinsics';

export type WindowNameAttribute = 'name' | 'target';

const ATTRIBUTE_OF: Readonly<Record<string, WindowNameAttribute>> = { iframe: 'name', frame: 'name', object: 'name', embed: 'name', a: 'target', area: 'target', form: 'target', base: 'target' };
// eslint-disable-next-line no-restricted-syntax -- built once as this module loads (document_start)
const TAGS = Object.keys(ATTRIBUTE_OF).join('|');

/** Frame names first, then targets; one pass over the markup (an editor's setContent can be a megabyte). */
export function htmlWindowNames(html: string, depth = 0): [WindowNameAttribute, string][] {
  if (!matches(/(?:name|target|srcdoc)\s*=/i, html)) return [];
  const found: Record<WindowNameAttribute, [WindowNameAttribute, string][]> = { name: [], target: [] };
  const nested: [WindowNameAttribute, string][] = [];
  const tags = startTags(html, TAGS);
  for (let i = 0; i < tags.length; i++) {
    const { tag, attributes } = tags[i]!;
    const attribute = ATTRIBUTE_OF[tag]!;
    const values = attributeValues(attributes, attribute);
    for (let j = 0; j < values.length; j++) add(found[attribute], [attribute, values[j]!]);
    if (tag !== 'iframe' || depth >= 2) continue;
    const docs = attributeValues(attributes, 'srcdoc');
    for (let j = 0; j < docs.length; j++) addAll(nested, htmlWindowNames(docs[j]!, depth + 1));
  }
  return addAll(addAll(found.name, found.target), nested);
}
