/**
 * An XML document's internal DTD entities, written out as its parser does. The twelfth probe built
 * the ID's URL of two entities (`<!DOCTYPE svg [<!ENTITY a "…?c=1101051949"><!ENTITY b "1231002X">]>`,
 * `<image href="&a;&b;">`) in a data: SVG behind an `<embed>`, which the browser parses and loads past
 * every hook: read as markup, `&a;&b;` holds no URL. Simple general entities (`<!ENTITY name "value">`
 * or `'value'`) are replaced, recursively; a declaration of another kind (a parameter entity, an
 * external one) or a text that grows too large cannot be read here, and is refused by the caller.
 * Pure: no DOM; through the kept built-ins (lib/realm/intrinsics.ts).
 */
import { allMatches, execOnce, keptMap, matches, replaceEach } from '../realm/intrinsics';

const ANY_DECLARATION = /<!ENTITY/i;
const SIMPLE = /<!ENTITY\s+([^\s%"'<>]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
const REFERENCE = /&([^\s&;#<>"']+);/g;
/** After the simple ones are taken out, is any declaration left? */
const LEFT = /<!ENTITY/i;
/** Beyond this the text is not expanded further (a billion laughs), and not read. */
const MOST = 1 << 20;
const ROUNDS = 16;

/** Does the text declare DTD entities? */
export const hasEntityDeclarations = (text: string): boolean => matches(ANY_DECLARATION, text);

/**
 * The text with each reference to an internal general entity it declares replaced by its value (the
 * values' own references first); the text itself when it declares none; undefined when a declaration
 * is not a simple one or the text grows beyond a megabyte.
 */
export function expandEntities(text: string): string | undefined {
  if (!matches(ANY_DECLARATION, text)) return text;
  const values = keptMap<string, string>();
  const found = allMatches(SIMPLE, text);
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    // the first declaration of a name binds, as XML's
    if (!values.has(m[1]!)) values.set(m[1]!, m[2] ?? m[3] ?? '');
  }
  if (execOnce(LEFT, replaceEach(SIMPLE, text, () => '')) !== null) return undefined;
  let out = replaceEach(SIMPLE, text, () => '');
  for (let round = 0; round < ROUNDS; round++) {
    let replaced = false;
    out = replaceEach(REFERENCE, out, (m) => {
      const v = values.get(m[1]!);
      if (v === undefined) return m[0];
      replaced = true;
      return v;
    });
    if (out.length > MOST) return undefined;
    if (!replaced) return out;
  }
  return undefined;
}
