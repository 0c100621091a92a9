import type { Decoded, Outgoing, TextPart } from './types';

/**
 * What the page sent lately, field by field: a script that sends the draft in pieces, one request
 * each (`content=` the first 500 characters, then the next 500 …), sent no piece the gate could call
 * the draft, and an ID cut between two pieces was in neither (a probe saw both arrive). The gate reads
 * each field together with what the same field carried to the same endpoint just before (see
 * lib/gate/pieces-sent.ts): a number split between them, and a draft put together from them. Pure.
 */

/** Pieces further apart than this are not one sending. */
export const PIECES_WINDOW_MS = 30_000;
/** What is kept of a field: its latest pieces, up to this many characters. */
const KEEP = 64_000;
const KEEP_PIECES = 64;

/** One earlier piece of a field: its text, and as sent (its markup, when the text was read from HTML). */
export interface Piece {
  text: string;
  raw: string;
}

/** A field's recent pieces, oldest first. */
export type Before = readonly Piece[];

interface Sent {
  pieces: Piece[];
  at: number;
}

/** The same field to the same endpoint: method, path and the part's name. */
function keyOf(o: Outgoing, part: string): string {
  let path = o.url;
  try {
    const u = new URL(o.url);
    path = u.origin + u.pathname;
  } catch {
    // A URL that does not parse is its own endpoint.
  }
  return `${o.method} ${path} ${part}`;
}

const pieceOf = (p: TextPart): Piece => ({ text: p.text, raw: p.raw ?? p.text });

/**
 * The latest pieces that fit in KEEP characters and KEEP_PIECES pieces; the latest always, its end
 * when it is longer (a piece that long is recognised as the draft on its own; its end is where the
 * next piece joins it).
 */
function kept(pieces: Piece[]): Piece[] {
  const last = pieces[pieces.length - 1]!;
  if (last.raw.length > KEEP || last.text.length > KEEP) return [{ text: last.text.slice(-KEEP), raw: last.raw.slice(-KEEP) }];
  let chars = 0;
  let from = pieces.length;
  while (from > 0 && pieces.length - from < KEEP_PIECES && chars + pieces[from - 1]!.raw.length <= KEEP) chars += pieces[--from]!.raw.length;
  return from === 0 ? pieces : pieces.slice(from);
}

export class RecentSends {
  private readonly sent = new Map<string, Sent>();

  /** What each part of `o` followed: the same field's recent pieces, by part name (none when nothing recent). */
  before(o: Outgoing, decoded: Decoded, now: number): Map<string, Before> {
    const out = new Map<string, Before>();
    for (const p of decoded.parts) {
      const s = this.sent.get(keyOf(o, p.name));
      if (s && now - s.at <= PIECES_WINDOW_MS) out.set(p.name, s.pieces);
    }
    return out;
  }

  /** `o` was sent (or tried): each of its parts becomes its field's latest piece. */
  record(o: Outgoing, decoded: Decoded, now: number): void {
    this.prune(now);
    for (const p of decoded.parts) {
      const key = keyOf(o, p.name);
      const s = this.sent.get(key);
      const recent = s && now - s.at <= PIECES_WINDOW_MS ? s.pieces : [];
      this.sent.set(key, { pieces: kept([...recent, pieceOf(p)]), at: now });
    }
  }

  private prune(now: number): void {
    for (const [key, s] of this.sent) if (now - s.at > PIECES_WINDOW_MS) this.sent.delete(key);
  }
}
