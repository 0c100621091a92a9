/**
 * Does a request carry the draft? Recognised on normalised text, so markup, entities, whitespace,
 * punctuation, full-width forms and the encoding of the body do not matter: the draft's letters and
 * digits are cut into overlapping 8-character shingles, a hash-chosen quarter of them is kept (the
 * same quarter on both sides, so sampling never changes the answer on average), and a request carries
 * the draft when it holds a substantial share of them — 30 %, or 100 sampled shingles (about 800
 * characters of the draft in one piece), whichever comes first. Drafts shorter than a few shingles are
 * compared whole.
 */
const K = 8;
const KEEP_ONE_IN = 4;
const SHARE = 0.3;
const ENOUGH = 100;
/** Fewer letters than this is not a draft (an empty editor, a title-length stub). */
const MIN_LETTERS = 10;
const BASE = 0x01000193;

const NOT_LETTER = /[^\p{L}\p{N}]+/gu;

/** Letters and digits only, folded: what both sides of a comparison are reduced to. */
export function letters(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOT_LETTER, '');
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Calls `fn` with the mixed hash of every sampled K-character window of `s`. */
function sampledShingles(s: string, fn: (hash: number) => void): void {
  if (s.length < K) return;
  let drop = 1;
  for (let i = 0; i < K - 1; i++) drop = Math.imul(drop, BASE);
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    if (i >= K) h = (h - Math.imul(s.charCodeAt(i - K), drop)) | 0;
    h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
    if (i >= K - 1) {
      const m = mix(h);
      if (m % KEEP_ONE_IN === 0) fn(m);
    }
  }
}

export interface DraftFingerprint {
  /** The draft reduced by `letters`. */
  norm: string;
  sample: ReadonlySet<number>;
  /** The draft's length in characters: how much a sealed request must hold to be it (lib/gate/sealed.ts). */
  length: number;
}

export function fingerprintDraft(text: string): DraftFingerprint | null {
  const norm = letters(text);
  if (norm.length < MIN_LETTERS) return null;
  const sample = new Set<number>();
  sampledShingles(norm, (h) => sample.add(h));
  return { norm, sample, length: text.length };
}

/**
 * fingerprintDraft(text) !== null, cheaply: letters of a growing prefix are counted, so a long draft
 * answers after its first few hundred characters (the last round reads the whole text: exact).
 */
export function hasDraftLetters(text: string): boolean {
  for (let end = 256; ; end *= 4) {
    if (letters(text.slice(0, end)).length >= MIN_LETTERS) return true;
    if (end >= text.length) return false;
  }
}

export interface Containment {
  /** Share of the draft's sampled shingles found in the text, 0 … 1. */
  share: number;
  matched: number;
}

export function containment(draft: DraftFingerprint, text: string): Containment {
  const norm = letters(text);
  // A short draft has too few sampled shingles to count: it must appear whole, or nearly — the page's
  // own copy may be a keystroke or two behind the editor (a CI run saw emlog's timed autosave send a
  // 17-letter draft without its last letter, and it passed as not the draft).
  if (draft.sample.size < 8) {
    const whole = norm.includes(draft.norm) || holdsMostOf(norm, draft.norm);
    return { share: whole ? 1 : 0, matched: whole ? draft.sample.size : 0 };
  }
  const seen = new Set<number>();
  sampledShingles(norm, (h) => {
    if (draft.sample.has(h)) seen.add(h);
  });
  return { share: seen.size / draft.sample.size, matched: seen.size };
}

/** Share of a short draft that, as its start or its end in one piece, counts as the draft. */
const MOST = 0.8;

/** Does `norm` hold the start or the end of `draft` (letters), at least MOST of it and MIN_LETTERS? */
function holdsMostOf(norm: string, draft: string): boolean {
  const n = Math.max(MIN_LETTERS, Math.ceil(draft.length * MOST));
  return n < draft.length && (norm.includes(draft.slice(0, n)) || norm.includes(draft.slice(draft.length - n)));
}

export function carriesDraft(draft: DraftFingerprint | null, text: string): boolean {
  if (!draft) return false;
  const c = containment(draft, text);
  return c.share >= SHARE || c.matched >= ENOUGH;
}
