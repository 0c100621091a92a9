/**
 * Units and their tokens. A token is shown once, when it is made; the database keeps its hash. A
 * rotated token keeps working for a grace period so that browsers still on the old policy do not
 * stall (their outbox would keep the records anyway); revoking a unit stops all its tokens at once
 * and keeps its records.
 */
import type { Database, Sql } from '../db/database';
import { newSecret, secretHash } from './secrets';
import type { Unit } from '../ingest/store-batch';

export const TOKEN_PREFIX = 'pcu_';
export const ROTATE_GRACE_DAYS = 7;

export class UnitError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} ${en}`);
  }
}

async function unitByName(db: Sql, name: string): Promise<{ id: number; revoked: boolean }> {
  const { rows } = await db.query<{ id: number; revoked: boolean }>('SELECT id, revoked_at IS NOT NULL AS revoked FROM units WHERE name = $1', [name]);
  const unit = rows[0];
  if (!unit) throw new UnitError(`没有名为「${name}」的单位。`, `There is no unit named "${name}".`);
  return unit;
}

async function issueToken(db: Sql, unitId: number): Promise<string> {
  const token = newSecret(TOKEN_PREFIX);
  await db.query('INSERT INTO unit_tokens (unit_id, token_hash) VALUES ($1, $2)', [unitId, secretHash(token)]);
  return token;
}

export function validUnitName(name: string): boolean {
  return name.trim() === name && name.length >= 1 && name.length <= 100 && ![...name].some((c) => c.charCodeAt(0) < 0x20);
}

export async function addUnit(db: Database, name: string): Promise<string> {
  if (!validUnitName(name)) throw new UnitError('单位名称应为 1 至 100 个字符，首尾不带空格。', 'A unit name is 1 to 100 characters without leading or trailing spaces.');
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: number }>('INSERT INTO units (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id', [name]);
    if (!rows[0]) throw new UnitError(`单位「${name}」已存在；要换发令牌请用 rotate-token。`, `Unit "${name}" exists already; use rotate-token for a new token.`);
    return issueToken(tx, rows[0].id);
  });
}

/** A new token; the old ones expire after the grace period (at once with `immediately`). */
export async function rotateToken(db: Database, name: string, immediately = false): Promise<string> {
  return db.transaction(async (tx) => {
    const unit = await unitByName(tx, name);
    if (unit.revoked) throw new UnitError(`单位「${name}」已吊销。`, `Unit "${name}" is revoked.`);
    await tx.query(
      `UPDATE unit_tokens SET expires_at = LEAST(COALESCE(expires_at, 'infinity'), now() + make_interval(days => $2))
       WHERE unit_id = $1`,
      [unit.id, immediately ? 0 : ROTATE_GRACE_DAYS],
    );
    return issueToken(tx, unit.id);
  });
}

export async function revokeUnit(db: Database, name: string): Promise<void> {
  await db.transaction(async (tx) => {
    const unit = await unitByName(tx, name);
    await tx.query('UPDATE units SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1', [unit.id]);
    await tx.query(`UPDATE unit_tokens SET expires_at = now() WHERE unit_id = $1 AND (expires_at IS NULL OR expires_at > now())`, [unit.id]);
  });
}

export async function unitForToken(db: Sql, token: string): Promise<Unit | undefined> {
  const { rows } = await db.query<Unit>(
    `SELECT u.id, u.name FROM unit_tokens t JOIN units u ON u.id = t.unit_id
     WHERE t.token_hash = $1 AND u.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
    [secretHash(token)],
  );
  return rows[0];
}

export interface UnitRow {
  name: string;
  revoked: boolean;
  tokens: number;
  browsers: number;
  records: number;
  lastSeen: string | null;
}

export async function listUnits(db: Sql): Promise<UnitRow[]> {
  const { rows } = await db.query<{ name: string; revoked: boolean; tokens: number; browsers: number; records: number; last_seen: Date | null }>(`
    SELECT u.name, u.revoked_at IS NOT NULL AS revoked,
      (SELECT count(*)::int FROM unit_tokens t WHERE t.unit_id = u.id AND (t.expires_at IS NULL OR t.expires_at > now())) AS tokens,
      (SELECT count(*)::int FROM installations i WHERE i.unit_id = u.id) AS browsers,
      (SELECT COALESCE(sum(i.records), 0)::int FROM installations i WHERE i.unit_id = u.id) AS records,
      (SELECT max(i.last_seen) FROM installations i WHERE i.unit_id = u.id) AS last_seen
    FROM units u ORDER BY u.name`);
  return rows.map((r) => ({ name: r.name, revoked: r.revoked, tokens: r.tokens, browsers: r.browsers, records: r.records, lastSeen: r.last_seen ? new Date(r.last_seen).toISOString() : null }));
}

/**
 * The unit named so, made without a token when it is not there yet (`collector import` brings in
 * another collector's units); rotate-token gives it one when its browsers are to write here.
 */
export async function ensureUnit(db: Sql, name: string): Promise<{ unit: Unit; created: boolean }> {
  const made = await db.query<{ id: number }>('INSERT INTO units (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id', [name]);
  if (made.rows[0]) return { unit: { id: made.rows[0].id, name }, created: true };
  return { unit: { id: (await unitByName(db, name)).id, name }, created: false };
}
