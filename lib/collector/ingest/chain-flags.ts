/**
 * Each stored record's place in its browser's chain, recomputed for the records a batch can change:
 * its own and the ones right after them (a record that arrives late closes the gap before its
 * successor). What a flag means:
 *   altered — the record does not match its own hash, or the same record came again changed;
 *   fork    — another record of this browser has the same number;
 *   gap     — the record before it never arrived;
 *   link    — the record before it is here, but this one does not continue it (removed, replaced,
 *             reordered or forged in between).
 */
import type { Sql } from '../db/database';

export const CHAIN_FLAGS = ['ok', 'gap', 'link', 'fork', 'altered'] as const;
export type ChainFlag = (typeof CHAIN_FLAGS)[number];

const RECOMPUTE = `
UPDATE records r SET chain = CASE
  WHEN NOT r.hash_ok OR EXISTS (SELECT 1 FROM records o WHERE o.id = r.id AND o.rid <> r.rid) THEN 'altered'
  WHEN EXISTS (SELECT 1 FROM records o WHERE o.installation_id = r.installation_id AND o.seq = r.seq AND o.id <> r.id) THEN 'fork'
  WHEN r.seq = 1 THEN CASE WHEN r.prev_hash = '' THEN 'ok' ELSE 'link' END
  WHEN NOT EXISTS (SELECT 1 FROM records p WHERE p.installation_id = r.installation_id AND p.seq = r.seq - 1) THEN 'gap'
  WHEN NOT EXISTS (SELECT 1 FROM records p WHERE p.installation_id = r.installation_id AND p.seq = r.seq - 1 AND p.hash = r.prev_hash) THEN 'link'
  ELSE 'ok' END
WHERE r.installation_id = $1 AND r.seq IN (SELECT (jsonb_array_elements_text($2::jsonb))::bigint)`;

/** Recomputes the flags of the records numbered `seqs` and of the ones after them. */
export async function recomputeChain(tx: Sql, installation: string, seqs: readonly number[]): Promise<void> {
  const touched = new Set<number>();
  for (const s of seqs) {
    touched.add(s);
    touched.add(s + 1);
  }
  await tx.query(RECOMPUTE, [installation, JSON.stringify([...touched])]);
}
