import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPaths } from '../../lib/cli/scan-files';
import { scanInParallel } from '../../lib/cli/scan-parallel';
import { rules } from '../../rules/index';
import { drafts } from '../bench/drafts';
import { ROOT, runCli } from './run-cli';

const MB = 1_000_000;
const WORKER = pathToFileURL(join(ROOT, 'dist/cli/scan-worker.mjs'));
let dir = '';

// 2.5 MB of drafts and, last (so in the second thread's group), a .docx that is not one.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'precheck-parallel-'));
  let n = 0;
  for (const d of drafts(7, 2.5 * MB)) writeFileSync(join(dir, `draft-${String(n++).padStart(3, '0')}.txt`), d);
  writeFileSync(join(dir, 'zz-broken.docx'), 'not a zip');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a CLI run shared between threads', { timeout: 120_000 }, () => {
  it('reports exactly what one thread reports, the broken file included', async () => {
    const [one, two] = await Promise.all([runCli(['scan', '--format', 'json', dir], 'bin', { PRECHECK_JOBS: '1' }), runCli(['scan', '--format', 'json', dir], 'bin', { PRECHECK_JOBS: '2' })]);
    expect(one.status).toBe(2);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('zz-broken.docx');
    expect(two.stderr).toBe(one.stderr);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
  });

  it('scans with a worker thread when there is text enough for two', async () => {
    const errors: string[] = [];
    const run = await scanInParallel([dir], rules, (e) => errors.push(e.path), { jobs: 2, workerUrl: WORKER, minBytes: MB });
    expect(run.scanners).toBe(2);
    const alone = await scanPaths([dir], rules);
    expect(run.files).toEqual(alone.files);
    expect(errors).toEqual([join(dir, 'zz-broken.docx')]);
  });

  it('scans in one thread when the worker script is missing or the text is short', async () => {
    const missing = await scanInParallel([dir], rules, () => {}, { jobs: 2, workerUrl: new URL('file:///nonexistent/scan-worker.mjs'), minBytes: MB });
    expect(missing.scanners).toBe(1);
    const short = await scanInParallel([dir], rules, () => {}, { jobs: 2, workerUrl: WORKER, minBytes: 10 * MB });
    expect(short.scanners).toBe(1);
  });

  it('scans a failed thread’s files itself: none is lost', async () => {
    const crashing = join(dir, 'crash.mjs');
    writeFileSync(crashing, "throw new Error('scanner thread failed');\n");
    const run = await scanInParallel([dir], rules, () => {}, { jobs: 2, workerUrl: pathToFileURL(crashing), minBytes: MB });
    const alone = await scanPaths([dir], rules);
    expect(run.scanners).toBe(2);
    expect(run.files.map((f) => f.path)).toEqual(alone.files.map((f) => f.path));
    expect(run.errors.map((e) => e.path)).toEqual(alone.errors.map((e) => e.path));
  });
});
