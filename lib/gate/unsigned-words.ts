/**
 * Words a release does not cover. A release lets out the content the reviewer signed; a request that
 * carries it may carry other things — ids, tokens, flags, dates, addresses — but no words the page did
 * not hold when it was signed: a 摘要 written afterwards, a second title, a note in the query, a comment
 * or an attribute beside the signed body (the seventeenth probe sent each with one release).
 *
 * A word here is a run of letters and digits holding a Chinese character (what the county's pages are
 * written in; a field of Latin letters and digits is a value, not prose). It is covered when it stands
 * in what was signed or beside it on the page: the body's text, the comments and attribute values of
 * its markup, the values of the CMS form's fields (作者, 来源, a 摘要 typed before the sign-off), the
 * page's text (a tag picker's chips: what the CMS's script may send from its own state). A summary or
 * keywords the CMS cuts from the body are covered word by word.
 */
import { letters } from './draft-match';

const HAN = /\p{Script=Han}/u;
const NOT_LETTER = /[^\p{L}\p{N}]+/u;
/** Joins the pieces of a cover: letters() never yields it, so no word spans two pieces. */
export const COVER_JOIN = '\u0000';

export interface Cover {
  /** The signed body's letters (ReleaseTicket.body). */
  body: string;
  /** Letters of everything else the page held at the sign-off, pieces joined by COVER_JOIN. */
  beside: string;
}

/** The cover's second half from the texts the page held beside the body. */
export function besideCover(texts: readonly string[]): string {
  return texts
    .map(letters)
    .filter((t) => HAN.test(t))
    .join(COVER_JOIN);
}

/**
 * Characters an out-of-order search may read per text before the text counts as uncovered: the
 * signed body's sentences rearranged by page script would otherwise cost a search of the whole body
 * each (a 1 MB body, tens of thousands of sentences: the page would hang). Refused instead: fail closed.
 */
const SEARCH_BUDGET = 128 * 1024 * 1024;

/**
 * The first word of `text` the cover does not hold, or null. The body's words come in its order, so
 * each is looked for from where the one before it ended first (a 1 MB body is read once, not once per
 * sentence); a word not found there costs whole searches, counted against SEARCH_BUDGET.
 */
export function uncoveredWord(text: string, cover: Cover): string | null {
  const whole = letters(text);
  if (!HAN.test(whole) || cover.body.includes(whole)) return null;
  let from = 0;
  let budget = SEARCH_BUDGET;
  for (const word of text.normalize('NFKC').toLowerCase().split(NOT_LETTER)) {
    if (!HAN.test(word)) continue;
    let at = cover.body.indexOf(word, from);
    if (at < 0) {
      budget -= cover.body.length + cover.beside.length;
      if (budget < 0) return word;
      if (from > 0) at = cover.body.indexOf(word);
    }
    if (at >= 0) from = at + word.length;
    else if (!cover.beside.includes(word)) return word;
  }
  return null;
}
