import type { LineIndex } from './lines';

/**
 * A number token: a maximal run of [0-9A-Za-z] in the normalised text with at least seven digits in a
 * row, or (masked) a maximal run of [0-9A-Za-z*] holding a '*' and a digit. The number rules'
 * look-arounds ((?<![0-9A-Za-z]) ... (?![0-9A-Za-z])) make every match of theirs cover such a token.
 *
 * Tokens are read from the lines holding a run of the pass, by regular expression (V8 runs those as
 * native code from the first draft on, where a loop over characters would first be interpreted).
 * They are handed over as they are found, not stored: a draft has tens of thousands of them.
 */
export type OnToken = (start: number, end: number, masked: boolean, line: number, lineText: string, lineStart: number) => void;

const NUMERIC = /(?<![0-9A-Za-z])(?=[0-9A-Za-z]*?\d{7})[0-9A-Za-z]+/g;
const MASKED = /(?<![0-9A-Za-z*])(?=[0-9A-Za-z*]*?\*)(?=[0-9A-Za-z*]*?\d)[0-9A-Za-z*]+/g;

function tokensOf(re: RegExp, masked: boolean, text: string, line: number, base: number, on: OnToken): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) on(base + m.index, base + m.index + m[0].length, masked, line, text, base);
}

/** The tokens of the lines holding the pass's number runs (normalised [start, end) pairs, flat, ascending). */
export function numberTokens(lines: LineIndex, runs: readonly number[], on: OnToken): void {
  let last = -1;
  for (let r = 0; r < runs.length; r += 2) {
    const line = lines.lineOf(runs[r]!);
    if (line === last) continue;
    last = line;
    const text = lines.lineText(line);
    const base = lines.start(line);
    tokensOf(NUMERIC, false, text, line, base, on);
    if (text.includes('*')) tokensOf(MASKED, true, text, line, base, on);
  }
}
