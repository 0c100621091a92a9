/**
 * HTML character references decoded: a markup's text and its attribute values (lib/gate/html-text.ts,
 * html-tags.ts, html-urls.ts). Its own module, through the kept built-ins: the page's guard reads
 * markup's attribute values with it after page code could replace String's and RegExp's methods.
 */
import { bare, fromCodePoint, includes, lower, replaceEach, sliceText, toInteger } from '../realm/intrinsics';

const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,7});/gi;
// no prototype: a name not listed here finds nothing a page put on Object.prototype
const NAMED: Record<string, string> = bare({ nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', thinsp: ' ', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', mdash: '—', ndash: '–', hellip: '…', times: '×', yen: '¥' });

/** Character references decoded. Through the kept built-ins: markup's attribute values are read with it in the page's guard. */
export function decodeEntities(s: string): string {
  if (!includes(s, '&')) return s;
  return replaceEach(ENTITY, s, (m) => {
    const name = m[1]!;
    if (name[0] !== '#') return NAMED[lower(name)] ?? m[0];
    const code = name[1] === 'x' || name[1] === 'X' ? toInteger(sliceText(name, 2), 16) : toInteger(sliceText(name, 1), 10);
    return code > 0 && code <= 0x10ffff ? fromCodePoint(code) : m[0];
  });
}
