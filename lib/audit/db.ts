/**
 * The audit log's IndexedDB: it outlives browser restarts and the MV3 service worker, which the
 * browser stops whenever it is idle. The background writes; extension pages open the same database
 * to read.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ChainLink } from './chain';
import type { AuditRecord } from './types';

export interface Facets {
  editors: string[];
  reviewers: string[];
  categories: string[];
  sites: string[];
}

/** What the meta store holds, by key. */
export interface MetaValues {
  /** The last record appended, so a deleted tail shows at verify. */
  head: ChainLink;
  /** The last pruned record: the chain goes on from it after older records were deleted. */
  anchor: ChainLink;
  /** Every record up to this seq has been exported: only those may be pruned. */
  exportedThrough: number;
  /** Distinct values for the filter menus, kept at append (reviewers sit inside arrays no index reaches). */
  facets: Facets;
  /** This browser's own id at the collector, made once: the collector checks each installation's chain apart. */
  installation: string;
}
export type MetaKey = keyof MetaValues;

export interface AuditSchema extends DBSchema {
  records: {
    key: number;
    value: AuditRecord;
    /** title: the post-publication check looks a published item up by its title on every page opened. */
    indexes: { time: string; event: string; origin: string; title: string };
  };
  meta: { key: MetaKey; value: MetaValues[MetaKey] };
  /** Records waiting for the central collector, in append order by their seq index. */
  outbox: { key: string; value: AuditRecord; indexes: { seq: number } };
}

export type AuditDb = IDBPDatabase<AuditSchema>;

const DEFAULT_AUDIT_DB = 'precheck-audit';

export function openAuditDb(name = DEFAULT_AUDIT_DB): Promise<AuditDb> {
  return openDB<AuditSchema>(name, 1, {
    upgrade(db) {
      const records = db.createObjectStore('records', { keyPath: 'seq' });
      records.createIndex('time', 'time');
      records.createIndex('event', 'event');
      records.createIndex('origin', 'origin');
      records.createIndex('title', 'title');
      db.createObjectStore('meta');
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('seq', 'seq');
    },
  });
}

/** The meta store holds one shape per key; this is the one place that says which. */
export async function readMeta<K extends MetaKey>(db: AuditDb, key: K): Promise<MetaValues[K] | undefined> {
  return (await db.get('meta', key)) as MetaValues[K] | undefined;
}

/** This installation's id, made on first use and kept with the log it names (a new log, a new id). */
export async function installationId(db: AuditDb): Promise<string> {
  const tx = db.transaction('meta', 'readwrite');
  const known = (await tx.store.get('installation')) as string | undefined;
  const id = known ?? crypto.randomUUID();
  if (!known) await tx.store.put(id, 'installation');
  await tx.done;
  return id;
}
