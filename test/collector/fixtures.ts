/**
 * What the collector tests share: both databases (PGlite in memory, a throwaway PostgreSQL cluster),
 * a running server on loopback, records chained by the extension's own code, and a POST helper.
 */
import { randomUUID } from 'node:crypto';
import { linkRecord, type ChainLink } from '../../lib/audit/chain';
import { maskEntry } from '../../lib/audit/mask';
import type { AuditEntry, AuditRecord } from '../../lib/audit/types';
import { configFromEnv, CHROME_EXTENSION_ORIGIN, type CollectorConfig } from '../../lib/collector/config';
import { openDatabase, type Database } from '../../lib/collector/db/database';
import { migrate } from '../../lib/collector/db/migrations';
import { IN_MEMORY } from '../../lib/collector/db/pglite';
import { startServer, type RunningServer } from '../../lib/collector/server';
import { pgUnavailable, startPgCluster, type PgCluster } from '../helpers/pg-cluster';

export type Kind = 'pglite' | 'postgres';

export const DATABASE_KINDS: { kind: Kind; skip: string | undefined }[] = [
  { kind: 'pglite', skip: undefined },
  { kind: 'postgres', skip: pgUnavailable() },
];

export interface TestDb {
  db: Database;
  /** Another connection to the same database (a second instance); PGlite has only one. */
  second?: Database;
  /** DATABASE_URL of a PostgreSQL test database. */
  url?: string;
  close(): Promise<void>;
}

export async function openTestDb(kind: Kind): Promise<TestDb> {
  if (kind === 'pglite') {
    const db = await openDatabase({ dataDir: IN_MEMORY });
    await migrate(db);
    return { db, close: () => db.close() };
  }
  const cluster: PgCluster = await startPgCluster();
  const db = await openDatabase({ databaseUrl: cluster.url, dataDir: '' });
  const second = await openDatabase({ databaseUrl: cluster.url, dataDir: '' });
  await migrate(db);
  return {
    db,
    second,
    url: cluster.url,
    async close() {
      await db.close();
      await second.close();
      await cluster.stop();
    },
  };
}

/** Empties every table (between tests). */
export async function resetDb(db: Database): Promise<void> {
  await db.exec('TRUNCATE records, installations, idempotency, unit_tokens, units, rate_windows, sessions, admins, settings RESTART IDENTITY CASCADE');
}

export function testConfig(overrides: Partial<CollectorConfig> = {}): CollectorConfig {
  return { ...configFromEnv({}), port: 0, host: '127.0.0.1', dashboardDir: '/nonexistent', ...overrides };
}

export const startTestServer = (db: Database, overrides: Partial<CollectorConfig> = {}): Promise<RunningServer> => startServer(db, testConfig(overrides), '+08:00');

/** A browser's log: entries chained (and masked) as the extension's audit log does. */
export function chainOf(entries: AuditEntry[], after?: ChainLink, start = new Date('2025-03-01T09:00:00+08:00')): AuditRecord[] {
  let prev = after;
  return entries.map((entry, i) => {
    const time = new Date(start.getTime() + i * 60_000);
    const record = linkRecord(prev, maskEntry(entry), { id: randomUUID(), time: time.toISOString().replace('Z', '+00:00'), policyVersion: 'pv1' });
    prev = { seq: record.seq, hash: record.hash };
    return record;
  });
}

export const blocked = (n: number, title = '稿件'): AuditEntry[] => Array.from({ length: n }, (_, i) => ({ event: 'publish-blocked' as const, title: `${title} ${i}` }));

export interface Posted {
  status: number;
  body: { ok?: boolean; stored?: number; duplicates?: number; flagged?: { seq: number; chain: string }[]; masked?: number; error?: { code: string; zh: string; en: string }; problems?: { path: string; zh: string; en: string }[] };
  headers: Headers;
}

export async function post(
  server: RunningServer,
  token: string | undefined,
  body: unknown,
  options: { key?: string; origin?: string; raw?: string; contentType?: string } = {},
): Promise<Posted> {
  const text = options.raw ?? JSON.stringify(body);
  const res = await fetch(`${server.url}/api/v1/records`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'idempotency-key': options.key ?? randomUUID(),
      ...(token && { authorization: `Bearer ${token}` }),
      ...(options.origin && { origin: options.origin }),
    },
    body: text,
  });
  return { status: res.status, body: (await res.json()) as Posted['body'], headers: res.headers };
}

export const EXTENSION_ORIGIN = CHROME_EXTENSION_ORIGIN;

export async function count(db: Database, sql = 'SELECT count(*)::int AS n FROM records', params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}
