/**
 * A release ticket: what the reviewer signed, reduced to what a request must carry to be that
 * content. Issued in the page after the background confirmed the sign-offs; spent by the first request
 * that matches; a request that carries the draft but differs (edited, or from another draft) does not
 * match and is refused like any unsigned publish.
 */
import { fieldOf } from './decode';
import { letters } from './draft-match';
import { looksLikeHtml, visibleHtmlText } from './html-text';
import type { Decoded } from './types';
import { besideCover, uncoveredWord } from './unsigned-words';

/** How long a signed draft may wait for the editor to press the CMS's own button again. */
export const TICKET_TTL_MS = 2 * 60_000;

export interface ReleaseTicket {
  digest: string;
  /** The signed body reduced by `visibleLetters`. */
  body: string;
  /** Form fields that were signed (title, category …) by their name in the form, values reduced. */
  fields: { name: string; value: string }[];
  /** What else the page held at the sign-off (lib/gate/unsigned-words.ts): a request's other words must stand in it. */
  beside: string;
  expiresAt: number;
}

export interface SignedForRelease {
  digest: string;
  body: string;
  fields: { name: string; value: string }[];
  /**
   * The texts the page held beside the body when it was signed: the editors' markup's comments and
   * attribute values, the CMS form's field values.
   */
  beside?: readonly string[];
}

/** Letters and digits of what a reader sees: an HTML body and the editor's text compare equal. */
export function visibleLetters(text: string): string {
  return letters(looksLikeHtml(text) ? visibleHtmlText(text) : text);
}

export function issueTicket(signed: SignedForRelease, now: number, ttlMs: number): ReleaseTicket {
  return {
    digest: signed.digest,
    body: visibleLetters(signed.body),
    fields: signed.fields.filter((f) => f.name).map((f) => ({ name: f.name, value: visibleLetters(f.value) })),
    beside: besideCover([...signed.fields.map((f) => f.value), ...(signed.beside ?? [])]),
    expiresAt: now + ttlMs,
  };
}

export function matchesTicket(ticket: ReleaseTicket, decoded: Decoded, now: number): boolean {
  if (now > ticket.expiresAt || ticket.body === '') return false;
  if (!decoded.parts.some((p) => visibleLetters(p.raw ?? p.text) === ticket.body)) return false;
  return signedBeside(ticket, decoded);
}

/** What the request carries beside the body was signed too: the signed fields' values, no other words. */
export function signedBeside(ticket: ReleaseTicket, decoded: Decoded): boolean {
  return signedFields(ticket, decoded) && noUnsignedWords(ticket, decoded);
}

/** Every word the request carries stands in the signed content or beside it on the page when it was signed. */
function noUnsignedWords(ticket: ReleaseTicket, decoded: Decoded): boolean {
  const cover = { body: ticket.body, beside: ticket.beside };
  return decoded.parts.every((p) => uncoveredWord(p.text, cover) === null);
}

/** A signed field the request carries under the same name must carry the signed value. */
function signedFields(ticket: ReleaseTicket, decoded: Decoded): boolean {
  return ticket.fields.every((f) => {
    const sent = decoded.parts.filter((p) => fieldOf(p.name) === f.name);
    return sent.length === 0 || sent.some((p) => visibleLetters(p.raw ?? p.text) === f.value);
  });
}
