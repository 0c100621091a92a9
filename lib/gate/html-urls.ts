/**
 * The URLs a piece of HTML makes the browser fetch once it is parsed into the page (innerHTML,
 * document.write, createContextualFragment, DOMParser, srcdoc …): src/href/data/poster/background
 * attributes and attributionsrc (Chrome's Attribution Reporting requests each URL in it), the values
 * an SVG <set>/<animate> writes (an <image>'s animated href loads), and the CSS of style attributes, SVG
 * presentation attributes (`filter="url(…)"`) and <style> elements. Attribute values are read with
 * their character references decoded, as the parser does. Pure: no DOM. Read through the kept
 * built-ins (lib/realm/intrinsics.ts), as the page's guard asks it after page code could replace
 * matchAll, push or a Set's has.
 */
import { cssUrls } from './css-urls';
import { decodeEntities } from './html-entities';
import { add, addAll, allMatches, decodeUri, execOnce, fromCharCode, includes, joinText, keptMap, keptSet, matchedGroup, matches, replaceEach, splitText, toInteger, trim, type KeptSet } from '../realm/intrinsics';

const VALUE = String.raw`\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`;
// (an iframe's csp is no URL, but leaves with the frame's request as a header: its text is judged alike)
// eslint-disable-next-line no-restricted-syntax -- built once as this module loads (document_start)
const URL_ATTR = new RegExp(String.raw`\b(?:src|srcset|imagesrcset|href|data|poster|background|attributionsrc|csp)${VALUE}`, 'gi');
// eslint-disable-next-line no-restricted-syntax -- built once as this module loads (document_start)
const STYLE_ATTR = new RegExp(String.raw`\bstyle${VALUE}`, 'gi');
/**
 * SVG presentation attributes that take a url(): Chromium fetches the document an external
 * `filter="url(/x.svg#f)"`, `mask`, `clip-path`, `fill`, `stroke` or `marker-*` reference names (a
 * probe saw the ID arrive by setAttribute and by markup). Their value is CSS.
 */
const PRESENTATION_NAMES = ['fill', 'stroke', 'filter', 'mask', 'clip-path', 'marker-start', 'marker-mid', 'marker-end', 'cursor'];
export const PRESENTATION_URL_ATTRIBUTES: KeptSet<string> = keptSet(PRESENTATION_NAMES);
// eslint-disable-next-line no-restricted-syntax -- built once as this module loads (document_start)
const PRESENTATION_ATTR = new RegExp(String.raw`(?<![\w-])(?:${joinText(PRESENTATION_NAMES, '|')})${VALUE}`, 'gi');
// eslint-disable-next-line no-restricted-syntax -- built once as this module loads (document_start)
const SRCDOC_ATTR = new RegExp(String.raw`\bsrcdoc${VALUE}`, 'gi');
const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)(?:<\/style\s*>|$)/gi;
/** SVG's <set>/<animate> write their to/from/by/values into the target's attribute (an image's href loads it). */
const ANIMATION_TAG = /<(?:set|animate)\b[^>]*>/gi;
// eslint-disable-next-line no-restricted-syntax -- built once as this module loads (document_start)
const ANIMATION_VALUE = new RegExp(String.raw`\b(?:to|from|by|values)${VALUE}`, 'gi');

const valueOf = (m: RegExpExecArray) => decodeEntities(matchedGroup(m));

/** The URLs an animation value may hold: values is a ';'-separated list, to/from/by one value. */
export function animationUrls(value: string): string[] {
  const parts = splitText(value, ';');
  const urls: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const u = trim(parts[i]!);
    if (u !== '') add(urls, u);
  }
  return urls;
}

/** Could this HTML load anything? (No `=` and no CSS: nothing to look at.) */
export function htmlMayLoad(html: string): boolean {
  return includes(html, '=') || matches(/<style/i, html);
}

export function htmlUrls(html: string, depth = 0): string[] {
  if (!htmlMayLoad(html)) return [];
  const urls: string[] = [];
  // a srcset is judged whole: every candidate after the first '?' is in its query
  eachMatch(html, URL_ATTR, (m) => add(urls, valueOf(m)));
  eachMatch(html, STYLE_ATTR, (m) => addAll(urls, cssUrls(valueOf(m))));
  eachMatch(html, PRESENTATION_ATTR, (m) => addAll(urls, cssUrls(valueOf(m))));
  eachMatch(html, STYLE_ELEMENT, (m) => {
    addAll(urls, cssUrls(m[1]!));
    // inside <svg> a <style> is foreign content, whose character references the parser writes out
    if (includes(m[1]!, '&')) addAll(urls, cssUrls(decodeEntities(m[1]!)));
  });
  // values is a list: each of its values is requested by itself
  eachMatch(html, ANIMATION_TAG, (tag) => eachMatch(tag[0], ANIMATION_VALUE, (m) => addAll(urls, animationUrls(valueOf(m)))));
  // An iframe's srcdoc is a document of its own, parsed in a frame the guard reaches too late.
  if (depth < 2) eachMatch(html, SRCDOC_ATTR, (m) => addAll(urls, htmlUrls(valueOf(m), depth + 1)));
  return urls;
}

