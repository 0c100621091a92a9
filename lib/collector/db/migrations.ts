/**
 * The schema, as numbered migrations applied in order at start. Each runs in one transaction with
 * its number; an advisory lock makes instances that start together take turns, so each migration
 * runs once. A migration, once released, is never edited: a change is a new number.
 */
import type { Database } from './database';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'units, tokens, installations, records, idempotency, rate limits, admins, sessions',
    sql: `
CREATE TABLE units (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
-- Tokens are stored as SHA-256 of the token: they are long random strings, so a fast hash suffices.
-- expires_at: a rotated token keeps working for a grace period while the new one reaches the browsers.
CREATE TABLE unit_tokens (
  id serial PRIMARY KEY,
  unit_id int NOT NULL REFERENCES units(id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz
);
-- A browser installation belongs to the unit whose token first wrote for it.
CREATE TABLE installations (
  id text PRIMARY KEY,
  unit_id int NOT NULL REFERENCES units(id),
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now(),
  records int NOT NULL DEFAULT 0,
  max_seq bigint NOT NULL DEFAULT 0
);
-- One row per record version: the same id with the same content is stored once; the same id with
-- other content (a record changed after it was sent) is kept beside it and flagged, never merged.
-- content_hash is the hash of the record as stored; hash is the one it claims (they differ when
-- the record was altered, or masked on arrival).
-- chain: ok | gap (the record before it never arrived) | link (it does not continue the record
-- before it) | fork (another record has its number) | altered (its content does not match its hash,
-- or it was sent again changed).
CREATE TABLE records (
  rid bigserial PRIMARY KEY,
  id text NOT NULL,
  unit_id int NOT NULL REFERENCES units(id),
  installation_id text NOT NULL REFERENCES installations(id),
  seq bigint NOT NULL,
  event text NOT NULL,
  at timestamptz NOT NULL,
  title text,
  editor text,
  category text,
  origin text,
  hash text NOT NULL,
  prev_hash text NOT NULL,
  content_hash text NOT NULL,
  hash_ok boolean NOT NULL,
  masked boolean NOT NULL DEFAULT false,
  chain text NOT NULL DEFAULT 'ok',
  record jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, content_hash)
);
CREATE INDEX records_chain ON records (installation_id, seq);
CREATE INDEX records_at ON records (at DESC, rid DESC);
CREATE INDEX records_unit_at ON records (unit_id, at DESC);
CREATE INDEX records_problems ON records (installation_id, seq) WHERE chain <> 'ok';
-- A batch's answer, kept so a resent batch (its answer was lost) gets the same answer.
CREATE TABLE idempotency (
  unit_id int NOT NULL REFERENCES units(id),
  key text NOT NULL,
  request_hash text NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, key)
);
CREATE TABLE rate_windows (
  bucket text NOT NULL,
  window_start bigint NOT NULL,
  hits int NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE TABLE admins (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  admin_id int NOT NULL REFERENCES admins(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);`,
  },
];

/** Any number that identifies the collector's migrations among other users of the same database. */
const LOCK_ID = 48151623;

/** Applies what is missing; returns the versions applied now. */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
