/**
 * Per-unit numbers for the annual assessment (article 16): items published, publishes blocked (and
 * how many items), findings overridden with their reasons, the median time from a blocked publish to
 * the reviewer's sign-off, and post-publication mismatches, over the chosen days.
 *
 * Block to sign-off is measured per item (a browser and the editing page's URL, or the title where
 * a record has no URL; a publish is often blocked before the title is typed): from the item's first
 * blocked publish to its first sign-off, each publication starting a new measurement.
 */
import type { Sql } from '../db/database';
import { whereClause, type RecordFilter } from './filter';

export interface UnitStats {
  unitId: number;
  unit: string;
  revoked: boolean;
  browsers: number;
  published: number;
  blocked: number;
  blockedItems: number;
  overridden: number;
  /** Median seconds from block to sign-off; null without any measured item. */
  medianBlockToSignoffS: number | null;
  measuredItems: number;
  mismatches: number;
  chainProblems: number;
  reasons: { reason: string; ruleId: string; count: number }[];
}

type Period = Pick<RecordFilter, 'from' | 'to' | 'unit'>;

async function counts(db: Sql, period: Period, offset: string) {
  const where = whereClause(period, offset);
  return db.query<{
    id: number;
    name: string;
    revoked: boolean;
    browsers: number;
    published: number;
    blocked: number;
    blocked_items: number;
    overridden: number;
    mismatches: number;
    chain_problems: number;
  }>(
    `WITH scoped AS (SELECT r.* FROM records r ${where.sql})
     SELECT u.id, u.name, u.revoked_at IS NOT NULL AS revoked,
       (SELECT count(*)::int FROM installations i WHERE i.unit_id = u.id) AS browsers,
       count(s.rid) FILTER (WHERE s.event = 'publish-allowed')::int AS published,
       count(s.rid) FILTER (WHERE s.event = 'publish-blocked')::int AS blocked,
       count(DISTINCT (s.installation_id, s.title)) FILTER (WHERE s.event = 'publish-blocked')::int AS blocked_items,
       count(s.rid) FILTER (WHERE s.event = 'finding-overridden')::int AS overridden,
       count(s.rid) FILTER (WHERE s.event = 'post-publish-check' AND s.record->'detail'->>'result' = 'differs')::int AS mismatches,
       count(s.rid) FILTER (WHERE s.chain <> 'ok')::int AS chain_problems
     FROM units u LEFT JOIN scoped s ON s.unit_id = u.id
     ${period.unit !== undefined ? `WHERE u.id = ${Number(period.unit)}` : ''}
     GROUP BY u.id, u.name, u.revoked_at ORDER BY u.name`,
    where.params,
  );
}

async function medians(db: Sql, period: Period, offset: string) {
  const where = whereClause(period, offset);
  const and = where.sql ? `${where.sql} AND` : 'WHERE';
  return db.query<{ unit_id: number; median_s: number | null; n: number }>(
    `WITH ev AS (
       SELECT r.unit_id, r.installation_id, x.item, r.event, r.at,
         count(*) FILTER (WHERE r.event = 'publish-allowed')
           OVER (PARTITION BY r.installation_id, x.item ORDER BY r.seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS episode
       FROM records r CROSS JOIN LATERAL (SELECT COALESCE(NULLIF(r.record->>'url', ''), NULLIF(r.title, '')) AS item) x
       ${and} r.event IN ('publish-blocked', 'signoff-given', 'publish-allowed') AND x.item IS NOT NULL
     ), items AS (
       SELECT unit_id,
         min(at) FILTER (WHERE event = 'publish-blocked') AS blocked_at,
         min(at) FILTER (WHERE event = 'signoff-given') AS signed_at
       FROM ev GROUP BY unit_id, installation_id, item, episode
     )
     SELECT unit_id,
       (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM signed_at - blocked_at)))::float8 AS median_s,
       count(*)::int AS n
     FROM items WHERE blocked_at IS NOT NULL AND signed_at >= blocked_at GROUP BY unit_id`,
    where.params,
  );
}

async function reasons(db: Sql, period: Period, offset: string) {
  const where = whereClause({ ...period, event: 'finding-overridden' }, offset);
  return db.query<{ unit_id: number; reason: string | null; rule: string | null; n: number }>(
    `SELECT r.unit_id, r.record->'detail'->>'reason' AS reason, r.record->'detail'->>'ruleId' AS rule, count(*)::int AS n
     FROM records r ${where.sql} GROUP BY 1, 2, 3 ORDER BY n DESC, reason LIMIT 2000`,
    where.params,
  );
}

export async function unitStats(db: Sql, period: Period, offset: string): Promise<UnitStats[]> {
  const [c, m, r] = await Promise.all([counts(db, period, offset), medians(db, period, offset), reasons(db, period, offset)]);
  const median = new Map(m.rows.map((row) => [row.unit_id, row]));
  return c.rows.map((row) => ({
    unitId: row.id,
    unit: row.name,
    revoked: row.revoked,
    browsers: row.browsers,
    published: row.published,
    blocked: row.blocked,
    blockedItems: row.blocked_items,
    overridden: row.overridden,
    medianBlockToSignoffS: median.get(row.id)?.median_s ?? null,
    measuredItems: median.get(row.id)?.n ?? 0,
    mismatches: row.mismatches,
    chainProblems: row.chain_problems,
    reasons: r.rows.filter((x) => x.unit_id === row.id).map((x) => ({ reason: x.reason ?? '', ruleId: x.rule ?? '', count: x.n })),
  }));
}
