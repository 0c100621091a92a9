/**
 * The dashboard's record filters, from the query string to one SQL WHERE clause. Dates are the
 * county's calendar days (COLLECTOR_UTC_OFFSET, +08:00 by default), whatever zone the server runs in.
 */
import { AUDIT_EVENTS, type AuditEvent } from '../../audit/types';
import { CHAIN_FLAGS, type ChainFlag } from '../ingest/chain-flags';

export interface RecordFilter {
  unit?: number;
  installation?: string;
  event?: AuditEvent;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  category?: string;
  text?: string;
  /** 'problems': any flag but ok. */
  chain?: ChainFlag | 'problems';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filter, or a problem naming the parameter that is wrong. */
export function parseFilter(q: URLSearchParams): { ok: true; filter: RecordFilter } | { ok: false; param: string } {
  const f: RecordFilter = {};
  const get = (k: string) => q.get(k)?.trim() || undefined;
  const unit = get('unit');
  if (unit !== undefined) {
    if (!/^\d{1,9}$/.test(unit)) return { ok: false, param: 'unit' };
    f.unit = Number(unit);
  }
  const event = get('event');
  if (event !== undefined) {
    if (!(AUDIT_EVENTS as readonly string[]).includes(event)) return { ok: false, param: 'event' };
    f.event = event as AuditEvent;
  }
  for (const k of ['from', 'to'] as const) {
    const v = get(k);
    if (v === undefined) continue;
    if (!DATE.test(v) || Number.isNaN(Date.parse(v))) return { ok: false, param: k };
    f[k] = v;
  }
  const chain = get('chain');
  if (chain !== undefined) {
    if (chain !== 'problems' && !(CHAIN_FLAGS as readonly string[]).includes(chain)) return { ok: false, param: 'chain' };
    f.chain = chain as RecordFilter['chain'];
  }
  for (const k of ['installation', 'category', 'text'] as const) {
    const v = get(k);
    if (v === undefined) continue;
    if (v.length > 200) return { ok: false, param: k };
    f[k] = v;
  }
  return { ok: true, filter: f };
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Midnight starting `day` in the county's zone; `next`: midnight ending it. */
export function dayStart(day: string, offset: string, next = false): string {
  const d = new Date(`${day}T00:00:00${offset}`);
  if (next) d.setTime(d.getTime() + 86_400_000);
  return d.toISOString();
}

export function whereClause(f: RecordFilter, offset: string, params: unknown[] = []): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (f.unit !== undefined) parts.push(`r.unit_id = ${add(f.unit)}`);
  if (f.installation) parts.push(`r.installation_id = ${add(f.installation)}`);
  if (f.event) parts.push(`r.event = ${add(f.event)}`);
  if (f.from) parts.push(`r.at >= ${add(dayStart(f.from, offset))}::timestamptz`);
  if (f.to) parts.push(`r.at < ${add(dayStart(f.to, offset, true))}::timestamptz`);
  if (f.category) parts.push(`r.category ILIKE ${add(likePattern(f.category))} ESCAPE '\\'`);
  if (f.chain === 'problems') parts.push(`r.chain <> 'ok'`);
  else if (f.chain) parts.push(`r.chain = ${add(f.chain)}`);
  if (f.text) {
    const p = add(likePattern(f.text));
    parts.push(
      `(r.title ILIKE ${p} ESCAPE '\\' OR r.editor ILIKE ${p} ESCAPE '\\' OR r.record->>'url' ILIKE ${p} ESCAPE '\\'` +
        ` OR (r.record->'signers')::text ILIKE ${p} ESCAPE '\\' OR (r.record->'detail')::text ILIKE ${p} ESCAPE '\\')`,
    );
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
