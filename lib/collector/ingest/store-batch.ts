/**
 * Stores one checked batch in one transaction, and answers only once it committed. In order: the
 * Idempotency-Key (a batch whose answer was lost gets the same answer, a key reused for other content
 * is refused); the installation (it belongs to the unit that first wrote for it); records already
 * here (the same record is stored once; one that belongs to another unit or browser refuses the
 * batch); the insert; the chain flags of what it touched.
 */
import { isRetryable, type Database, type Sql } from '../db/database';
import { REFUSALS, type Refusal } from '../messages';
import type { Batch } from './batch';
import { recomputeChain, type ChainFlag } from './chain-flags';

export interface Unit {
  id: number;
  name: string;
}

export interface Stored {
  ok: true;
  stored: number;
  duplicates: number;
  /** Records of this batch whose chain is not in order, as stored. */
  flagged: { id: string; seq: number; chain: ChainFlag }[];
  /** Records that arrived with a raw personal value and were stored masked. */
  masked: number;
}

export type StoreOutcome = { ok: true; body: Stored; replayed: boolean } | { ok: false; refusal: Refusal };

/** Thrown inside the transaction to roll it back with a refusal. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
  }
}

export interface StoreOptions {
  /** Fault injection for the kill-mid-ingest test: wait this long before committing. */
  commitDelayMs?: number;
}

async function claimKey(tx: Sql, unit: Unit, key: string, requestHash: string): Promise<Stored | undefined> {
  const claimed = await tx.query('INSERT INTO idempotency (unit_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key', [unit.id, key, requestHash]);
  if (claimed.rows.length > 0) return undefined;
  // The conflicting row was committed by an earlier request (an insert in flight would have made
  // this one wait for it), so its answer is there.
  const { rows } = await tx.query<{ request_hash: string; response: Stored }>('SELECT request_hash, response FROM idempotency WHERE unit_id = $1 AND key = $2', [unit.id, key]);
  const earlier = rows[0];
  if (!earlier || earlier.request_hash !== requestHash) throw new Refused(REFUSALS.keyReused);
  return earlier.response;
}

async function claimInstallation(tx: Sql, unit: Unit, installation: string): Promise<void> {
  const { rows } = await tx.query<{ unit_id: number }>(
    `INSERT INTO installations (id, unit_id) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET last_seen = now() RETURNING unit_id`,
    [installation, unit.id],
  );
  if (rows[0]?.unit_id !== unit.id) throw new Refused(REFUSALS.otherUnitInstallation);
}

async function checkExisting(tx: Sql, unit: Unit, batch: Batch): Promise<void> {
  const ids = batch.records.map((r) => r.record.id);
  const { rows } = await tx.query<{ unit_id: number; installation_id: string }>(
    'SELECT DISTINCT unit_id, installation_id FROM records WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(ids)],
  );
  for (const row of rows) {
    if (row.unit_id !== unit.id) throw new Refused(REFUSALS.otherUnitRecord);
    if (row.installation_id !== batch.installation) throw new Refused(REFUSALS.otherBrowserRecord);
  }
}

const INSERT = `
INSERT INTO records (id, unit_id, installation_id, seq, event, at, title, editor, category, origin, hash, prev_hash, content_hash, hash_ok, masked, record)
SELECT x.r->>'id', $1, $2, (x.r->>'seq')::bigint, x.r->>'event', (x.r->>'time')::timestamptz,
       x.r->>'title', x.r->>'editor', x.r->>'category', x.r->>'origin', x.r->>'hash', x.r->>'prevHash',
       x.e->>'contentHash', (x.e->>'hashOk')::boolean, (x.e->>'masked')::boolean, x.r
FROM (SELECT e, e->'record' AS r FROM jsonb_array_elements($3::jsonb) AS e) AS x
ON CONFLICT (id, content_hash) DO NOTHING
RETURNING seq`;

async function insert(tx: Sql, unit: Unit, batch: Batch): Promise<Stored> {
  const { rows } = await tx.query<{ seq: string | number }>(INSERT, [unit.id, batch.installation, JSON.stringify(batch.records)]);
  const seqs = rows.map((r) => Number(r.seq));
  if (seqs.length > 0) {
    await recomputeChain(tx, batch.installation, seqs);
    await tx.query('UPDATE installations SET records = records + $2, max_seq = GREATEST(max_seq, $3) WHERE id = $1', [batch.installation, seqs.length, Math.max(...seqs)]);
  }
  const flagged = await tx.query<{ id: string; seq: string | number; chain: ChainFlag }>(
    `SELECT id, seq, chain FROM records WHERE installation_id = $1 AND chain <> 'ok'
       AND id IN (SELECT jsonb_array_elements_text($2::jsonb)) ORDER BY seq`,
    [batch.installation, JSON.stringify(batch.records.map((r) => r.record.id))],
  );
  return {
    ok: true,
    stored: seqs.length,
    duplicates: batch.records.length - seqs.length,
    flagged: flagged.rows.map((r) => ({ id: r.id, seq: Number(r.seq), chain: r.chain })),
    masked: seqs.length > 0 ? batch.records.filter((r) => r.masked).length : 0,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function storeBatch(db: Database, unit: Unit, key: string, requestHash: string, batch: Batch, options: StoreOptions = {}): Promise<StoreOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const earlier = await claimKey(tx, unit, key, requestHash);
        if (earlier) return { ok: true, body: earlier, replayed: true } as const;
        await claimInstallation(tx, unit, batch.installation);
        await checkExisting(tx, unit, batch);
        const body = await insert(tx, unit, batch);
        await tx.query('UPDATE idempotency SET response = $3 WHERE unit_id = $1 AND key = $2', [unit.id, key, JSON.stringify(body)]);
        if (options.commitDelayMs) await sleep(options.commitDelayMs);
        return { ok: true, body, replayed: false } as const;
      });
    } catch (e) {
      if (e instanceof Refused) return { ok: false, refusal: e.refusal };
      // Two instances raced on the same rows: the loser runs again and sees the winner's commit.
      if (isRetryable(e) && attempt < 4) continue;
      throw e;
    }
  }
}
