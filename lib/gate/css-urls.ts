/**
 * The URLs a piece of CSS may make the browser fetch. A style property, a style attribute, a <style>
 * element's text or a constructed stylesheet is a request the page can put text into
 * (`background:url(/x?content=…)`), so the MAIN-world hooks judge these URLs like an image's src.
 *
 * Read as the browser's tokenizer reads CSS (CSS Syntax 3, §4.3), not by patterns over the text: an
 * eleventh probe got the ID past patterns with an escaped `)` or quote, a string holding `)` inside
 * image-set(), a nested function, `@import"…"` without a space, comments, and strings that reach a
 * fetch through var() from places no pattern named (an @property's initial value, a registered
 * property, a typed custom property). So every url token is a URL to ask about, and so is every
 * string in a function that fetches or outside any function (it can reach @import or var()); asking
 * about a font name costs nothing.
 * Pure: no DOM. Read through the kept built-ins (lib/realm/intrinsics.ts): a page that replaced a
 * String method would have had the guard find no URL in any CSS.
 */
import { add, codeAt, fromCodePoint, lower, matches, sliceText, toInteger } from '../realm/intrinsics';

// Without a quote, a backslash or `url(` there is no string and no url token: nothing to fetch.
const MAY_LOAD = /["'\\]|url\(/i;

/** Could this CSS load anything? Cheap, so that the many style writes of a page cost nothing. */
export function cssMayLoad(css: string): boolean {
  return matches(MAY_LOAD, css);
}

const BACKSLASH = 0x5c;
const NEWLINE = (c: number) => c === 0x0a || c === 0x0d || c === 0x0c;
const WHITESPACE = (c: number) => c === 0x20 || c === 0x09 || NEWLINE(c);
const HEX = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const NAME_START = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c >= 0x80;
const NAME = (c: number) => NAME_START(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;

/** A reading position, what the tokens found so far hold, and the functions open around it (lower case). */
interface Reader {
  css: string;
  at: number;
  urls: string[];
  open: string[];
}

/**
 * Functions whose strings are fetched. A string in any other function (`format("woff2")`, `local()`,
 * an unknown `urX("…")` a page is still spelling) is not: asking about it would spend a signed
 * release on text that loads nothing (CI: the style routes' edits, one letter at a time).
 */
const FETCHES = ['url', 'image-set', '-webkit-image-set', 'image', 'cross-fade', '-webkit-cross-fade', 'src'];

function fetchedHere(r: Reader): boolean {
  if (r.open.length === 0) return true;
  const inner = r.open[r.open.length - 1]!;
  for (let i = 0; i < FETCHES.length; i++) if (FETCHES[i] === inner) return true;
  return false;
}

/** A valid escape at r.at (a backslash not before a newline): the character it stands for; r.at moves past it. */
function escaped(r: Reader): string {
  r.at++; // the backslash
  if (r.at >= r.css.length) return '\ufffd';
  if (!HEX(codeAt(r.css, r.at))) return fromCodePoint(codeAt(r.css, r.at++));
  const start = r.at;
  while (r.at < r.css.length && r.at - start < 6 && HEX(codeAt(r.css, r.at))) r.at++;
  const code = toInteger(sliceText(r.css, start, r.at), 16);
  if (r.at < r.css.length && WHITESPACE(codeAt(r.css, r.at))) r.at += codeAt(r.css, r.at) === 0x0d && codeAt(r.css, r.at + 1) === 0x0a ? 2 : 1;
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? fromCodePoint(code) : '\ufffd';
}

const validEscape = (css: string, at: number) => codeAt(css, at) === BACKSLASH && !NEWLINE(codeAt(css, at + 1));

/** A string token from the quote at r.at; a newline inside ends it (a bad string, kept all the same). */
function stringToken(r: Reader): string {
  const quote = codeAt(r.css, r.at++);
  let out = '';
  let from = r.at;
  while (r.at < r.css.length) {
    const c = codeAt(r.css, r.at);
    if (c === quote || NEWLINE(c)) break;
    if (c !== BACKSLASH) {
      r.at++;
      continue;
    }
    out += sliceText(r.css, from, r.at);
    // an escaped newline continues the string; a backslash at the end is dropped
    if (NEWLINE(codeAt(r.css, r.at + 1))) r.at += 2;
    else if (r.at + 1 >= r.css.length) r.at++;
    else out += escaped(r);
    from = r.at;
  }
  out += sliceText(r.css, from, r.at);
  if (r.at < r.css.length && codeAt(r.css, r.at) === quote) r.at++;
  return out;
}

/** A name (identifier) from r.at, escapes written out; sliced, not built, where it has none (most). */
function nameToken(r: Reader): string {
  let out = '';
  let from = r.at;
  while (r.at < r.css.length) {
    const c = codeAt(r.css, r.at);
    if (NAME(c)) r.at++;
    else if (validEscape(r.css, r.at)) {
      out += sliceText(r.css, from, r.at) + escaped(r);
      from = r.at;
    } else break;
  }
  return out + sliceText(r.css, from, r.at);
}

/** An unquoted url( … ) from after its `(`: up to `)` or the end (a bad url's text is kept too). */
function urlToken(r: Reader): string {
  let out = '';
  while (r.at < r.css.length) {
    const c = codeAt(r.css, r.at);
    if (c === 0x29) {
      r.at++;
      break;
    }
    if (validEscape(r.css, r.at)) out += escaped(r);
    else {
      out += fromCodePoint(c);
      r.at++;
    }
  }
  return trimWhitespace(out);
}

function trimWhitespace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && WHITESPACE(codeAt(s, a))) a++;
  while (b > a && WHITESPACE(codeAt(s, b - 1))) b--;
  return sliceText(s, a, b);
}

