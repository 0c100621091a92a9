/**
 * Window names written inside HTML: a frame's name (iframe, frame, object, embed) and a link's, area's,
 * form's or base's target become the name of a window, which whatever document it shows next reads
 * (`window.name`), another origin's too. Markup is judged on them as a name set by property or
 * attribute is (lib/intercept/main/hooks/state.ts). An iframe's srcdoc is read too: a frame in it is
 * named by the same markup. Pure: no DOM.
 */
import { attributeValues, startTags } from './html-tags';

export type WindowNameAttribute = 'name' | 'target';

const ATTRIBUTE_OF: Readonly<Record<string, WindowNameAttribute>> = { iframe: 'name', frame: 'name', object: 'name', embed: 'name', a: 'target', area: 'target', form: 'target', base: 'target' };
const TAGS = Object.keys(ATTRIBUTE_OF).join('|');

/** Frame names first, then targets; one pass over the markup (an editor's setContent can be a megabyte). */
export function htmlWindowNames(html: string, depth = 0): [WindowNameAttribute, string][] {
  if (!/(?:name|target|srcdoc)\s*=/i.test(html)) return [];
  const found: Record<WindowNameAttribute, [WindowNameAttribute, string][]> = { name: [], target: [] };
  const nested: [WindowNameAttribute, string][] = [];
  for (const { tag, attributes } of startTags(html, TAGS)) {
    const attribute = ATTRIBUTE_OF[tag]!;
    for (const value of attributeValues(attributes, attribute)) found[attribute].push([attribute, value]);
    if (tag === 'iframe' && depth < 2) for (const doc of attributeValues(attributes, 'srcdoc')) nested.push(...htmlWindowNames(doc, depth + 1));
  }
  return [...found.name, ...found.target, ...nested];
}
