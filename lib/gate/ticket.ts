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

/** How long a signed draft may wait for the editor to press the CMS's own button again. */
export const TICKET_TTL_MS = 2 * 60_000;

export interface ReleaseTicket {
  digest: string;
  /** The signed body reduced by `visibleLetters`. */
  body: string;
  /** Form fields that were signed (title, category …) by their name in the form, values reduced. */
  fields: { name: string; value: string }[];
  expiresAt: number;
}

/** Letters and digits of what a reader sees: an HTML body and the editor's text compare equal. */
export function visibleLetters(text: string): string {
  return letters(looksLikeHtml(text) ? visibleHtmlText(text) : text);
}

export function issueTicket(
  signed: { digest: string; body: string; fields: { name: string; value: string }[] },
  now: number,
  ttlMs: number,
): ReleaseTicket {
  return {
    digest: signed.digest,
    body: visibleLetters(signed.body),
    fields: signed.fields.filter((f) => f.name).map((f) => ({ name: f.name, value: visibleLetters(f.value) })),
    expiresAt: now + ttlMs,
  };
}

export function matchesTicket(ticket: ReleaseTicket, decoded: Decoded, now: number): boolean {
  if (now > ticket.expiresAt || ticket.body === '') return false;
  if (!decoded.parts.some((p) => visibleLetters(p.raw ?? p.text) === ticket.body)) return false;
  return signedFields(ticket, decoded);
}

/** A signed field the request carries under the same name must carry the signed value. */
export function signedFields(ticket: ReleaseTicket, decoded: Decoded): boolean {
  return ticket.fields.every((f) => {
    const sent = decoded.parts.filter((p) => fieldOf(p.name) === f.name);
    return sent.length === 0 || sent.some((p) => visibleLetters(p.raw ?? p.text) === f.value);
  });
}
