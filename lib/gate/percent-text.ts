/**
 * The text of a value that is still percent-encoded after the request was decoded once: Java CMSes
 * encode their fields twice (`encodeURI(encodeURI(content))`, for servlet containers that read a
 * query as ISO-8859-1 and decode the rest themselves). Read once, such a field is `%E8%BA%AB…`: the
 * draft is not recognised, and an ID right after a Chinese character is glued to the hex digits of
 * its last byte (`%81110105…`) where no number rule sees it.
 */
const ENCODED = /%[0-9A-Fa-f]{2}/;
/** A field encoded twice is all ASCII: a draft with its Chinese in it is read once (its `%20`s are URLs). */
const NOT_ASCII = /[^\t\n\r\x20-\x7e]/;

/** The value percent-decoded, when it is ASCII, holds an escape and decodes as UTF-8; else null. */
export function percentText(value: string): string | null {
  if (!ENCODED.test(value) || NOT_ASCII.test(value)) return null;
  try {
    const text = decodeURIComponent(value.replace(/\+/g, ' '));
    return text === value ? null : text;
  } catch {
    return null;
  }
}
