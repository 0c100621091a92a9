/**
 * The collector's HTTP server: the ingest API for the extensions, the dashboard's API and its page.
 * Holds no state of its own (all in the database), so any number can run behind a load balancer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dashboardApi } from './api/dashboard';
import { ingest, preflight } from './api/ingest';
import type { CollectorConfig } from './config';
import type { Database } from './db/database';
import { sweep } from './housekeeping';
import { refuse, sendJson } from './http/respond';
import { serveDashboard } from './http/static';
import { REFUSALS } from './messages';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const SWEEP_MS = 10 * 60_000;

async function route(req: IncomingMessage, res: ServerResponse, db: Database, config: CollectorConfig, utcOffset: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://collector.invalid');
  const p = url.pathname;
  if (p === '/api/v1/records') {
    if (req.method === 'OPTIONS') return preflight(req, res, config);
    if (req.method === 'POST') return ingest(req, res, db, config);
    return refuse(res, REFUSALS.method, undefined, { allow: 'POST, OPTIONS' });
  }
  if (p === '/api/v1/health') {
    await db.query('SELECT 1');
    return sendJson(res, 200, { ok: true, database: db.kind });
  }
  if (p.startsWith('/api/')) {
    if (p.startsWith('/api/dashboard/')) return dashboardApi(req, res, url, { db, config, utcOffset });
    return refuse(res, REFUSALS.notFound);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, REFUSALS.method);
  if (!serveDashboard(config.dashboardDir, p, res)) refuse(res, REFUSALS.notFound);
}

export async function startServer(db: Database, config: CollectorConfig, utcOffset = process.env.COLLECTOR_UTC_OFFSET || '+08:00'): Promise<RunningServer> {
  const server = createServer((req, res) => {
    route(req, res, db, config, utcOffset).catch((e: unknown) => {
      // Only the error's kind and message: requests can carry records, which never go into the log.
      console.error('[collector] request failed:', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      if (!res.headersSent) refuse(res, REFUSALS.unavailable);
      else res.destroy();
    });
  });
  // Generous: under load a request may wait its turn for the embedded database before it is read.
  server.requestTimeout = 300_000;
  // Longer than a client or proxy keeps an idle connection, so the server is not the one to close it
  // just as a request is sent on it (a reset the client sees as a failed batch).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const timer = setInterval(() => void sweep(db).catch((e: unknown) => console.error('[collector] housekeeping failed:', String(e))), SWEEP_MS);
  timer.unref();
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    async close() {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
