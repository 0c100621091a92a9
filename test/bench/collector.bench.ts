/**
 * `npm run bench` (collector part): 100 simulated browsers × 1,000 records each, sent as the
 * extension sends them (batches of 200 with an Idempotency-Key and the unit's token, each browser
 * one batch after another, all browsers at once) to a collector on loopback — once on the embedded
 * database (PGlite in a temp folder) and once on PostgreSQL (a throwaway Debian postgresql cluster
 * with its default, durable settings), side by side. Reports throughput, p95 ingest latency per
 * batch, and the database size per 100,000 records, with the PostgreSQL / PGlite ratios. Never fails
 * a build. COLLECTOR_BENCH_BROWSERS / COLLECTOR_BENCH_RECORDS change the load.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { linkRecord, type ChainLink } from '../../lib/audit/chain';
import { BATCH } from '../../lib/audit/collector';
import { maskEntry } from '../../lib/audit/mask';
import type { AuditEntry, AuditEvent, AuditRecord } from '../../lib/audit/types';
import { addUnit } from '../../lib/collector/auth/units';
import { configFromEnv } from '../../lib/collector/config';
import { openDatabase, type Database } from '../../lib/collector/db/database';
import { migrate } from '../../lib/collector/db/migrations';
import { quiet } from '../../lib/collector/log';
import { startServer } from '../../lib/collector/server';
import { pgUnavailable, startPgCluster } from '../helpers/pg-cluster';
import { Rand } from './prng';
import { name } from './values';

const BROWSERS = Number(process.env.COLLECTOR_BENCH_BROWSERS ?? 100);
const RECORDS = Number(process.env.COLLECTOR_BENCH_RECORDS ?? 1000);
const UNITS = 10;
const EVENTS: AuditEvent[] = ['publish-blocked', 'signoff-given', 'publish-allowed', 'publish-outcome', 'finding-overridden', 'post-publish-check'];

function entry(rand: Rand, i: number): AuditEntry {
  const event = rand.pick(EVENTS);
  const origin = 'https://www.pingluo.gov.example';
  const at = '2025-03-01T09:10:00+08:00';
  return {
    event,
    origin,
    url: `${origin}/cms/article/edit.do?id=${100000 + i}`,
    title: `关于${rand.pick(['城关镇', '黄渠桥镇', '宝丰镇'])}第${rand.int(1, 40)}批项目的公示`,
    channel: '公示公告',
    category: '12 社会救助',
    disclosure: '主动公开',
    editor: name(rand),
    digest: Array.from({ length: 64 }, () => rand.int(0, 15).toString(16)).join(''),
    findings: { total: 1, counts: { phone: { warn: 1 } }, excerpts: ['139****5678'] },
    ...(event !== 'publish-blocked' && { signers: [{ id: 'r1', name: name(rand), role: 'reviewer' as const, at }] }),
    ...(event === 'finding-overridden' && { detail: { ruleId: 'mobile', reason: '办公电话，可以公开', excerpt: '139****5678' } }),
  };
}

/** Each browser's log, chained and masked as the extension writes it (made before any timing). */
function browsers(): AuditRecord[][] {
  const rand = new Rand(20250301);
  return Array.from({ length: BROWSERS }, () => {
    let prev: ChainLink | undefined;
    return Array.from({ length: RECORDS }, (_, i) => {
      const r = linkRecord(prev, maskEntry(entry(rand, i)), { id: randomUUID(), time: `2025-03-01T09:${String(i % 60).padStart(2, '0')}:00.000+08:00`, policyVersion: 'bench' });
      prev = { seq: r.seq, hash: r.hash };
      return r;
    });
  });
}

interface Result {
  label: string;
  seconds: number;
  recordsPerS: number;
  p95ms: number;
  bytesPer100k: number;
  stored: number;
  /** Requests that failed on the network and were sent again (the latency includes them). */
  retries: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** One browser: its log in batches, one after another; as the extension does, a batch whose request
 * failed is sent again under the same key. Returns how many requests were sent again. */
async function sendLog(url: string, token: string, log: AuditRecord[], latencies: number[]): Promise<number> {
  const installation = randomUUID();
  let retries = 0;
  for (let i = 0; i < log.length; i += BATCH) {
    const body = JSON.stringify({ installation, records: log.slice(i, i + BATCH) });
    const headers = { 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization: `Bearer ${token}` };
    const t0 = performance.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${url}/api/v1/records`, { method: 'POST', headers, body });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        break;
      } catch (e) {
        if (attempt >= 5) throw e;
        retries++;
      }
    }
    latencies.push(performance.now() - t0);
  }
  return retries;
}

async function run(label: string, db: Database, logs: AuditRecord[][]): Promise<Result> {
  await migrate(db);
  const tokens = await Promise.all(Array.from({ length: UNITS }, (_, u) => addUnit(db, `单位${u + 1}`)));
  const config = { ...configFromEnv({}), port: 0, ingestLimit: { max: 1_000_000, windowMs: 60_000 } };
  const server = await startServer(db, config);
  const sizeBefore = await size(db);
  const latencies: number[] = [];
  const started = performance.now();
  const sent = await Promise.all(logs.map((log, b) => sendLog(server.url, tokens[b % UNITS]!, log, latencies)));
  const retries = sent.reduce((x, y) => x + y, 0);
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM records');
  await db.exec('CHECKPOINT');
  const bytes = (await size(db)) - sizeBefore;
  await server.close();
  const stored = rows[0]!.n;
  return { label, seconds, recordsPerS: stored / seconds, p95ms: percentile(latencies, 95), bytesPer100k: (bytes / stored) * 100_000, stored, retries };
}

async function size(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n');
  return Number(rows[0]!.n);
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  console.log(`collector bench: ${BROWSERS} browsers × ${RECORDS} records, batches of ${BATCH}, ${UNITS} units`);
  const logs = browsers();
  quiet();
  const results: Result[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'precheck-collector-bench-'));
  try {
    const lite = await openDatabase({ dataDir: dir });
    results.push(await run('PGlite (embedded)', lite, logs));
    await lite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const skip = pgUnavailable();
  if (skip) console.log(`PostgreSQL skipped: ${skip}`);
  else {
    const cluster = await startPgCluster({ durable: true });
    try {
      const pg = await openDatabase({ databaseUrl: cluster.url, dataDir: '' });
      results.push(await run('PostgreSQL 15', pg, logs));
      await pg.close();
    } finally {
      await cluster.stop();
    }
  }
  console.table(
    results.map((r) => ({
      database: r.label,
      records: r.stored,
      seconds: r.seconds.toFixed(1),
      'records/s': Math.round(r.recordsPerS),
      'p95 batch ms': Math.round(r.p95ms),
      'size / 100k records': mb(r.bytesPer100k),
      'resent batches': r.retries,
    })),
  );
  const [lite, pg] = results;
  if (lite && pg) {
    console.log(
      `PostgreSQL / PGlite: throughput ×${(pg.recordsPerS / lite.recordsPerS).toFixed(2)}, p95 latency ×${(pg.p95ms / lite.p95ms).toFixed(2)}, size ×${(pg.bytesPer100k / lite.bytesPer100k).toFixed(2)}`,
    );
  }
}

await main();
