/**
 * The text of a value written with JavaScript's old `escape()`: Chinese as `%u8EAB%u4EFD`, which
 * percent-decoding leaves as it is. Older CMS admin scripts send their AJAX bodies so (`"content=" +
 * escape(html)`): read as sent, the draft's Chinese is letters and hex digits, so the draft is not
 * recognised, and an ID number right after a Chinese character is glued to them (`%u8BC1110105…`)
 * where no number rule sees it.
 */
const WIDE = /%u[0-9A-Fa-f]{4}/;
const ESCAPE = /%u([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})/g;

/** What `unescape()` makes of `value`, when it holds a `%uXXXX`; else null (plain percent-encoding is read elsewhere). */
export function unescapedText(value: string): string | null {
  if (!WIDE.test(value)) return null;
  return value.replace(ESCAPE, (_, wide: string | undefined, byte: string | undefined) => String.fromCharCode(parseInt(wide ?? byte!, 16)));
}
