/**
 * The collector's settings, from the environment (a service manager sets them; nothing is read from
 * files but the database). Defaults suit one county on one machine: loopback, PGlite in ./collector-data.
 */
import path from 'node:path';
import type { Limit } from './http/rate-limit';

/** The Chromium extension's fixed id (wxt.config.ts EXTENSION_ID; a test holds the two together). */
export const CHROME_EXTENSION_ORIGIN = 'chrome-extension://gholjiedldgiapanfhaiaoiiamagicop';

export interface CollectorConfig {
  host: string;
  port: number;
  /** How browsers reach the collector (what add-unit prints into the policy snippet). */
  publicUrl: string;
  databaseUrl?: string;
  dataDir: string;
  /** Origins allowed to POST records from a browser: the Chromium extension, plus Firefox's. */
  extensionOrigins: string[];
  ingestLimit: Limit;
  loginLimit: Limit;
  /** Set Secure on the session cookie (behind an https reverse proxy). */
  secureCookies: boolean;
  /** Where the built dashboard is (vite.dashboard.config.ts). */
  dashboardDir: string;
  /** Fault injection for tests: wait this long inside each ingest transaction before committing. */
  commitDelayMs: number;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

function int(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): CollectorConfig {
  const host = env.COLLECTOR_HOST || '127.0.0.1';
  const port = int(env.COLLECTOR_PORT, 8787);
  const firefox = (env.COLLECTOR_FIREFOX_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('moz-extension://'));
  return {
    host,
    port,
    publicUrl: (env.COLLECTOR_PUBLIC_URL || `http://${host}:${port}`).replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.COLLECTOR_DATA_DIR === 'memory://' ? 'memory://' : path.resolve(env.COLLECTOR_DATA_DIR || path.join(ROOT, 'collector-data')),
    extensionOrigins: [CHROME_EXTENSION_ORIGIN, ...firefox],
    ingestLimit: { max: int(env.COLLECTOR_RATE_PER_MINUTE, 600), windowMs: 60_000 },
    loginLimit: { max: 10, windowMs: 15 * 60_000 },
    secureCookies: env.COLLECTOR_SECURE_COOKIES === '1',
    dashboardDir: path.join(ROOT, 'dist', 'dashboard'),
    commitDelayMs: int(env.COLLECTOR_FAULT_COMMIT_DELAY_MS, 0),
  };
}
