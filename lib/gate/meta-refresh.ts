/**
 * The URL a `<meta http-equiv=refresh content="…">` sends its window to, read as the HTML standard's
 * "shared declarative refresh steps" read it: a delay (digits and dots), then `;` or `,` and spaces,
 * an optional `url=`, and the rest, unquoted when it opens with a quote. Undefined when the content
 * only reloads the page (no URL) or is no refresh at all. Used where no navigate event will come to
 * judge the refresh (a window still on its initial about:blank: hooks/meta-refresh.ts).
 */
export function metaRefreshUrl(content: string): string | undefined {
  const m = /^[\t\n\f\r ]*[0-9.]*[\t\n\f\r ]*(?:[;,][\t\n\f\r ]*)?([\s\S]*)$/.exec(content);
  if (!m || !/^[\t\n\f\r ]*[0-9.]/.test(content)) return undefined;
  let rest = m[1]!;
  const named = /^url[\t\n\f\r ]*=[\t\n\f\r ]*/i.exec(rest);
  if (named) rest = rest.slice(named[0].length);
  const quote = /^["']/.exec(rest)?.[0];
  if (quote) {
    const end = rest.indexOf(quote, 1);
    rest = end < 0 ? rest.slice(1) : rest.slice(1, end);
  }
  const url = rest.replace(/[\t\n\f\r ]+$/, '');
  return url === '' ? undefined : url;
}

/** `http-equiv` names a refresh (case and surrounding spaces do not matter to the browser). */
export const isRefreshEquiv = (equiv: string | null): boolean => !!equiv && equiv.trim().toLowerCase() === 'refresh';
