import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isAttachmentPath } from '../attachments/scan-file';
import { readableExtensions, readerFor, type ReadResult } from './readers';

export function isScannable(path: string): boolean {
  return readerFor(path) !== undefined || isAttachmentPath(path);
}

/** Why a path could not be read, in both languages; never quotes the file's content. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`precheck: 无法读取文件 ${path}（${zh}） / cannot read ${path}: ${en}`);
  }
}

export function reasonOf(err: unknown, path: string): InputError {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return new InputError(path, '不存在', 'not found');
    case 'EACCES':
    case 'EPERM':
      return new InputError(path, '没有读取权限', 'permission denied');
    case 'EISDIR':
      return new InputError(path, '是目录', 'is a directory');
    default:
      return new InputError(path, `错误 ${code ?? String(err)}`, `error ${code ?? String(err)}`);
  }
}

/**
 * The files an argument stands for: a file itself, or the scannable files under a directory,
 * recursively, sorted by path so runs are reproducible. Hidden entries (.git, .cache) are skipped.
 */
export async function expandPath(arg: string): Promise<string[]> {
  let info;
  try {
    info = await stat(arg);
  } catch (err) {
    throw reasonOf(err, arg);
  }
  if (!info.isDirectory()) {
    if (!isScannable(arg)) {
      throw new InputError(arg, `不支持的文件类型，只支持 ${readableExtensions()}`, `unsupported file type (only ${readableExtensions()})`);
    }
    return [arg];
  }
  const found: string[] = [];
  await walk(arg, found);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw reasonOf(err, dir);
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    // Symlinked files are followed; symlinked directories are not, so a link loop cannot hang a run.
    else if ((e.isFile() || (e.isSymbolicLink() && (await stat(p).catch(() => null))?.isFile())) && isScannable(p)) out.push(p);
  }
}

/** The text Precheck scans for one file, and where in the file each stretch of it stands. */
export async function readInput(path: string): Promise<ReadResult> {
  const reader = readerFor(path);
  if (!reader) throw new InputError(path, `不支持的文件类型，只支持 ${readableExtensions()}`, `unsupported file type (only ${readableExtensions()})`);
  let bytes: Buffer;
  try {
    // Files are read one after another anyway; the sync read skips the promise API's file handle
    // round trips (about a millisecond a file here, a tenth of a 5 MB run's reading).
    bytes = readFileSync(path);
  } catch (err) {
    throw reasonOf(err, path);
  }
  return reader(bytes, path);
}
