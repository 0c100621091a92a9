/**
 * Window names written inside HTML: a frame's name (iframe, frame, object, embed) and a link's, area's,
 * form's or base's target become the name of a window, which whatever document it shows next reads
 * (`window.name`), another origin's too. Markup is judged on them as a name set by property or
 * attribute is (lib/intercept/main/hooks/state.ts). An iframe's srcdoc is read too: a frame in it is
 * named by the same markup. Pure: no DOM.
 */
import { attributeValues, startTags } from './html-tags';

export type WindowNameAttribute = 'name' | 'target';

const NAMED: [tags: string, attribute: WindowNameAttribute][] = [
  ['iframe|frame|object|embed', 'name'],
  ['a|area|form|base', 'target'],
];

export function htmlWindowNames(html: string, depth = 0): [WindowNameAttribute, string][] {
  if (!/(?:name|target|srcdoc)\s*=/i.test(html)) return [];
  const names: [WindowNameAttribute, string][] = [];
  for (const [tags, attribute] of NAMED) {
    for (const { attributes } of startTags(html, tags)) for (const value of attributeValues(attributes, attribute)) names.push([attribute, value]);
  }
  if (depth < 2) for (const { attributes } of startTags(html, 'iframe')) for (const doc of attributeValues(attributes, 'srcdoc')) names.push(...htmlWindowNames(doc, depth + 1));
  return names;
}
