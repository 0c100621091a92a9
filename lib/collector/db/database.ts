/**
 * One small interface over the two databases the collector runs on: PGlite (PostgreSQL compiled to
 * WebAssembly, in-process, in a local folder: nothing to install for a county) and a real PostgreSQL
 * through `pg` (a city or province, several collector instances behind a load balancer). Both speak
 * the same SQL with $1 parameters; everything the collector knows lives in the database.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Several statements without parameters (a migration). */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres://… : a real PostgreSQL. Unset: PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** pg pool size per instance. */
  poolSize?: number;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(config.databaseUrl, config.poolSize ?? 10);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(config.dataDir);
}

/** PostgreSQL's codes for a transaction that lost a race and may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);

export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has(String((error as { code?: unknown }).code));
}
