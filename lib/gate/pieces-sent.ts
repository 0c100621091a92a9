import type { Finding } from '../scan/types';
import type { Before } from './recent-sends';
import { visibleLetters, type ReleaseTicket } from './ticket';
import type { Decoded, TextPart } from './types';

/**
 * A request read together with what its fields carried just before (lib/gate/recent-sends.ts): the
 * draft a script sends piece by piece, one request each, put together again. Pure.
 */

const joined = (before: Before, key: 'text' | 'raw') => before.map((p) => p[key]).join('');

/**
 * The request's parts, and beside each part that continues a recent field the whole sent so far: a
 * field sent again whole (a title with every piece) still matches its signed value as it stands.
 */
export function assembled(decoded: Decoded, before: ReadonlyMap<string, Before>): Decoded {
  const wholes: TextPart[] = [];
  for (const p of decoded.parts) {
    const b = before.get(p.name);
    if (b) wholes.push({ name: p.name, text: joined(b, 'text') + p.text, raw: joined(b, 'raw') + (p.raw ?? p.text) });
  }
  return { ...decoded, parts: [...decoded.parts, ...wholes] };
}

/** Characters read on each side of where two pieces meet: longer than any number a rule finds. */
const SIDE = 48;

/**
 * Block findings that span the join of a field's last piece and this one: a number cut between two
 * requests. Findings wholly on either side are the pieces' own.
 */
export function joinFindings(decoded: Decoded, before: ReadonlyMap<string, Before>, blocksIn: (text: string) => Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const p of decoded.parts) {
    const last = before.get(p.name)?.at(-1);
    if (!last) continue;
    const left = last.text.slice(-SIDE);
    for (const f of blocksIn(left + p.text.slice(0, SIDE))) if (f.start < left.length && f.end > left.length) out.push(f);
  }
  return out;
}

/** Earlier pieces a sending of the signed draft may have begun at: the latest ones. */
const SENDING_PIECES = 16;

/**
 * Is the request the next piece of the signed body, sent from its start in pieces that began at one
 * of the field's recent pieces (or with this one)? Asked of every part that, with its field's recent
 * pieces, carries the draft (`carries`): each must be such a piece. 'whole' when one ends the body,
 * 'begun' when more must follow. Earlier tries within the window (a refused sending, sent again after
 * the sign-off) are passed over: a sending of the body may begin at any recent piece.
 */
export function signedPiece(
  ticket: ReleaseTicket,
  decoded: Decoded,
  before: ReadonlyMap<string, Before>,
  now: number,
  carries: (text: string) => boolean,
): 'whole' | 'begun' | null {
  if (now > ticket.expiresAt || ticket.body === '') return null;
  let found: 'whole' | 'begun' | null = null;
  for (const p of decoded.parts) {
    const pieces = before.get(p.name);
    if (!pieces || !carries(joined(pieces, 'text') + p.text)) continue;
    const next = nextPiece(ticket.body, pieces, p.raw ?? p.text);
    if (next === null) return null;
    if (found !== 'whole') found = next;
  }
  return found;
}

/** Does `raw`, after some run of the latest pieces, make the body's start ('begun') or all of it ('whole')? */
function nextPiece(body: string, pieces: Before, raw: string): 'whole' | 'begun' | null {
  let found: 'begun' | null = null;
  for (let from = pieces.length; from >= Math.max(0, pieces.length - SENDING_PIECES); from--) {
    const letters = visibleLetters(joined(pieces.slice(from), 'raw') + raw);
    if (letters === '' || !body.startsWith(letters)) continue;
    if (letters.length === body.length) return 'whole';
    found = 'begun';
  }
  return found;
}
