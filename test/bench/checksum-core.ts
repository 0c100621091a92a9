/**
 * A reference point for `npm run bench`: the least a scanner of these drafts does, written for speed
 * and nothing else. One native regex finds whole digit runs of 11–19 (and an X), then an ID by its
 * GB 11643 checksum, a mobile by its 1[3-9] prefix, a card by Luhn, each masked. No normalisation
 * (full-width, spaced or wrapped numbers), no context words, table headers, landlines, masked or
 * legacy IDs, markings. Set beside the floor and the pack, it shows how much of the pack's time
 * those cost: what the floor target would have to leave out.
 */
import { scan } from '../../lib/scan/engine';
import { maskValue } from '../../lib/scan/mask';
import { rules } from '../../rules/index';

const RUN = /(?<![0-9A-Za-z])\d{11,19}[Xx]?(?![0-9A-Za-z])/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function idChecks(s: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11] === s[17]!.toUpperCase();
}

function luhn(s: string): boolean {
  let sum = 0;
  for (let i = s.length - 1, odd = false; i >= 0; i--, odd = !odd) {
    let d = s.charCodeAt(i) - 48;
    if (d > 9) return false;
    if (odd && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function kindOf(s: string): string | null {
  if (s.length === 18 && idChecks(s)) return 'cn-id';
  if (s.length === 11 && s[0] === '1' && s.charCodeAt(1) >= 51) return 'phone';
  if (s.length >= 16 && luhn(s)) return 'bank-card';
  return null;
}

export interface CoreFinding {
  kind: string;
  start: number;
  end: number;
  excerpt: string;
}

/** Each finding is built as the pack builds one (offsets, masked excerpt). */
export function checksumCore(text: string): CoreFinding[] {
  const found: CoreFinding[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const kind = kindOf(m[0]);
    if (kind) found.push({ kind, start: m.index, end: m.index + m[0].length, excerpt: maskValue(m[0]) });
  }
  return found;
}

/** How the core's findings compare with the pack's block findings (same kind, same offsets). */
export function coreAgainstPack(docs: readonly string[]): { packBlocks: number; same: number; extra: number } {
  let packBlocks = 0;
  let same = 0;
  let extra = 0;
  for (const d of docs) {
    const blocks = new Set(scan(d, { rules }).flatMap((f) => (f.severity === 'block' ? [`${f.kind}:${f.start}:${f.end}`] : [])));
    packBlocks += blocks.size;
    for (const f of checksumCore(d)) if (blocks.has(`${f.kind}:${f.start}:${f.end}`)) same++;
    else extra++;
  }
  return { packBlocks, same, extra };
}
