import { resolve } from 'node:path';
import { scan } from '../scan/engine';
import type { Finding, Rule } from '../scan/types';
import { lineStarts } from './line-col';
import { isAttachmentPath, scanAttachmentPath } from '../attachments/scan-file';
import { expandPath, InputError, readInput, reasonOf } from './read-input';

export interface ScannedFile {
  path: string;
  findings: Finding[];
  /** Kept instead of the text so a report can give line:col without holding every draft in memory. */
  lineStarts: number[];
}

export interface ScanRun {
  files: ScannedFile[];
  errors: InputError[];
}

/**
 * Scans every file the arguments stand for. One unreadable file does not stop the run: it is
 * reported (onError, as soon as it happens) and the others are still scanned.
 */
export async function scanPaths(
  args: readonly string[],
  rules: readonly Rule[],
  onError: (err: InputError) => void = () => {},
): Promise<ScanRun> {
  const run: ScanRun = { files: [], errors: [] };
  const fail = (err: unknown) => {
    if (!(err instanceof InputError)) throw err;
    run.errors.push(err);
    onError(err);
  };
  // A file named twice (itself and through its directory) is scanned and reported once.
  const seen = new Set<string>();
  for (const arg of args) {
    let paths: string[];
    try {
      paths = await expandPath(arg);
    } catch (err) {
      fail(err);
      continue;
    }
    for (const path of paths) {
      const key = resolve(path);
      if (seen.has(key)) continue;
      seen.add(key);
      try {
        if (isAttachmentPath(path)) {
          // Spreadsheets, documents, PDFs: findings carry their sheet/cell, part or page (location).
          const result = await scanAttachmentPath(path, rules).catch((err: unknown) => Promise.reject(reasonOf(err, path)));
          if (result.status !== 'scanned') throw new InputError(path, result.reason.zh, result.reason.en);
          run.files.push({ path, findings: result.findings, lineStarts: [] });
          continue;
        }
        const { text, locate } = await readInput(path);
        const findings = scan(text, { rules });
        if (locate) {
          for (const f of findings) {
            const location = locate(f.start, f.end);
            if (location) f.location = location;
          }
        }
        run.files.push({ path, findings, lineStarts: lineStarts(text) });
      } catch (err) {
        fail(err);
      }
    }
  }
  return run;
}
