/**
 * `npm run bench` (second part): the audit log at 100,000 records, in Node over fake-indexeddb.
 * Appends go the real way (mask, link, hash, one transaction each); the peer adds the stored records
 * plainly to a second database, one transaction each, without masking or hashing. Exports are timed against
 * JSON.stringify joined by lines. Reports time and sampled peak memory per phase; never fails a build.
 * fake-indexeddb keeps the whole database in the JS heap, so heap growth while appending is the
 * stored log itself, not the cost of appending.
 */
import 'fake-indexeddb/auto';
import { openAuditDb } from '../../lib/audit/db';
import { toCsv, toJsonl } from '../../lib/audit/export';
import { createAuditService } from '../../lib/audit/service';
import { createAuditReader } from '../../lib/audit/store';
import type { AuditEntry, AuditEvent, AuditRecord } from '../../lib/audit/types';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { Rand } from './prng';
import { mobile, name, residentId } from './values';

const SEED = 20250301;
const N = Number(process.env.AUDIT_BENCH_RECORDS ?? 100_000);
const EVENTS: AuditEvent[] = ['publish-blocked', 'signoff-given', 'publish-allowed', 'publish-outcome', 'finding-overridden'];
const SITES = ['https://www.pingluo.gov.example', 'https://zwgk.pingluo.gov.example', 'http://10.64.1.20:8080', 'https://jyj.pingluo.gov.example'];
const CHANNELS = ['通知公告', '政策文件', '人事信息', '财政预决算', '政府采购', '公示公告'];

const started = process.hrtime.bigint();
const rand = new Rand(SEED);
const editors = Array.from({ length: 30 }, () => name(rand));
const reviewers = Array.from({ length: 8 }, () => name(rand));

/** An entry as the parts of Precheck send them; one in twenty carries a raw ID or mobile in its title. */
function makeEntry(i: number): AuditEntry {
  const event = rand.pick(EVENTS);
  const hex = (n: number) => Array.from({ length: n }, () => rand.int(0, 15).toString(16)).join('');
  const raw = rand.chance(0.05) ? ` ${rand.chance(0.5) ? residentId(rand) : mobile(rand)}` : '';
  const origin = rand.pick(SITES);
  return {
    event,
    origin,
    url: `${origin}/cms/article/edit.do?id=${100000 + i}`,
    title: `关于${rand.pick(['城关镇', '黄渠桥镇', '宝丰镇'])}第${rand.int(1, 40)}批项目的公示${raw}`,
    channel: rand.pick(CHANNELS),
    category: String(rand.int(1, 15)).padStart(2, '0'),
    disclosure: '主动公开',
    editor: rand.pick(editors),
    ...(event === 'signoff-given' || event === 'publish-allowed'
      ? { signers: [{ id: `r${rand.int(1, 8)}`, name: rand.pick(reviewers), role: 'reviewer' as const, at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString() }] }
      : {}),
    digest: hex(64),
    bodyDigest: hex(64),
    findings: { total: 2, counts: { 'cn-id': { block: 1 }, phone: { warn: 1 } }, excerpts: ['640*************1X', '139******78'] },
    detail: event === 'finding-overridden' ? { ruleId: 'mobile', reason: '单位公开的办公电话' } : event === 'publish-outcome' ? { status: 200 } : { reason: 'finding-block' },
  };
}

interface Phase<T> {
  name: string;
  value: T;
  seconds: number;
  peakHeapMb: number;
  peakRssMb: number;
  /** Heap after the phase minus heap before (after a GC when --expose-gc is on). */
  heapGrowthMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 1e6;

/** Runs `work`, sampling memory every 20 ms (and at the end: a synchronous phase yields no samples). */
async function phase<T>(label: string, work: () => Promise<T> | T): Promise<Phase<T>> {
  gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, 20);
  const t0 = process.hrtime.bigint();
  const value = await work();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(timer);
  sample();
  gc?.();
  return { name: label, value, seconds, peakHeapMb: mb(peakHeap), peakRssMb: mb(peakRss), heapGrowthMb: mb(process.memoryUsage().heapUsed - before.heapUsed) };
}

const rows: Phase<unknown>[] = [];
async function timed<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const p = await phase(label, work);
  rows.push(p);
  console.log(`  ${label.padEnd(48)} ${p.seconds.toFixed(2).padStart(7)} s`);
  return p.value;
}

console.log(`audit log bench: ${N.toLocaleString('en')} records, seed ${SEED}${gc ? '' : ' (no --expose-gc: heap growth includes garbage)'}`);

// The real path: mask → link → hash → one readwrite transaction per record.
const db = await openAuditDb('bench-audit');
// A record a minute from 2025-01-01: 100,000 of them span ten weeks, so a day's filter means something.
let clock = new Date(2025, 0, 1, 8).getTime();
const now = () => new Date((clock += 60_000));
const service = createAuditService({ db, policy: () => DEFAULT_POLICY, fetch: () => Promise.reject(new Error('offline')), now });
// Entries are made as they are appended, as in use: the bench holds no second copy of the log.
await timed('append (mask + hash chain + idb, 1 tx each)', async () => {
  for (let i = 0; i < N; i++) {
    const r = await service.append(makeEntry(i));
    if (!r.ok) throw new Error(r.message.en);
  }
});

