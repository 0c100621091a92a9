/**
 * A batch as the extension sends it, `{ installation, records: [...] }`, checked whole before the
 * database sees it: one bad record refuses the batch (the sender's outbox keeps it), so nothing is
 * half stored. Each record's own hash is checked here, and it is masked again with the extension's
 * own masking: a record that carries a raw personal value (an old or forged sender) is stored masked
 * and flagged, never as it came.
 */
import { z } from 'zod';
import { BATCH } from '../../audit/collector';
import { hashRecord } from '../../audit/chain';
import { canonicalJson } from '../../audit/canonical';
import { maskEntry } from '../../audit/mask';
import type { AuditEntry, AuditRecord } from '../../audit/types';
import { toProblems, type Problem } from '../../policy/problems';
import { REFUSALS, type Refusal } from '../messages';
import { installationSchema, recordSchema } from './record-schema';

/** Well above the extension's batch of 200, far below what would strain a worker. */
export const MAX_RECORDS = Math.max(1000, BATCH);
/** The largest honest record is a few KB (every text field is cut at 2,000 characters). */
export const MAX_RECORD_BYTES = 64 * 1024;
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface IncomingRecord {
  /** As it will be stored: masked. */
  record: AuditRecord;
  /** The record as sent matches its own hash. */
  hashOk: boolean;
  /** The hash of the record as stored: the same record sent twice is stored once. */
  contentHash: string;
  /** Masking changed it: it arrived with a raw personal value. */
  masked: boolean;
}

export interface Batch {
  installation: string;
  records: IncomingRecord[];
}

export type BatchResult = { ok: true; batch: Batch } | { ok: false; refusal: Refusal; problems?: Problem[] };

const envelope = z.strictObject({ installation: installationSchema, records: z.array(z.unknown()).min(1) });

const CHAIN_FIELDS = ['seq', 'id', 'time', 'policyVersion', 'prevHash', 'hash'] as const;

function entryOf(record: AuditRecord): AuditEntry {
  const entry: Record<string, unknown> = { ...record };
  for (const k of CHAIN_FIELDS) delete entry[k];
  return entry as unknown as AuditEntry;
}

/** A record checked against its own hash and masked again, as it will be stored. */
export function incoming(record: AuditRecord): IncomingRecord {
  const contentHash = hashRecord(record);
  const hashOk = contentHash === record.hash;
  const entry = entryOf(record);
  const masked = maskEntry(entry);
  if (canonicalJson(masked) === canonicalJson(entry)) return { record, hashOk, contentHash, masked: false };
  const chain = Object.fromEntries(CHAIN_FIELDS.map((k) => [k, record[k]]));
  const stored = { ...masked, ...chain } as AuditRecord;
  return { record: stored, hashOk, contentHash: hashRecord(stored), masked: true };
}

function prefixed(problems: Problem[], index: number): Problem[] {
  return problems.map((p) => ({
    path: `records[${index}]${p.path ? `.${p.path}` : ''}`,
    zh: `第 ${index + 1} 条记录 ${p.path ? `${p.path} ` : ''}${p.zh.replace(/^[^：]*：/, '')}`,
    en: `records[${index}]${p.path ? `.${p.path}` : ''}: ${p.en.replace(/^[^:]*: /, '')}`,
  }));
}

export function parseBatch(body: string): BatchResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, refusal: REFUSALS.badJson };
  }
  const outer = envelope.safeParse(json);
  if (!outer.success) return { ok: false, refusal: REFUSALS.badBatch, problems: toProblems(outer.error.issues, json) };
  const raw = outer.data.records;
  if (raw.length > MAX_RECORDS) return { ok: false, refusal: { ...REFUSALS.tooMany, zh: `${REFUSALS.tooMany.zh}（最多 ${MAX_RECORDS} 条）`, en: `${REFUSALS.tooMany.en} (at most ${MAX_RECORDS})` } };
  const problems: Problem[] = [];
  const records: AuditRecord[] = [];
  raw.forEach((item, i) => {
    if (JSON.stringify(item).length > MAX_RECORD_BYTES) {
      problems.push({ path: `records[${i}]`, zh: `第 ${i + 1} 条记录超过 ${MAX_RECORD_BYTES / 1024} KB`, en: `records[${i}] exceeds ${MAX_RECORD_BYTES / 1024} KB` });
      return;
    }
    const r = recordSchema.safeParse(item);
    if (r.success) records.push(r.data);
    else problems.push(...prefixed(toProblems(r.error.issues, item), i));
  });
  if (problems.length > 0) {
    const tooBig = problems.every((p) => p.zh.includes('KB'));
    return { ok: false, refusal: tooBig ? REFUSALS.recordTooLarge : REFUSALS.badBatch, problems: problems.slice(0, 50) };
  }
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) return { ok: false, refusal: REFUSALS.duplicateInBatch, problems: [{ path: 'records', zh: `记录编号 ${r.id} 出现两次`, en: `record id ${r.id} appears twice` }] };
    ids.add(r.id);
  }
  return { ok: true, batch: { installation: outer.data.installation, records: records.map(incoming) } };
}
