/** Reading stored records for the dashboard: a page, one record, an export in chunks, the facets. */
import type { AuditRecord } from '../../audit/types';
import type { Sql } from '../db/database';
import type { ChainFlag } from '../ingest/chain-flags';
import { whereClause, type RecordFilter } from './filter';

export interface StoredRecord {
  rid: number;
  unit: string;
  installation: string;
  chain: ChainFlag;
  /** The record as sent matched its own hash. */
  hashOk: boolean;
  /** It arrived with a raw personal value and was stored masked. */
  masked: boolean;
  record: AuditRecord;
}

interface Row {
  rid: string | number;
  unit: string;
  installation_id: string;
  chain: ChainFlag;
  hash_ok: boolean;
  masked: boolean;
  record: AuditRecord;
}

const COLUMNS = 'r.rid, u.name AS unit, r.installation_id, r.chain, r.hash_ok, r.masked, r.record';
const FROM = 'FROM records r JOIN units u ON u.id = r.unit_id';

const toStored = (r: Row): StoredRecord => ({
  rid: Number(r.rid),
  unit: r.unit,
  installation: r.installation_id,
  chain: r.chain,
  hashOk: r.hash_ok,
  masked: r.masked,
  record: r.record,
});

export async function pageOfRecords(db: Sql, filter: RecordFilter, offset: string, skip: number, limit: number): Promise<{ records: StoredRecord[]; total: number }> {
  const where = whereClause(filter, offset);
  const [page, count] = await Promise.all([
    db.query<Row>(`SELECT ${COLUMNS} ${FROM} ${where.sql} ORDER BY r.at DESC, r.rid DESC LIMIT ${limit} OFFSET ${skip}`, where.params),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM records r ${where.sql}`, where.params),
  ]);
  return { records: page.rows.map(toStored), total: count.rows[0]?.n ?? 0 };
}

export async function oneRecord(db: Sql, rid: number): Promise<StoredRecord | undefined> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} ${FROM} WHERE r.rid = $1`, [rid]);
  return rows[0] && toStored(rows[0]);
}

/** Every matching record in arrival order, `chunk` at a time (keyset paging: no growing OFFSET). */
export async function* allRecords(db: Sql, filter: RecordFilter, offset: string, chunk = 2000): AsyncGenerator<StoredRecord[]> {
  for (let after = 0; ; ) {
    const where = whereClause(filter, offset);
    where.params.push(after);
    const keyset = `${where.sql ? ' AND' : 'WHERE'} r.rid > $${where.params.length}`;
    const { rows } = await db.query<Row>(`SELECT ${COLUMNS} ${FROM} ${where.sql}${keyset} ORDER BY r.rid LIMIT ${chunk}`, where.params);
    if (rows.length === 0) return;
    yield rows.map(toStored);
    after = Number(rows[rows.length - 1]!.rid);
    if (rows.length < chunk) return;
  }
}

export async function facets(db: Sql): Promise<{ units: { id: number; name: string }[]; categories: string[] }> {
  const [units, categories] = await Promise.all([
    db.query<{ id: number; name: string }>('SELECT id, name FROM units ORDER BY name'),
    db.query<{ category: string }>(`SELECT DISTINCT category FROM records WHERE category IS NOT NULL AND category <> '' ORDER BY category LIMIT 500`),
  ]);
  return { units: units.rows, categories: categories.rows.map((r) => r.category) };
}
