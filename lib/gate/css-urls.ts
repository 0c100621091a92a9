/**
 * The URLs a piece of CSS makes the browser fetch: url(…) (backgrounds, fonts, cursors, masks),
 * @import, image-set(…) strings and custom properties' strings. A style property, a style attribute, a <style> element's text or a
 * constructed stylesheet is a request the page can put text into (`background:url(/x?content=…)`),
 * so the MAIN-world hooks judge these URLs like an image's src. Pure: no DOM. Read through the kept
 * built-ins (lib/realm/intrinsics.ts): a page that replaced `String.prototype.matchAll` would have had
 * the guard find no URL in any CSS.
 */
import { add, allMatches, fromCodePoint, includes, matchedGroup, matches, replaceEach, toInteger } from '../realm/intrinsics';

const MAY_LOAD = /url\(|@import|image-set|\\/i;

/** Could this CSS load anything? Cheap, so that the many style writes of a page cost nothing. */
export function cssMayLoad(css: string): boolean {
  return matches(MAY_LOAD, css) || matches(CUSTOM_STRING, css);
}

/**
 * A string in a custom property's value: `image-set(var(--s) 1x)` fetches it wherever the property is
 * used, though no url() or image-set names it where it is written (a probe's did, inline and in a
 * <style>). Judged as a URL, as image-set's own strings are.
 */
const CUSTOM_STRING = /--[\w-]*\s*:[^;}]*["']/;
const CUSTOM_VALUE = /--[\w-]*\s*:([^;}]*)/g;

const CSS_ESCAPE = /\\(?:([0-9a-f]{1,6})[ \t\n\r\f]?|([^\n0-9a-f]))/gi;

/** CSS escapes (`\75 rl(`, `\"`) written out, as the browser's tokenizer reads them. */
export function unescapeCss(css: string): string {
  if (!includes(css, '\\')) return css;
  return replaceEach(CSS_ESCAPE, css, (m) => {
    if (m[2] !== undefined) return m[2];
    const code = toInteger(m[1]!, 16);
    return code > 0 && code <= 0x10ffff ? fromCodePoint(code) : '\ufffd';
  });
}

// A string, a url() or a function left open at the end of the text is closed there by the browser's
// tokenizer (`<style>@import url(/x?c=…` fetches): the closing quote or bracket may be missing.
const QUOTED = /"([^"]*)"?|'([^']*)'?/g;
const URL_FN = /url\(\s*(?:"([^"]*)"?|'([^']*)'?|([^)\s]*))\s*(?:\)|$)/gi;
const IMPORT = /@import\s+(?:"([^"]*)"?|'([^']*)'?)/gi;
const IMAGE_SET = /image-set\(([^)]*)\)?/gi;

export function cssUrls(css: string): string[] {
  if (!cssMayLoad(css)) return [];
  const text = unescapeCss(css);
  const urls: string[] = [];
  addFound(urls, text, URL_FN);
  addFound(urls, text, IMPORT);
  const lists = allMatches(IMAGE_SET, text);
  for (let i = 0; i < lists.length; i++) addFound(urls, lists[i]![1]!, QUOTED);
  const values = allMatches(CUSTOM_VALUE, text);
  for (let i = 0; i < values.length; i++) addFound(urls, values[i]![1]!, QUOTED);
  return urls;
}

/** Adds the URL each match of `re` in `text` holds, empty ones left out. */
function addFound(urls: string[], text: string, re: RegExp): void {
  const found = allMatches(re, text);
  for (let i = 0; i < found.length; i++) {
    const u = matchedGroup(found[i]!);
    if (u !== '') add(urls, u);
  }
}
