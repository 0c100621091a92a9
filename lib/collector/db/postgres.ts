/** A real PostgreSQL through a `pg` pool: one pool per collector instance, any number of instances. */
import pg from 'pg';
import type { Database, Sql } from './database';

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server (a restart) is dropped from the pool, not a crash.
  pool.on('error', (e) => console.error('[collector] database connection lost:', e.message));
  await pool.query('SELECT 1');
  const run = (client: pg.Pool | pg.PoolClient): Sql => ({
    async query<T>(text: string, params?: unknown[]) {
      const r = await client.query(text, params);
      return { rows: r.rows as T[] };
    },
    async exec(text: string) {
      await client.query(text);
    },
  });
  return {
    kind: 'postgres',
    ...run(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(run(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
