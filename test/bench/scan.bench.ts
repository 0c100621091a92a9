/**
 * `npm run bench`: throughput of the rule pack against libphonenumber-js and a one-regex floor, and
 * peak memory at 5 MB and 50 MB. A script, not a test: numbers depend on the machine, so it reports
 * and marks targets met or not, and never fails a build.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { candidatePass, wordTable } from '../../lib/scan/candidates';
import { scan } from '../../lib/scan/engine';
import { rules } from '../../rules/index';
import { checksumCore, coreAgainstPack } from './checksum-core';
import { drafts } from './drafts';
import { compare, roundRatio } from './measure';

const SEED = 20250101;
const CORPUS_BYTES = 5_000_000;
const REPS = 7;
const TARGET_VS_LIBPHONENUMBER = 10;
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
// The engine's own pass over the draft (lib/scan/candidates.ts), with every rule's trigger words.
const words = wordTable(rules.flatMap((r) => ('candidates' in r && r.candidates && 'words' in r.candidates ? r.candidates.words : [])));

// Every pass takes its turn in each round, libphonenumber too, so each ratio below is taken round
// by round between passes that ran seconds apart: load that comes and goes on a shared machine
// moves both sides of a ratio alike.
const t = compare(
  {
    pack: (d) => scan(d, { rules }).length,
    floor: floorPass,
    pass: (d) => candidatePass(d, words).runs.length,
    core: (d) => checksumCore(d).length,
    lib: (d) => findPhoneNumbersInText(d, 'CN').length,
  },
  docs,
  bytes,
  REPS,
);
const lib = t.lib!;

const fmt = (x: number) => x.toFixed(1).padStart(8);
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log('\npass (in process, MB/s of CPU time, median of alternated rounds)   MB/s    found   rounds');
const rows: [string, (typeof t)[string]][] = [
  [`rule pack (${rules.length} rules)`, t.pack!],
  ['libphonenumber-js findPhoneNumbersInText (phones only)', lib],
  ['single regex (18-digit ID, look-arounds): the floor', t.floor!],
  ["the engine's pass alone (runs, words, lines)", t.pass!],
  ['checksum core (test/bench/checksum-core.ts): no context, no shapes', t.core!],
];
for (const [name, r] of rows) console.log(`${name.padEnd(66)} ${fmt(r.mbPerSec)} ${pad(r.count, 8)}   ${r.runs.map((x) => x.toFixed(0)).join(' ')}`);

const vsLib = roundRatio(t.pack!, lib);
const vsFloor = roundRatio(t.floor!, t.pack!);
const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
console.log(`\npack vs libphonenumber: ${vsLib.toFixed(1)}× faster   (target ≥ ${TARGET_VS_LIBPHONENUMBER}×: ${mark(vsLib >= TARGET_VS_LIBPHONENUMBER)})`);
console.log(`pack vs floor:          ${vsFloor.toFixed(1)}× slower   (target ≤ ${TARGET_VS_FLOOR}×: ${mark(vsFloor <= TARGET_VS_FLOOR)})`);
console.log(`  (each the median of the ${REPS} rounds' own ratios)`);
const core = coreAgainstPack(docs);
console.log(`  the checksum core is ${roundRatio(t.floor!, t.core!).toFixed(1)}× the floor: of the pack's ${core.packBlocks} block findings it finds ${core.same} (not the markings),`);
console.log(`  and reports ${core.extra} numbers the pack's context words and tables warn of or leave quiet; the pack's other time is that context and the shapes`);
console.log(`  the pass alone is ${roundRatio(t.floor!, t.pass!).toFixed(1)}× the floor: it reads every character, the floor's regex skips ahead 18 at a time`);

// Where the pack's time goes: the pack with one rule at a time (each includes the pass), so a slow
// rule stands out against its neighbours.
console.log('\nbreakdown (MB/s of CPU time, 3 rounds each)');
const parts = compare(Object.fromEntries(rules.map((r) => [`scan with ${r.id} alone`, (d: string) => scan(d, { rules: [r] }).length])), docs, bytes, 3);
for (const p of Object.values(parts)) console.log(`  ${p.name.padEnd(40)} ${fmt(p.mbPerSec)}`);

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
