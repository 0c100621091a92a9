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

/** Takes an unreadable input's error; anything else is a bug and is thrown on. */
export type OnInputError = (err: InputError) => void;

const inputErrorsOnly =
  (onError: OnInputError) =>
  (err: unknown): void => {
    if (!(err instanceof InputError)) throw err;
    onError(err);
  };

/** The files the arguments stand for, in order; a file named twice (itself and through its directory) once. */
export async function expandArgs(args: readonly string[], onError: OnInputError): Promise<string[]> {
  const fail = inputErrorsOnly(onError);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const arg of args) {
    const paths = await expandPath(arg).catch((err: unknown) => (fail(err), [] as string[]));
    for (const path of paths) {
      const key = resolve(path);
      if (!seen.has(key)) out.push(path);
      seen.add(key);
    }
  }
  return out;
}

async function scanFile(path: string, rules: readonly Rule[]): Promise<ScannedFile> {
  if (isAttachmentPath(path)) {
    // Spreadsheets, documents, PDFs: findings carry their sheet/cell, part or page (location).
    const result = await scanAttachmentPath(path, rules).catch((err: unknown) => Promise.reject(reasonOf(err, path)));
    if (result.status !== 'scanned') throw new InputError(path, result.reason.zh, result.reason.en);
    return { path, findings: result.findings, lineStarts: [] };
  }
  const { text, locate } = await readInput(path);
  const findings = scan(text, { rules });
  if (locate) {
    for (const f of findings) {
      const location = locate(f.start, f.end);
      if (location) f.location = location;
    }
  }
  return { path, findings, lineStarts: lineStarts(text) };
}

/** Scans files one after another. One unreadable file does not stop the run: it goes to onError at once. */
export async function scanFiles(paths: readonly string[], rules: readonly Rule[], onError: OnInputError): Promise<ScannedFile[]> {
  const fail = inputErrorsOnly(onError);
  const files: ScannedFile[] = [];
  for (const path of paths) {
    try {
      files.push(await scanFile(path, rules));
    } catch (err) {
      fail(err);
    }
  }
  return files;
}

/** Scans every file the arguments stand for, in this process. */
export async function scanPaths(args: readonly string[], rules: readonly Rule[], onError: OnInputError = () => {}): Promise<ScanRun> {
  const errors: InputError[] = [];
  const collect = (err: InputError) => (errors.push(err), onError(err));
  const files = await scanFiles(await expandArgs(args, collect), rules, collect);
  return { files, errors };
}
