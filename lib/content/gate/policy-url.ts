/**
 * The address a frame asks its policy for. An opaque-origin frame (a sandboxed srcdoc, a data: URL)
 * is asked for as the page that made it: the browser injected this script there only because that
 * page is covered (matchOriginAsFallback matches the frame's precursor origin). Asked for its own
 * "about:srcdoc" the frame would be "not covered" and its guard would stand down — its script could
 * then send anything.
 */
export function policyUrl(loc: Pick<Location, 'origin' | 'href'> & { ancestorOrigins?: ArrayLike<string> }): string {
  if (loc.origin !== 'null') return loc.href;
  const parent = loc.ancestorOrigins?.[0];
  return parent && parent !== 'null' ? `${parent}/` : loc.href;
}
