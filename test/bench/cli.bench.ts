/**
 * Whole-process timing of the prebuilt CLI, side by side with libphonenumber-js finding phone
 * numbers alone (test/bench/libphonenumber-files.mjs): how long `precheck scan` takes to start (a
 * one-line file) and to scan 5 MB of drafts, medians of alternated runs, as ratios. Part of
 * `npm run bench`; reports, never fails a build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../lib/cli/build.mjs';
import { drafts } from './drafts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = 20250101;
const TARGET_START_MS = 150;
const TARGET_VS_PEER = 0.25;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Wall time of one run of `node args...`, in ms; its output is thrown away (a report of 13 000 lines). */
function run(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // precheck exits 1 when it finds a block finding; anything else is a broken run.
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Medians of `reps` alternated runs of each command. */
function alternate(commands: Record<string, string[]>, reps: number): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const args of Object.values(commands)) run(args); // warm the file cache
  for (let i = 0; i < reps; i++) for (const [k, args] of Object.entries(commands)) times[k]!.push(run(args));
  return Object.fromEntries(Object.entries(times).map(([k, t]) => [k, median(t)]));
}

await buildCli();
const dir = mkdtempSync(join(tmpdir(), 'precheck-bench-'));
try {
  const corpus = join(dir, 'corpus');
  const tiny = join(dir, 'one-line.txt');
  writeFileSync(tiny, '联系人：张三  手机：13912345678\n');
  let bytes = 0;
  let n = 0;
  const { mkdirSync } = await import('node:fs');
  mkdirSync(corpus);
  for (const d of drafts(SEED, 5_000_000)) {
    writeFileSync(join(corpus, `draft-${String(n++).padStart(3, '0')}.txt`), d);
    bytes += Buffer.byteLength(d);
  }
  const peer = 'test/bench/libphonenumber-files.mjs';
  const start = alternate({ node: ['-e', ''], precheck: ['bin/precheck.cjs', 'scan', tiny], peer: [peer, tiny] }, 11);
  const whole = alternate({ precheck: ['bin/precheck.cjs', 'scan', corpus], peer: [peer, corpus] }, 5);

  const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
  console.log(`\nwhole process (wall time, medians of alternated runs; ${n} drafts, ${(bytes / 1e6).toFixed(2)} MB)`);
  console.log(`  node -e ''                                   ${ms(start.node!)}`);
  console.log(`  precheck scan, one line                      ${ms(start.precheck!)}   (target ≤ ${TARGET_START_MS} ms: ${mark(start.precheck! <= TARGET_START_MS)})`);
  console.log(`  libphonenumber-js, one line                  ${ms(start.peer!)}   precheck/peer ${(start.precheck! / start.peer!).toFixed(2)}×`);
  console.log(`  precheck scan, 5 MB                          ${ms(whole.precheck!)}`);
  console.log(`  libphonenumber-js (phones only), 5 MB        ${ms(whole.peer!)}`);
  const ratio = whole.precheck! / whole.peer!;
  console.log(`  precheck / libphonenumber-js: ${ratio.toFixed(2)}×   (target ≤ ${TARGET_VS_PEER}×: ${mark(ratio <= TARGET_VS_PEER)})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
