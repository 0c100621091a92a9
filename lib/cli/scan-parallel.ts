/**
 * A CLI run over megabytes of drafts, shared between threads: the main thread scans the first group
 * of files and a worker each of the others, and the report keeps the files' order. A worker that
 * fails has its group scanned again here, so a thread problem never loses a file.
 */
import { existsSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Rule } from '../scan/types';
import { planGroups } from './plan-groups';
import { InputError } from './read-input';
import { expandArgs, scanFiles, type OnInputError, type ScanRun, type ScannedFile } from './scan-files';

export interface WorkerReply {
  files: ScannedFile[];
  errors: { path: string; zh: string; en: string }[];
}

export interface ParallelOptions {
  jobs: number;
  /** The bundled scan-worker.mjs; without it (a run from the sources) everything is scanned here. */
  workerUrl: URL;
  /** Below this much text per thread a worker's start and cold JIT cost more than they save. */
  minBytes: number;
}

const sizeOf = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

function inWorker(paths: readonly string[], url: URL): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: { paths } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`scanner thread exited ${code}`)));
  });
}

async function scanGroup(paths: readonly string[], rules: readonly Rule[], onError: OnInputError, url: URL | null): Promise<ScannedFile[]> {
  if (!url) return scanFiles(paths, rules, onError);
  const reply = await inWorker(paths, url).catch(() => null);
  if (!reply) return scanFiles(paths, rules, onError);
  for (const e of reply.errors) onError(new InputError(e.path, e.zh, e.en));
  return reply.files;
}

export async function scanInParallel(args: readonly string[], rules: readonly Rule[], onError: OnInputError, opts: ParallelOptions): Promise<ScanRun & { scanners: number }> {
  const errors: InputError[] = [];
  const collect = (err: InputError) => (errors.push(err), onError(err));
  const paths = await expandArgs(args, collect);
  const url = existsSync(opts.workerUrl) ? opts.workerUrl : null;
  const groups = (url ? planGroups(paths.map(sizeOf), opts.jobs, opts.minBytes) : [paths.map((_, i) => i)]).map((g) => g.map((i) => paths[i]!));
  // Workers first, so they start while this thread scans the first group.
  const rest = groups.slice(1).map((g) => scanGroup(g, rules, collect, url));
  const first = await scanFiles(groups[0]!, rules, collect);
  const files = [first, ...(await Promise.all(rest))].flat();
  return { files, errors, scanners: groups.length };
}
