/**
 * Chain status per browser installation: how many records, the highest number seen, how many
 * numbers below it never arrived, and the flagged records (gap, link, fork, altered, masked).
 */
import type { Sql } from '../db/database';
import type { ChainFlag } from '../ingest/chain-flags';

export interface BrowserChain {
  installation: string;
  unit: string;
  firstSeen: string;
  lastSeen: string;
  records: number;
  maxSeq: number;
  /** Numbers from 1 to maxSeq with no record. */
  missing: number;
  flags: Record<Exclude<ChainFlag, 'ok'>, number>;
  masked: number;
  ok: boolean;
}

export interface FlaggedRecord {
  rid: number;
  seq: number;
  id: string;
  chain: ChainFlag;
  masked: boolean;
  event: string;
  time: string;
  title: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export async function browserChains(db: Sql, unit?: number): Promise<BrowserChain[]> {
  const { rows } = await db.query<{
    id: string;
    unit: string;
    first_seen: Date;
    last_seen: Date;
    records: number;
    max_seq: string | number;
    seqs: number;
    gap: number;
    link: number;
    fork: number;
    altered: number;
    masked: number;
  }>(
    `SELECT i.id, u.name AS unit, i.first_seen, i.last_seen, i.records, i.max_seq,
       (SELECT count(DISTINCT r.seq)::int FROM records r WHERE r.installation_id = i.id) AS seqs,
       count(p.rid) FILTER (WHERE p.chain = 'gap')::int AS gap,
       count(p.rid) FILTER (WHERE p.chain = 'link')::int AS link,
       count(p.rid) FILTER (WHERE p.chain = 'fork')::int AS fork,
       count(p.rid) FILTER (WHERE p.chain = 'altered')::int AS altered,
       (SELECT count(*)::int FROM records m WHERE m.installation_id = i.id AND m.masked) AS masked
     FROM installations i JOIN units u ON u.id = i.unit_id
     LEFT JOIN records p ON p.installation_id = i.id AND p.chain <> 'ok'
     ${unit !== undefined ? 'WHERE i.unit_id = $1' : ''}
     GROUP BY i.id, u.name ORDER BY u.name, i.first_seen`,
    unit !== undefined ? [unit] : [],
  );
  return rows.map((r) => {
    const flags = { gap: r.gap, link: r.link, fork: r.fork, altered: r.altered };
    const missing = Number(r.max_seq) - r.seqs;
    return {
      installation: r.id,
      unit: r.unit,
      firstSeen: iso(r.first_seen),
      lastSeen: iso(r.last_seen),
      records: r.records,
      maxSeq: Number(r.max_seq),
      missing,
      flags,
      masked: r.masked,
      ok: missing === 0 && r.gap + r.link + r.fork + r.altered === 0 && r.masked === 0,
    };
  });
}

export async function flaggedRecords(db: Sql, installation: string): Promise<FlaggedRecord[]> {
  const { rows } = await db.query<{ rid: string | number; seq: string | number; id: string; chain: ChainFlag; masked: boolean; event: string; time: string; title: string | null }>(
    `SELECT r.rid, r.seq, r.id, r.chain, r.masked, r.event, r.record->>'time' AS time, r.title
     FROM records r WHERE r.installation_id = $1 AND (r.chain <> 'ok' OR r.masked) ORDER BY r.seq, r.rid LIMIT 1000`,
    [installation],
  );
  return rows.map((r) => ({ ...r, rid: Number(r.rid), seq: Number(r.seq) }));
}
