/**
 * Text of an HTML fragment as it travels in a request body (an editor's getContent() in a form
 * field or a JSON property), for scanning. Pure and synchronous: a verdict is often needed before
 * the page's own code continues (form.submit(), a sync XHR). Block-level tags and cells become line
 * breaks and tabs so that two cells' numbers never run together; inline tags vanish so a number the
 * editor wrapped in <span> stays whole. Comments and every attribute's value are kept: they go online
 * with the source even though the editor does not show them (the seventeenth probe's ID in a link's
 * href, a data-* attribute and a hidden input's value was never scanned when only alt/title were).
 */
import { decodeEntities } from './html-entities';

const TAG = /<!--([\s\S]*?)-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const BLOCK = new Set(
  'p div br li ul ol tr table thead tbody tfoot caption h1 h2 h3 h4 h5 h6 section article blockquote pre hr dd dt dl figure figcaption header footer nav aside main address option select textarea form fieldset legend'.split(' '),
);
const CELL = new Set(['td', 'th']);
/** An attribute's value, quoted or not. */
const ATTR = /[^\s"'<>/=]+\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+))/g;
/** A picture or file written into the source (an editor's pasted image): bytes, not text anyone wrote. */
const DATA_URL = /^\s*data:/i;
/** Does this string look like HTML markup (an editor's content) rather than plain text? */
export function looksLikeHtml(s: string): boolean {
  // Numeric character references without a tag: an editor set to write every non-ASCII character
  // so (CKEditor's entities_processNumerical), a plain-text field included.
  return /<(?:[a-zA-Z][a-zA-Z0-9-]*[\s/>]|!--)|&#(?:\d{2,}|x[0-9a-fA-F]{2,});/.test(s);
}

/** Text as a reader sees it: no comments, no alt/title (for comparing with the editor's own text). */
export function visibleHtmlText(html: string): string {
  return convert(html, 'visible');
}

/** Everything the source carries, comments and attribute values included (for scanning). */
export function htmlToText(html: string): string {
  return convert(html, 'all');
}

/** Only what the source carries that a reader does not see: comments and attribute values, a line each. */
export function hiddenHtmlText(html: string): string {
  return convert(html, 'hidden');
}

/** `visible`: the text a reader sees; `hidden`: comments and attribute values only; `all`: both. */
function convert(html: string, mode: 'visible' | 'hidden' | 'all'): string {
  const text = mode !== 'hidden';
  const hidden = mode !== 'visible';
  let out = '';
  // after the text, each on a line of its own: a value put where its tag stood would split a number
  // the editor wrapped in <span style=…>
  let values = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (text) out += html.slice(last, m.index);
    last = TAG.lastIndex;
    if (m[1] !== undefined) {
      if (hidden) out += `\n${m[1]}\n`;
      continue;
    }
    const name = m[3]!.toLowerCase();
    if (text && BLOCK.has(name)) out += '\n';
    else if (text && CELL.has(name)) out += '\t';
    const attrs = m[4] ?? '';
    if (hidden && m[2] === '' && attrs) {
      for (const a of attrs.matchAll(ATTR)) {
        const value = a[1] ?? a[2] ?? a[3] ?? '';
        if (value !== '' && !DATA_URL.test(value)) values += `\n${value}`;
      }
    }
  }
  if (text) out += html.slice(last);
  return decodeEntities(values === '' ? out : `${out}\n${values}\n`);
}
