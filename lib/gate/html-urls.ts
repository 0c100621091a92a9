/**
 * The URLs a piece of HTML makes the browser fetch once it is parsed into the page (innerHTML,
 * document.write, createContextualFragment, DOMParser, srcdoc …): src/href/data/poster/background
 * attributes and attributionsrc (Chrome's Attribution Reporting requests each URL in it), the values
 * an SVG <set>/<animate> writes (an <image>'s animated href loads), and the CSS of style attributes, SVG
 * presentation attributes (`filter="url(…)"`) and <style> elements. Attribute values are read with
 * their character references decoded, as the parser does. Pure: no DOM.
 */
import { cssUrls } from './css-urls';
import { decodeEntities } from './html-text';

const VALUE = String.raw`\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`;
// (an iframe's csp is no URL, but leaves with the frame's request as a header: its text is judged alike)
const URL_ATTR = new RegExp(String.raw`\b(?:src|srcset|imagesrcset|href|data|poster|background|attributionsrc|csp)${VALUE}`, 'gi');
const STYLE_ATTR = new RegExp(String.raw`\bstyle${VALUE}`, 'gi');
/**
 * SVG presentation attributes that take a url(): Chromium fetches the document an external
 * `filter="url(/x.svg#f)"`, `mask`, `clip-path`, `fill`, `stroke` or `marker-*` reference names (a
 * probe saw the ID arrive by setAttribute and by markup). Their value is CSS.
 */
export const PRESENTATION_URL_ATTRIBUTES: ReadonlySet<string> = new Set(['fill', 'stroke', 'filter', 'mask', 'clip-path', 'marker-start', 'marker-mid', 'marker-end', 'cursor']);
const PRESENTATION_ATTR = new RegExp(String.raw`(?<![\w-])(?:${[...PRESENTATION_URL_ATTRIBUTES].join('|')})${VALUE}`, 'gi');
const SRCDOC_ATTR = new RegExp(String.raw`\bsrcdoc${VALUE}`, 'gi');
const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)(?:<\/style\s*>|$)/gi;
/** SVG's <set>/<animate> write their to/from/by/values into the target's attribute (an image's href loads it). */
const ANIMATION_TAG = /<(?:set|animate)\b[^>]*>/gi;
const ANIMATION_VALUE = new RegExp(String.raw`\b(?:to|from|by|values)${VALUE}`, 'gi');

const valueOf = (m: RegExpMatchArray) => decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');

/** The URLs an animation value may hold: values is a ';'-separated list, to/from/by one value. */
export const animationUrls = (value: string): string[] => value.split(';').map((v) => v.trim()).filter(Boolean);

/** Could this HTML load anything? (No `=` and no CSS: nothing to look at.) */
export function htmlMayLoad(html: string): boolean {
  return html.includes('=') || /<style/i.test(html);
}

export function htmlUrls(html: string, depth = 0): string[] {
  if (!htmlMayLoad(html)) return [];
  const urls: string[] = [];
  // a srcset is judged whole: every candidate after the first '?' is in its query
  for (const m of html.matchAll(URL_ATTR)) urls.push(valueOf(m));
  for (const m of html.matchAll(STYLE_ATTR)) urls.push(...cssUrls(valueOf(m)));
  for (const m of html.matchAll(PRESENTATION_ATTR)) urls.push(...cssUrls(valueOf(m)));
  for (const m of html.matchAll(STYLE_ELEMENT)) urls.push(...cssUrls(m[1]!));
  // values is a list: each of its values is requested by itself
  for (const tag of html.matchAll(ANIMATION_TAG)) for (const m of tag[0].matchAll(ANIMATION_VALUE)) urls.push(...animationUrls(valueOf(m)));
  // An iframe's srcdoc is a document of its own, parsed in a frame the guard reaches too late.
  if (depth < 2) for (const m of html.matchAll(SRCDOC_ATTR)) urls.push(...htmlUrls(valueOf(m), depth + 1));
  return urls;
}


/** Elements whose URL is a picture or media: nothing in what they load is fetched in turn. */
const PICTURE_TAG = /<(?:img|source|video|audio|track|input)\b[^>]*>/gi;

/**
 * The URLs of markup's pictures and media (`<img src>`, `<video poster>` …): a blob: URL there is not
 * read to be judged (an editor's pasted pictures are blob: URLs, written again with every setContent).
 */
export function htmlPictureUrls(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.matchAll(PICTURE_TAG)) for (const m of tag[0].matchAll(URL_ATTR)) urls.push(valueOf(m));
  return urls;
}

/** Of `all` (every URL found, repeats kept), those found only as pictures: one also written as a link or in CSS is not. */
export function onlyPictureUrls(all: readonly string[], pictures: readonly string[]): Set<string> {
  const left = new Map<string, number>();
  for (const u of all) left.set(u, (left.get(u) ?? 0) + 1);
  for (const u of pictures) left.set(u, (left.get(u) ?? 0) - 1);
  return new Set(pictures.filter((u) => left.get(u) === 0));
}

/**
 * A `javascript:` URL's code, percent-decoded as the browser decodes it before running it: in a
 * frame's src (or a window opened on it) the string it evaluates to becomes the frame's document, and
 * the `<img>` in that string loads (a probe saw the ID arrive). Its text is judged as markup and CSS;
 * undefined for any other URL.
 */
export function javascriptUrlText(url: string): string | undefined {
  const m = /^\s*javascript:([\s\S]*)$/i.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
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
  const c = code.trim().replace(/;+\s*$/, '').trim();
  return (
    c === '' ||
    isWholeVoid(c) ||
    /^(?:false|true|null|undefined|NaN|[-+]?\d+(?:\.\d+)?)$/.test(c) ||
    /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.|\$(?!\{))*`)$/s.test(c)
  );
}

/**
 * `void 0` or `void(…)` as the whole expression: `void 0, parent.html` is the comma operator's second
 * operand, a string. The parenthesis after `void` must close at the very end, strings skipped (a
 * regular expression or comment with quotes or parentheses in it is taken for no void: refused).
 */
function isWholeVoid(c: string): boolean {
  if (/^void\s+0$/.test(c)) return true;
  const open = /^void\s*\(/.exec(c);
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
