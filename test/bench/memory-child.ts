/**
 * Child process of the bench: scans `MB` megabytes of drafts generated one at a time, so only one
 * draft is alive at once, and reports its peak RSS. A fresh process per size keeps one run's heap
 * from inflating the other's number.
 */
import { scan } from '../../lib/scan/engine';
import { rules } from '../../rules/index';
import { drafts } from './drafts';

const mb = Number(process.argv[2]);
const seed = Number(process.argv[3]);
let bytes = 0;
let findings = 0;
let docs = 0;
const t0 = process.hrtime.bigint();
for (const d of drafts(seed, mb * 1e6)) {
  bytes += Buffer.byteLength(d);
  findings += scan(d, { rules }).length;
  docs++;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
// Peak RSS also holds garbage V8 had not yet collected; the live heap after a full GC tells a
// retained draft (a leak) apart from a heap that merely grew.
(globalThis as { gc?: () => void }).gc?.();
const liveHeapMb = process.memoryUsage().heapUsed / 1e6;
// maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ mb, bytes, docs, findings, seconds, maxRssKb: process.resourceUsage().maxRSS, liveHeapMb }) + '\n');
