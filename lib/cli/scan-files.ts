import { resolve } from 'node:path';
import type { Finding, Rule } from '../scan/types';
import { isAttachmentPath, scanAttachmentPath } from '../attachments/scan-file';
import { expandPath, InputError, reasonOf } from './read-input';
import { scanTextFile } from './scan-text-file';

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

export interface ScanSetup {
  rules: readonly Rule[];
  /** The report gives line:col (text format). */
  withLines: boolean;
  onError?: (err: InputError) => void;
}

/**
 * Scans every file the arguments stand for, reported in the order the arguments name them. One
 * unreadable file does not stop the run: it is reported (onError, as soon as it happens) and the
 * others are still scanned.
 */
export async function scanPaths(args: readonly string[], setup: ScanSetup): Promise<ScanRun> {
  const errors: InputError[] = [];
  const fail = (err: unknown) => {
    if (!(err instanceof InputError)) throw err;
    errors.push(err);
    setup.onError?.(err);
  };
  const paths = await expandAll(args, fail);
  const files: ScannedFile[] = [];
  for (const path of paths) {
    try {
      // Spreadsheets, documents, PDFs: findings carry their sheet/cell, part or page (location).
      if (isAttachmentPath(path)) files.push(await scanAttachment(path, setup.rules));
      else files.push({ path, ...(await scanTextFile(path, setup.rules, setup.withLines)) });
    } catch (err) {
      fail(err);
    }
  }
  return { files, errors };
}

/** The files the arguments stand for, each once (a file named itself and through its directory). */
async function expandAll(args: readonly string[], fail: (err: unknown) => void): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const arg of args) {
    let paths: string[] = [];
    try {
      paths = await expandPath(arg);
    } catch (err) {
      fail(err);
    }
    for (const path of paths) {
      const key = resolve(path);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(path);
    }
  }
  return out;
}

async function scanAttachment(path: string, rules: readonly Rule[]): Promise<ScannedFile> {
  const result = await scanAttachmentPath(path, rules).catch((err: unknown) => Promise.reject(reasonOf(err, path)));
  if (result.status !== 'scanned') throw new InputError(path, result.reason.zh, result.reason.en);
  return { path, findings: result.findings, lineStarts: [] };
}
