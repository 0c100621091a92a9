/**
 * POST /api/v1/records: the extension's batches. Checked in the order that costs least first: the
 * origin and headers, the size, the token, the rate limit, the JSON and every record; then stored in
 * one transaction and answered only once it committed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { CollectorConfig } from '../config';
import type { Database } from '../db/database';
import { unitForToken } from '../auth/units';
import { readBody } from '../http/body';
import { checkOrigin, preflightHeaders } from '../http/cors';
import { hit } from '../http/rate-limit';
import { refuse, sendJson } from '../http/respond';
import { MAX_BODY_BYTES, parseBatch } from '../ingest/batch';
import { storeBatch } from '../ingest/store-batch';
import { say } from '../log';
import { REFUSALS } from '../messages';

const KEY = /^[\x21-\x7e]{8,200}$/;

function bearer(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

export function preflight(req: IncomingMessage, res: ServerResponse, config: CollectorConfig): void {
  const origin = req.headers.origin;
  if (!origin || !config.extensionOrigins.includes(origin)) return refuse(res, REFUSALS.origin);
  res.writeHead(204, preflightHeaders(origin)).end();
}

export async function ingest(req: IncomingMessage, res: ServerResponse, db: Database, config: CollectorConfig): Promise<void> {
  const origin = checkOrigin(req, config.extensionOrigins);
  if (!origin.allowed) return refuse(res, REFUSALS.origin);
  const cors = origin.headers;
  const token = bearer(req);
  if (!token) return refuse(res, REFUSALS.noToken, undefined, cors);
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return refuse(res, REFUSALS.contentType, undefined, cors);
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string') return refuse(res, REFUSALS.noKey, undefined, cors);
  if (!KEY.test(key)) return refuse(res, REFUSALS.badKey, undefined, cors);
  // The body is read before the database is asked anything: a request waiting for the database
  // must not leave its body unread until the server's request timeout cuts the connection.
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!body.ok) return refuse(res, REFUSALS.tooLarge, undefined, { ...cors, connection: 'close' });
  const unit = await unitForToken(db, token);
  if (!unit) return refuse(res, REFUSALS.badToken, undefined, cors);
  const rate = await hit(db, `ingest:${unit.id}`, config.ingestLimit);
  if (!rate.allowed) return refuse(res, REFUSALS.rateLimited, undefined, { ...cors, 'retry-after': String(rate.retryAfter) });
  const parsed = parseBatch(body.text);
  if (!parsed.ok) return refuse(res, parsed.refusal, parsed.problems, cors);
  const requestHash = createHash('sha256').update(body.text).digest('hex');
  const outcome = await storeBatch(db, unit, key, requestHash, parsed.batch, { commitDelayMs: config.commitDelayMs });
  if (!outcome.ok) return refuse(res, outcome.refusal, undefined, cors);
  const { stored, duplicates, flagged, masked } = outcome.body;
  say(
    `[collector] ${outcome.replayed ? 'replayed' : 'stored'} ${stored} (duplicates ${duplicates}, flagged ${flagged.length}, masked ${masked})` +
      ` unit=${unit.name} installation=${parsed.batch.installation.slice(0, 8)}`,
  );
  sendJson(res, 200, outcome.body, { ...cors, ...(outcome.replayed && { 'idempotent-replayed': 'true' }) });
}
