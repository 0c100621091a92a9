/**
 * Fixed-window counters in the database, so every instance behind a load balancer counts the same
 * hits: one upsert per request, old windows swept by the housekeeping pass.
 */
import type { Sql } from '../db/database';

export interface Limit {
  max: number;
  windowMs: number;
}

export interface Hit {
  allowed: boolean;
  /** Seconds until the window ends (for Retry-After). */
  retryAfter: number;
}

export async function hit(db: Sql, bucket: string, limit: Limit, now = Date.now()): Promise<Hit> {
  const start = Math.floor(now / limit.windowMs) * limit.windowMs;
  const { rows } = await db.query<{ hits: number }>(
    `INSERT INTO rate_windows (bucket, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_windows.hits + 1 RETURNING hits`,
    [bucket, start],
  );
  return { allowed: (rows[0]?.hits ?? 0) <= limit.max, retryAfter: Math.max(1, Math.ceil((start + limit.windowMs - now) / 1000)) };
}
