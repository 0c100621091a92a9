/**
 * The dashboard's administrators and their sessions, all in the database (any instance can check a
 * session). The first administrator is created from the dashboard with a one-time setup code the
 * collector prints on its console at start, so whoever reaches the page first cannot take it over;
 * `npm run collector -- set-password NAME` sets or resets a password from the server's shell.
 */
import { randomInt } from 'node:crypto';
import type { Database, Sql } from '../db/database';
import { hashPassword, verifyPassword } from './password';
import { newSecret, secretHash } from './secrets';

export const SESSION_HOURS = 12;
const SETUP_KEY = 'setup_code_hash';

export interface Admin {
  id: number;
  username: string;
}

export function acceptablePassword(username: string, password: string): boolean {
  return username.trim().length >= 1 && username.length <= 50 && [...password].length >= 10 && password.length <= 200;
}

export async function adminExists(db: Sql): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM admins LIMIT 1');
  return rows.length > 0;
}

/** With no administrator yet: a fresh setup code (replacing any earlier one) to print. */
export async function newSetupCode(db: Database): Promise<string | undefined> {
  if (await adminExists(db)) return undefined;
  const code = Array.from({ length: 3 }, () => String(randomInt(0, 10_000)).padStart(4, '0')).join('-');
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [SETUP_KEY, secretHash(code)]);
  return code;
}

export type SetupResult = 'ok' | 'done' | 'bad-code';

export async function setupAdmin(db: Database, code: string, username: string, password: string): Promise<SetupResult> {
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ value: string }>('SELECT value FROM settings WHERE key = $1 FOR UPDATE', [SETUP_KEY]);
    if (await adminExists(tx)) return 'done';
    if (!rows[0] || rows[0].value !== secretHash(code.trim())) return 'bad-code';
    await tx.query('INSERT INTO admins (username, password_hash) VALUES ($1, $2)', [username.trim(), hash]);
    await tx.query('DELETE FROM settings WHERE key = $1', [SETUP_KEY]);
    return 'ok';
  });
}

/** Creates the administrator or replaces their password (the shell's way in). */
export async function setPassword(db: Database, username: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO admins (username, password_hash) VALUES ($1, $2) ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash', [username.trim(), hash]);
    // A new password ends the sessions opened with the old one.
    await tx.query('DELETE FROM sessions WHERE admin_id = (SELECT id FROM admins WHERE username = $1)', [username.trim()]);
    await tx.query('DELETE FROM settings WHERE key = $1', [SETUP_KEY]);
  });
}

/** A new session's cookie value, or undefined for a wrong name or password. */
export async function login(db: Sql, username: string, password: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: number; password_hash: string }>('SELECT id, password_hash FROM admins WHERE username = $1', [username.trim()]);
  const admin = rows[0];
  // A missing user costs the same scrypt as a wrong password: the answer time does not tell names apart.
  const ok = await verifyPassword(password, admin?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
  if (!admin || !ok) return undefined;
  const token = newSecret('');
  await db.query(`INSERT INTO sessions (token_hash, admin_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [secretHash(token), admin.id, SESSION_HOURS]);
  return token;
}

export async function sessionAdmin(db: Sql, token: string | undefined): Promise<Admin | undefined> {
  if (!token) return undefined;
  const { rows } = await db.query<Admin>(
    'SELECT a.id, a.username FROM sessions s JOIN admins a ON a.id = s.admin_id WHERE s.token_hash = $1 AND s.expires_at > now()',
    [secretHash(token)],
  );
  return rows[0];
}

export async function logout(db: Sql, token: string | undefined): Promise<void> {
  if (token) await db.query('DELETE FROM sessions WHERE token_hash = $1', [secretHash(token)]);
}
