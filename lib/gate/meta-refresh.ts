/**
 * The URL a `<meta http-equiv=refresh content="…">` sends its window to, read as the HTML standard's
 * "shared declarative refresh steps" read it: a delay (digits and dots), then `;` or `,` and spaces,
 * an optional `url=`, and the rest, unquoted when it opens with a quote. Undefined when the content
 * only reloads the page (no URL) or is no refresh at all. Used where no navigate event will come to
 * judge the refresh (a window still on its initial about:blank: hooks/meta-refresh.ts). Read in the
 * page's guard, through the kept built-ins (lib/realm/intrinsics.ts).
 */
import { execOnce, indexOf, lower, matches, replaceEach, sliceText, trim } from '../realm/intrinsics';

export function metaRefreshUrl(content: string): string | undefined {
  const m = execOnce(/^[\t\n\f\r ]*[0-9.]*[\t\n\f\r ]*(?:[;,][\t\n\f\r ]*)?([\s\S]*)$/, content);
  if (!m || !matches(/^[\t\n\f\r ]*[0-9.]/, content)) return undefined;
  let rest = m[1]!;
  const named = execOnce(/^url[\t\n\f\r ]*=[\t\n\f\r ]*/i, rest);
  if (named) rest = sliceText(rest, named[0].length);
  const quote = execOnce(/^["']/, rest)?.[0];
  if (quote) {
    const end = indexOf(rest, quote, 1);
    rest = end < 0 ? sliceText(rest, 1) : sliceText(rest, 1, end);
  }
  const url = replaceEach(/[\t\n\f\r ]+$/g, rest, () => '');
  return url === '' ? undefined : url;
}

/** `http-equiv` names a refresh (case and surrounding spaces do not matter to the browser). */
export const isRefreshEquiv = (equiv: string | null): boolean => !!equiv && lower(trim(equiv)) === 'refresh';