// The peer: the stored records again, added plainly to another database, one transaction each.
const reader = createAuditReader(db);
const peerDb = await openAuditDb('bench-peer');
let stored: AuditRecord[] = await reader.all();
await timed('peer: plain idb add (no mask, no hash, 1 tx each)', async () => {
  for (const r of stored) {
    const tx = peerDb.transaction('records', 'readwrite');
    await Promise.all([tx.store.add(r), tx.done]);
  }
});
stored = [];
peerDb.close();
indexedDB.deleteDatabase('bench-peer');

const verify = await timed('verify the whole chain', () => service.verify());
if (!verify.ok) throw new Error(`verify failed: ${verify.message.en}`);

const middle = (await reader.get(Math.floor(N / 2)))!.time;
const day = middle.slice(0, 10);
const dayOffset = middle.slice(-6);
const oneDay = { from: `${day}T00:00:00.000${dayOffset}`, to: `${day}T23:59:59.999${dayOffset}` };
const text = { text: '宝丰镇第7批' };
// The table reads pages of 200 as they scroll into view: a filter's first page, then the next ones.
// The reader keeps a filter's matching seqs until the log changes, so a later page reads only its rows.
const queries: [string, () => Promise<unknown>][] = [
  ['query: newest page of 200', () => reader.query({}, 0, 200)],
  [`query: page at offset ${(N >> 1).toLocaleString('en')}`, () => reader.query({}, N >> 1, 200)],
  ['query: event filter, first page', () => reader.query({ event: 'publish-allowed' }, 0, 200)],
  ['query: event filter, next page', () => reader.query({ event: 'publish-allowed' }, 200, 200)],
  ['query: text query first page', () => reader.query(text, 0, 200)],
  ['query: text query next page', () => reader.query(text, 200, 200)],
  ['query: text query page 5', () => reader.query(text, 1000, 200)],
  [`query: one day (${day}), first page`, () => reader.query(oneDay, 0, 200)],
  [`query: one day (${day}), next page`, () => reader.query(oneDay, 200, 200)],
  ['facets', () => reader.facets()],
];
for (const [label, run] of queries) await timed(label, run);
// A record appended while the table is open: the next queries must see it (only it is read and tested).
const appended = await service.append(makeEntry(N));
if (!appended.ok) throw new Error(appended.message.en);
await timed('query: text query first page after an append', () => reader.query(text, 0, 200));
await timed('query: text query next page after an append', () => reader.query(text, 200, 200));
await timed(`query: page at offset ${(N >> 1).toLocaleString('en')} after an append`, () => reader.query({}, N >> 1, 200));

let all: AuditRecord[] = [];
await timed('read every record for export (reader.all)', async () => {
  all = await reader.all();
});
const csv = await timed('toCsv (papaparse, BOM, flattened)', () => toCsv(all, 'zh'));
const jsonl = await timed('toJsonl', () => toJsonl(all));
const peerExport = await timed('peer: records.map(JSON.stringify).join', () => all.map((r) => JSON.stringify(r)).join('\n'));
// Appends after the bench data (verify) are part of the log too.
console.log(`  exported ${all.length.toLocaleString('en')} records: CSV ${mb(Buffer.byteLength(csv)).toFixed(1)} MB, JSONL ${mb(Buffer.byteLength(jsonl)).toFixed(1)} MB, peer ${mb(Buffer.byteLength(peerExport)).toFixed(1)} MB`);

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log('\nphase                                               seconds   peak heap   peak RSS   heap growth');
for (const p of rows) {
  console.log(`${p.name.padEnd(50)} ${pad(p.seconds.toFixed(2), 8)} ${pad(p.peakHeapMb.toFixed(0), 8)} MB ${pad(p.peakRssMb.toFixed(0), 7)} MB ${pad(p.heapGrowthMb.toFixed(0), 9)} MB`);
}

const byName = (prefix: string) => rows.find((r) => r.name.startsWith(prefix))!;
const ratio = (a: Phase<unknown>, b: Phase<unknown>) => (a.seconds / b.seconds).toFixed(2);
const append = byName('append');
const perAppendMs = (append.seconds / N) * 1e3;
console.log(`\nappend vs plain idb add:  ${ratio(append, byName('peer: plain'))}×  (${perAppendMs.toFixed(3)} ms per append)`);
console.log(`toCsv vs JSON join:       ${ratio(byName('toCsv'), byName('peer: records'))}×`);
console.log(`toJsonl vs JSON join:     ${ratio(byName('toJsonl'), byName('peer: records'))}×`);
console.log(`\nbench took ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s`);