const keep = (r: Reader, url: string) => {
  if (url !== '') add(r.urls, url);
};

/** After a name: url( with no quote next starts a url token; any other name( (url(" too) opens a function. */
function afterName(r: Reader, name: string): void {
  if (codeAt(r.css, r.at) !== 0x28) return;
  r.at++;
  const fn = lower(name);
  if (fn === 'url') {
    let p = r.at;
    while (p < r.css.length && WHITESPACE(codeAt(r.css, p))) p++;
    const next = codeAt(r.css, p);
    if (next !== 0x22 && next !== 0x27) {
      keep(r, urlToken(r));
      return;
    }
  }
  add(r.open, fn);
}

/** Every url token and string token of `css`: what a rule, a descriptor or a var() may fetch. */
export function cssUrls(css: string): string[] {
  if (!cssMayLoad(css)) return [];
  const r: Reader = { css, at: 0, urls: [], open: [] };
  while (r.at < css.length) {
    const c = codeAt(css, r.at);
    if (c === 0x2f && codeAt(css, r.at + 1) === 0x2a) {
      // a comment, to its end or the text's
      let end = r.at + 2;
      while (end < css.length && !(codeAt(css, end) === 0x2a && codeAt(css, end + 1) === 0x2f)) end++;
      r.at = end + 2;
    } else if (c === 0x22 || c === 0x27) {
      const text = stringToken(r);
      if (fetchedHere(r)) keep(r, text);
    } else if (c === 0x28) {
      // a bare ( block: strings in it are no function's
      add(r.open, '(');
      r.at++;
    } else if (c === 0x29) {
      if (r.open.length > 0) r.open.length--;
      r.at++;
    } else if (c === 0x3b || c === 0x7b || c === 0x7d) {
      // a declaration or block ends: whatever the page left open is closed there by the parser
      r.open.length = 0;
      r.at++;
    } else if (NAME_START(c) || validEscape(css, r.at) || (c === 0x2d && (NAME_START(codeAt(css, r.at + 1)) || codeAt(css, r.at + 1) === 0x2d || validEscape(css, r.at + 1)))) {
      afterName(r, nameToken(r));
    } else r.at++;
  }
  return r.urls;
}
