/* eslint-disable @typescript-eslint/unbound-method -- the platform's methods are kept unbound and applied to their own element. */
import { apply } from '../realm/intrinsics';

type PageWindow = Window & typeof globalThis;

const XLINK = 'http://www.w3.org/1999/xlink';

/** What makes a click go somewhere, as [namespace, name]: taken off a link whose refused click cannot be cancelled. */
export const LINK_ATTRIBUTES = [
  [null, 'href'],
  [XLINK, 'href'],
  [null, 'ping'],
] as const;

/**
 * The elements a click follows: HTML links and areas with an href, SVG's `<a>` with an href or an
 * xlink:href (`*|href`: in any namespace). An `<a>` without one has no activation behaviour: the click
 * goes on to the link around it.
 */
export const LINK_SELECTOR = 'a[*|href], area[href]';

/**
 * The address a clicked link leaves for, as its markup gives it (unresolved), or null when it is no
 * link. An SVG `<a>` follows `href`, else `xlink:href`, and its `.href` is no string (an
 * SVGAnimatedString): read by attribute, an SVG link aimed at a fresh frame or a new window had
 * gone unjudged. Asked by the page guard and the isolated world alike, with getAttribute(NS) kept as
 * the guard installs.
 */
export function linkHref(win: PageWindow): (link: Element) => string | null {
  const getAttr = win.Element.prototype.getAttribute;
  const getAttrNS = win.Element.prototype.getAttributeNS;
  const namespaceOf = Object.getOwnPropertyDescriptor(win.Element.prototype, 'namespaceURI')!.get!;
  return (link) => {
    const href = apply<string | null>(getAttr, link, ['href']);
    if (href !== null || apply<string | null>(namespaceOf, link, []) !== 'http://www.w3.org/2000/svg') return href;
    return apply<string | null>(getAttrNS, link, [XLINK, 'href']);
  };
}
