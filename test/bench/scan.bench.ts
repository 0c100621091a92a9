/**
 * `npm run bench`: throughput of the rule pack against libphonenumber-js and a one-regex floor, and
 * peak memory at 5 MB and 50 MB. A script, not a test: numbers depend on the machine, so it reports
 * and marks targets met or not, and never fails a build.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { scan } from '../../lib/scan/engine';
import { normalize } from '../../lib/scan/normalize';
import { rules } from '../../rules/index';
import { drafts } from './drafts';
import { throughput } from './measure';

const SEED = 20250101;
const CORPUS_BYTES = 5_000_000;
const REPS = 7;
const TARGET_VS_LIBPHONENUMBER = 5;
const TARGET_VS_FLOOR = 3;

const started = process.hrtime.bigint();
const docs = [...drafts(SEED, CORPUS_BYTES)];
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
const sizes = docs.map((d) => Buffer.byteLength(d) / 1e3);
console.log(
  `corpus: ${docs.length} drafts, ${(bytes / 1e6).toFixed(2)} MB UTF-8 (${Math.round(Math.min(...sizes))}–${Math.round(Math.max(...sizes))} KB each), seed ${SEED}`,
);

// The floor: what any scanner must at least do, one pass of the 18-digit ID pattern.
const FLOOR = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const floorPass = (d: string) => {
  let n = 0;
  FLOOR.lastIndex = 0;
  while (FLOOR.exec(d)) n++;
  return n;
};

const pack = throughput(`rule pack (${rules.length} rules)`, docs, bytes, REPS, (d) => scan(d, { rules }).length);
// libphonenumber is far slower: fewer repetitions keep the bench inside its time budget.
const lib = throughput('libphonenumber-js findPhoneNumbersInText (phones only)', docs, bytes, 3, (d) => findPhoneNumbersInText(d, 'CN').length);
const floor = throughput('single regex (18-digit ID, look-arounds)', docs, bytes, REPS, floorPass);

const fmt = (x: number) => x.toFixed(1).padStart(8);
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log('\npass                                                      MB/s    found   runs (MB/s)');
for (const t of [pack, lib, floor]) {
  console.log(`${t.name.padEnd(54)} ${fmt(t.mbPerSec)} ${pad(t.count, 8)}   ${t.runs.map((x) => x.toFixed(1)).join(' ')}`);
}

const vsLib = pack.mbPerSec / lib.mbPerSec;
const vsFloor = floor.mbPerSec / pack.mbPerSec;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
console.log(`\npack vs libphonenumber: ${vsLib.toFixed(1)}× faster   (target ≥ ${TARGET_VS_LIBPHONENUMBER}×: ${mark(vsLib >= TARGET_VS_LIBPHONENUMBER)})`);
console.log(`pack vs floor:          ${vsFloor.toFixed(1)}× slower   (target ≤ ${TARGET_VS_FLOOR}×: ${mark(vsFloor <= TARGET_VS_FLOOR)})`);

// Where the pack's time goes: a bare copy of each draft (a new string of its UTF-16 units: what any
// scan that works on a normalised copy pays at least, while the floor regex reads the draft in
// place), normalisation alone, then the pack with one rule at a time (each includes the
// normalisation and its rule's trigger pass), so a slow rule stands out against its neighbours.
console.log('\nbreakdown (MB/s, 3 runs each)');
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const unitsOf = new Map(docs.map((d) => [d, Uint16Array.from({ length: d.length }, (_, i) => d.charCodeAt(i))]));
const parts = [
  throughput('copy only (a new string per draft)', docs, bytes, 3, (d) => utf16.decode(unitsOf.get(d)).length),
  throughput('normalize only', docs, bytes, 3, (d) => normalize(d).text.length),
  ...rules.map((r) => throughput(`scan with ${r.id} alone`, docs, bytes, 3, (d) => scan(d, { rules: [r] }).length)),
];
for (const t of parts) console.log(`  ${t.name.padEnd(40)} ${fmt(t.mbPerSec)}`);

const child = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
interface MemoryRun {
  mb: number;
  bytes: number;
  docs: number;
  findings: number;
  seconds: number;
  maxRssKb: number;
  liveHeapMb: number;
}
function memoryRun(mb: number): MemoryRun {
  // execArgv carries tsx's loader, so the child runs TypeScript the same way this script does.
  const r = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, child, String(mb), String(SEED)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`memory child (${mb} MB) failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as MemoryRun;
}
// 0 MB: the process with everything loaded but nothing scanned, to read the others against.
const baseline = memoryRun(0);
const small = memoryRun(5);
const large = memoryRun(50);
console.log('\nstreaming scan (fresh process each)   drafts   findings   seconds   peak RSS   live heap after GC');
for (const [label, m] of [['baseline (nothing scanned)', baseline], ['5 MB', small], ['50 MB', large]] as const) {
  const size = `${label} (${(m.bytes / 1e6).toFixed(1)} MB)`;
  console.log(`${size.padEnd(36)} ${pad(m.docs, 6)} ${pad(m.findings, 10)} ${pad(m.seconds.toFixed(1), 9)} ${pad((m.maxRssKb / 1024).toFixed(0), 7)} MB ${pad(m.liveHeapMb.toFixed(1), 10)} MB`);
}
const rssRatio = large.maxRssKb / small.maxRssKb;
console.log(`peak RSS 50 MB / 5 MB: ${rssRatio.toFixed(2)} (flat memory: ${mark(rssRatio <= 1.5)}, threshold 1.5)`);
console.log(`\nbench took ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s`);
