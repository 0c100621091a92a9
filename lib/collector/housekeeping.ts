/**
 * Clears what expires: rate-limit windows, old idempotency answers (records are deduplicated by id
 * anyway, so a batch resent after a week is still stored once), expired sessions. Every instance
 * runs it now and then; the deletes are harmless when two run at once.
 */
import type { Sql } from './db/database';

export const IDEMPOTENCY_DAYS = 7;

export async function sweep(db: Sql, now = Date.now()): Promise<void> {
  await db.query('DELETE FROM rate_windows WHERE window_start < $1', [now - 3_600_000]);
  await db.query('DELETE FROM idempotency WHERE created_at < now() - make_interval(days => $1)', [IDEMPOTENCY_DAYS]);
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
}
