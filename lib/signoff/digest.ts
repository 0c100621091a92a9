/**
 * What a sign-off is bound to. A reviewer signs a digest of the draft, not the draft: the text never
 * leaves the page, and any later change to what was signed gives another digest and voids the
 * sign-off. The same body digest lets the post-publication check compare the published page's text
 * with what was signed.
 */
import type { DigestInput } from './types';

/**
 * Editors, the CMS and Readability disagree about line breaks, indentation, nbsp and the full-width
 * space Chinese typesetting uses; none of that changes what a reader sees, so none of it may void a
 * sign-off. Zero-width and format characters (U+200B–U+200D, U+2060, U+FEFF, soft hyphen) are
 * invisible too. `\s` covers nbsp, U+3000 and U+FEFF, and NFKC has already folded most of them.
 */
const INVISIBLE = /[\s\u00a0\u00ad\u200b-\u200d\u2060\u3000\ufeff]/gu;

/**
 * Old CMSs keep the body as HTML source in a textarea; the published page shows it rendered. Tags are
 * dropped and entities decoded first, so the source and the rendered text give the same digest.
 */
const TAG = /<\/?[a-zA-Z!][^>]*>/g;
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi;
const NAMED: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(match: string, name: string): string {
  if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? match;
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

/** Markup out and entities decoded: what a large draft's digest (paced-digest.ts) does to the whole body first. */
export function startNormalising(s: string): string {
  return s.replace(TAG, '').replace(ENTITY, decodeEntity);
}

/** NFKC and invisible characters out: character by character, so a large body can be done in pieces. */
export function finishNormalising(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE, '');
}

export function normaliseForDigest(s: string): string {
  return finishNormalising(startNormalising(s));
}

export async function sha256Hex(text: string): Promise<string> {
  const bytes = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Versioned, so a future change of what is covered can never match an old sign-off by accident. */
const DIGEST_VERSION = 'precheck-signoff-v1';

/** A JSON string's content without its quotes: JSON.stringify escapes code unit by code unit. */
export const jsonStringBody = (s: string) => JSON.stringify(s).slice(1, -1);

/**
 * The text draftDigest hashes, around the normalised body: a JSON array keeps the parts apart (moving
 * text from the title into the body changes the digest). The body string's content goes between
 * `head` and `tail`, whole or in pieces (lib/signoff/paced-digest.ts).
 */
export function digestFrame(input: DigestInput): { head: string; tail: string } {
  const rest = [input.category, input.disclosure, input.reviewer].map((s) => JSON.stringify(s.trim())).join(',');
  return { head: `[${JSON.stringify(DIGEST_VERSION)},${JSON.stringify(normaliseForDigest(input.title))},"`, tail: `",${rest}]` };
}

/** SHA-256 (hex) over everything article 14 has the reviewer check: text, category, mode, reviewer. */
export function draftDigest(input: DigestInput): Promise<string> {
  const { head, tail } = digestFrame(input);
  return sha256Hex(head + jsonStringBody(normaliseForDigest(input.body)) + tail);
}

/** SHA-256 (hex) of the body text alone, for comparing a published page's main text with the signed one. */
export function bodyDigest(text: string): Promise<string> {
  return sha256Hex(normaliseForDigest(text));
}
