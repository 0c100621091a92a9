import { scan } from '../scan/engine';
import type { Finding, Rule } from '../scan/types';
import { lineStarts } from './line-col';
import { readInput } from './read-input';

export interface ScannedText {
  findings: Finding[];
  /** Line starts for a report that gives line:col; empty when the report does not need them. */
  lineStarts: number[];
}

/** One draft file (.txt, .md, .html) read and scanned, its findings located where its reader can. */
export async function scanTextFile(path: string, rules: readonly Rule[], withLines: boolean): Promise<ScannedText> {
  const { text, locate } = await readInput(path);
  const findings = scan(text, { rules });
  if (locate) {
    for (const f of findings) {
      const location = locate(f.start, f.end);
      if (location) f.location = location;
    }
  }
  return { findings, lineStarts: withLines ? lineStarts(text) : [] };
}
