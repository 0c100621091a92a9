/**
 * The URLs a piece of CSS makes the browser fetch: url(…) (backgrounds, fonts, cursors, masks),
 * @import, image-set(…) strings and custom properties' strings. A style property, a style attribute, a <style> element's text or a
 * constructed stylesheet is a request the page can put text into (`background:url(/x?content=…)`),
 * so the MAIN-world hooks judge these URLs like an image's src. Pure: no DOM.
 */

/** Could this CSS load anything? Cheap, so that the many style writes of a page cost nothing. */
export function cssMayLoad(css: string): boolean {
  return /url\(|@import|image-set|\\/i.test(css) || CUSTOM_STRING.test(css);
}

/**
 * A string in a custom property's value: `image-set(var(--s) 1x)` fetches it wherever the property is
 * used, though no url() or image-set names it where it is written (a probe's did, inline and in a
 * <style>). Judged as a URL, as image-set's own strings are.
 */
const CUSTOM_STRING = /--[\w-]*\s*:[^;}]*["']/;
const CUSTOM_VALUE = /--[\w-]*\s*:([^;}]*)/g;

/** CSS escapes (`\75 rl(`, `\"`) written out, as the browser's tokenizer reads them. */
export function unescapeCss(css: string): string {
  if (!css.includes('\\')) return css;
  return css.replace(/\\(?:([0-9a-f]{1,6})[ \t\n\r\f]?|([^\n0-9a-f]))/gi, (_, hex: string | undefined, ch: string | undefined) => {
    if (ch !== undefined) return ch;
    const code = parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
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
  for (const m of text.matchAll(URL_FN)) urls.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of text.matchAll(IMPORT)) urls.push(m[1] ?? m[2] ?? '');
  for (const m of text.matchAll(IMAGE_SET)) for (const q of m[1]!.matchAll(QUOTED)) urls.push(q[1] ?? q[2] ?? '');
  for (const m of text.matchAll(CUSTOM_VALUE)) for (const q of m[1]!.matchAll(QUOTED)) urls.push(q[1] ?? q[2] ?? '');
  return urls.filter((u) => u !== '');
}