/** `each` called with every match of `re` (g flag) in `text`, in order. */
function eachMatch(text: string, re: RegExp, each: (m: RegExpExecArray) => void): void {
  const found = allMatches(re, text);
  for (let i = 0; i < found.length; i++) each(found[i]!);
}

/** Elements whose URL is a picture or media: nothing in what they load is fetched in turn. */
const PICTURE_TAG = /<(?:img|source|video|audio|track|input)\b[^>]*>/gi;

/**
 * The URLs of markup's pictures and media (`<img src>`, `<video poster>` …): a blob: URL there is not
 * read to be judged (an editor's pasted pictures are blob: URLs, written again with every setContent).
 */
export function htmlPictureUrls(html: string): string[] {
  const urls: string[] = [];
  eachMatch(html, PICTURE_TAG, (tag) => eachMatch(tag[0], URL_ATTR, (m) => add(urls, valueOf(m))));
  return urls;
}

/** Of `all` (every URL found, repeats kept), those found only as pictures, each once: one also written as a link or in CSS is not. */
export function onlyPictureUrls(all: readonly string[], pictures: readonly string[]): string[] {
  const left = keptMap<string, number>();
  for (let i = 0; i < all.length; i++) left.set(all[i]!, (left.get(all[i]!) ?? 0) + 1);
  for (let i = 0; i < pictures.length; i++) left.set(pictures[i]!, (left.get(pictures[i]!) ?? 0) - 1);
  const only: string[] = [];
  const listed = keptSet<string>();
  for (let i = 0; i < pictures.length; i++) {
    const u = pictures[i]!;
    if (left.get(u) !== 0 || listed.has(u)) continue;
    listed.add(u);
    add(only, u);
  }
  return only;
}

/**
 * A `javascript:` URL's code, percent-decoded as the browser decodes it before running it: in a
 * frame's src (or a window opened on it) the string it evaluates to becomes the frame's document, and
 * the `<img>` in that string loads (a probe saw the ID arrive). Its text is judged as markup and CSS;
 * undefined for any other URL.
 */
export function javascriptUrlText(url: string): string | undefined {
  const m = execOnce(/^\s*javascript:([\s\S]*)$/i, url);
  if (!m) return undefined;
  try {
    return decodeUri(m[1]!);
  } catch {
    return replaceEach(/%([0-9a-f]{2})/gi, m[1]!, (h) => fromCharCode(toInteger(h[1]!, 16)));
  }
}

/**
 * Can the string a `javascript:` URL's code evaluates to be read from the code itself? Yes when the
 * code makes no document (empty, `void …`, a number, boolean, null or undefined: what editors write
 * in their frames' src) or is a string literal (read as it stands). Any other expression — a variable
 * (`parent.html`), a call, a function returning a string — makes a document of text the URL does not
 * show: the probe saw `javascript:parent.html` load the ID that way.
 */
export function javascriptResultReadable(code: string): boolean {
  const c = trim(replaceEach(/;+\s*$/g, trim(code), () => ''));
  return (
    c === '' ||
    isWholeVoid(c) ||
    matches(/^(?:false|true|null|undefined|NaN|[-+]?\d+(?:\.\d+)?)$/, c) ||
    matches(/^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.|\$(?!\{))*`)$/s, c)
  );
}

/**
 * `void 0` or `void(…)` as the whole expression: `void 0, parent.html` is the comma operator's second
 * operand, a string. The parenthesis after `void` must close at the very end, strings skipped (a
 * regular expression or comment with quotes or parentheses in it is taken for no void: refused).
 */
function isWholeVoid(c: string): boolean {
  if (matches(/^void\s+0$/, c)) return true;
  const open = execOnce(/^void\s*\(/, c);
  if (!open) return false;
  let depth = 0;
  for (let i = open[0].length - 1; i < c.length; i++) {
    const ch = c[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      i = stringEnd(c, i);
      if (i < 0) return false;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i === c.length - 1;
  }
  return false;
}

/** Index of the quote closing the string literal opened at `start`, or -1. */
function stringEnd(c: string, start: number): number {
  for (let i = start + 1; i < c.length; i++) {
    if (c[i] === '\\') i++;
    else if (c[i] === c[start]) return i;
  }
  return -1;
}
